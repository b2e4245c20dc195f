import { Module, type DynamicModule } from '@nestjs/common';
import { DiscordGatewayModule } from './gateway/discord-gateway.module';
import { PlayerWorkerModule } from './voice/player-worker.module';

/**
 * The Discord door, over the buses of the core (CoreModule) that the composition root provides:
 * the gateway (listeners and commands, when `DISCORD_TOKEN` is set) and the voice player worker,
 * which plays only where `PLAYER_WORKER` says.
 */
@Module({})
export class DiscordDoorModule {
  static forRoot({ gateway }: { gateway: boolean }): DynamicModule {
    return {
      module: DiscordDoorModule,
      imports: [...(gateway ? [DiscordGatewayModule] : []), PlayerWorkerModule.forRoot({ discord: gateway })],
    };
  }
}
