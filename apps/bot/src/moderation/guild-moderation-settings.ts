import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetGuildQuery, Projections } from '#core';
import { WordFilter, type AutoModSettings } from '#domain';
import { SettingsCache } from './settings-cache';

/** What the gateway's moderation needs of a guild's settings, with its word list compiled. */
export interface GuildModerationSettings {
  readonly guildName: string;
  readonly autoMod: AutoModSettings;
  readonly wordFilter: WordFilter;
  readonly welcomeChannelId: string | null;
  readonly modLogChannelId: string | null;
}

/** Where the guilds projection does not run in this process, settings may be this old. */
const TTL_MS = 5_000;

/** Guild settings from the read model (through the QueryBus), cached for the gateway's hot path. */
@Injectable()
export class GuildModerationSettingsSource {
  private readonly cache: SettingsCache<GuildModerationSettings | null>;
  /** The last compiled filter per guild: a word list that did not change is not compiled again. */
  private readonly filters = new Map<string, { words: readonly string[]; filter: WordFilter }>();

  constructor(
    private readonly queryBus: QueryBus,
    projections: Projections,
  ) {
    this.cache = new SettingsCache(projections.versionOf('guilds'), TTL_MS);
  }

  /** Null when the guild is not registered: nothing is moderated there. */
  get(guildId: string): Promise<GuildModerationSettings | null> {
    return this.cache.get(guildId, async () => {
      const guild = await this.queryBus.execute(new GetGuildQuery(guildId));
      if (!guild) return null;
      const { autoMod, welcomeChannelId, modLogChannelId } = guild.settings;
      return {
        guildName: guild.name,
        autoMod,
        wordFilter: this.compiled(guildId, autoMod.wordFilter),
        welcomeChannelId,
        modLogChannelId,
      };
    });
  }

  private compiled(guildId: string, words: readonly string[]): WordFilter {
    const last = this.filters.get(guildId);
    if (last && last.words.length === words.length && last.words.every((w, i) => w === words[i])) {
      return last.filter;
    }
    const filter = new WordFilter(words);
    if (this.filters.size >= 10_000) this.filters.clear();
    this.filters.set(guildId, { words, filter });
    return filter;
  }
}
