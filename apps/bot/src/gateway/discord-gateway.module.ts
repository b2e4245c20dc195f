import { Module } from '@nestjs/common';
import { NecordModule } from 'necord';
import { ConfigError, GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { DiscordModerationModule } from '../moderation/moderation.module';
import { DiscordCommandsModule } from '../commands/discord-commands.module';
import { ListenersModule } from '../listeners/listeners.module';
import { necordOptions } from './necord-options';

/** The discord.js client (through Necord): logs in at start, registers the application commands. */
@Module({
  imports: [
    NecordModule.forRootAsync({
      inject: [GUILDHALL_CONFIG],
      useFactory: (config: GuildhallConfig) => {
        if (!config.discord) throw new ConfigError('The Discord gateway needs DISCORD_TOKEN');
        return necordOptions(config.discord);
      },
    }),
    DiscordModerationModule,
    DiscordCommandsModule,
    ListenersModule,
  ],
})
export class DiscordGatewayModule {}
