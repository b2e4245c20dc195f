import { Module } from '@nestjs/common';
import { AutoModListener } from './auto-mod.listener';
import { GuildModerationSettingsSource } from './guild-moderation-settings';
import { ModerationPoster } from './mod-log';
import { WelcomeListener } from './welcome.listener';

/** Auto-moderation and welcomes on the gateway, over the core's buses and the guild read model. */
@Module({ providers: [GuildModerationSettingsSource, ModerationPoster, AutoModListener, WelcomeListener] })
export class DiscordModerationModule {}
