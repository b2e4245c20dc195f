import { Module } from '@nestjs/common';
import { KeyActions } from '../keys/key-actions';
import { KeyCommands } from '../keys/key-commands';
import { MusicActions } from './music/music-actions';
import { MusicCommands } from './music/music-commands';
import { PrefixCommandsListener } from './prefix/prefix-commands.listener';
import { QueryUsage } from './query-usage';
import { DiscordRefusalInterceptor } from './refusal.interceptor';
import { SettingsActions } from './settings/settings-actions';
import { SettingsCommands } from './settings/settings-commands';
import { WordFilterCommands } from './settings/word-filter-commands';
import { StatsActions } from './stats/stats-actions';
import { StatsCommands } from './stats/stats-commands';

/**
 * The Discord door's commands: slash commands (registered by Necord at start) and prefix commands,
 * both on the same actions, which build the Commands and Queries the REST routes build.
 */
@Module({
  providers: [
    DiscordRefusalInterceptor,
    QueryUsage,
    MusicActions,
    SettingsActions,
    StatsActions,
    KeyActions,
    MusicCommands,
    SettingsCommands,
    WordFilterCommands,
    StatsCommands,
    KeyCommands,
    PrefixCommandsListener,
  ],
})
export class DiscordCommandsModule {}
