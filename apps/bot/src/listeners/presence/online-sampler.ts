interface GuildPresence {
  /** Members whose presence is anything but offline. */
  readonly online: Set<string>;
  /** The count last handed out as a sample (or seeded from GUILD_CREATE, which records it itself). */
  recorded: number;
  /** When that sample was taken, epoch ms. */
  recordedAt: number;
}

export interface OnlineSample {
  readonly guildId: string;
  readonly onlineCount: number;
}

/**
 * The live online count per guild, from the presence firehose, and when to record it: a guild is
 * sampled at most once per `intervalMs`, and only when its count differs from the last recorded one.
 * Pure: time comes in as an argument; recording is the caller's job.
 */
export class OnlineSampler {
  private readonly guilds = new Map<string, GuildPresence>();

  constructor(private readonly intervalMs: number) {}

  /** GUILD_CREATE: who is online now. That count is recorded with the guild, so it counts as sampled. */
  seed(guildId: string, onlineUserIds: Iterable<string>, now: number): number {
    const online = new Set(onlineUserIds);
    this.guilds.set(guildId, { online, recorded: online.size, recordedAt: now });
    return online.size;
  }

  /** PRESENCE_UPDATE (or a member leaving, as offline). A guild not seeded yet is ignored. */
  update(guildId: string, userId: string, online: boolean): void {
    const guild = this.guilds.get(guildId);
    if (!guild) return;
    if (online) guild.online.add(userId);
    else guild.online.delete(userId);
  }

  /** The bot left the guild, or it went unavailable: nothing to sample until it is seeded again. */
  forget(guildId: string): void {
    this.guilds.delete(guildId);
  }

  liveCount(guildId: string): number | undefined {
    return this.guilds.get(guildId)?.online.size;
  }

  /** The samples due at `now`, each marked as recorded. `force` ignores the interval (shutdown). */
  takeDue(now: number, force = false): OnlineSample[] {
    const due: OnlineSample[] = [];
    for (const [guildId, guild] of this.guilds) {
      if (guild.online.size === guild.recorded) continue;
      if (!force && now - guild.recordedAt < this.intervalMs) continue;
      guild.recorded = guild.online.size;
      guild.recordedAt = now;
      due.push({ guildId, onlineCount: guild.recorded });
    }
    return due;
  }
}
