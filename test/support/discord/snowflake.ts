/** Discord's epoch (2015-01-01T00:00:00Z), the zero of every snowflake's timestamp. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Makes Discord snowflakes: 42 bits of milliseconds since the Discord epoch, 5 bits worker, 5 bits
 * process, 12 bits increment. Ids from one generator are unique and strictly increasing, so tests can
 * rely on creation order, and discord.js decodes their creation time like a real id's.
 */
export class SnowflakeGenerator {
  private lastTimestamp = 0n;
  private increment = 0n;

  constructor(
    private readonly worker = 1n,
    private readonly now: () => number = Date.now,
  ) {}

  next(): string {
    let timestamp = BigInt(this.now()) - DISCORD_EPOCH;
    if (timestamp <= this.lastTimestamp) {
      // Same (or earlier) millisecond: keep the id increasing by borrowing the next increment.
      timestamp = this.lastTimestamp;
      this.increment = (this.increment + 1n) & 0xfffn;
      if (this.increment === 0n) timestamp += 1n;
    } else {
      this.increment = 0n;
    }
    this.lastTimestamp = timestamp;
    return ((timestamp << 22n) | (this.worker << 17n) | (1n << 12n) | this.increment).toString();
  }
}

/** When a snowflake was made, as Discord defines it. */
export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}

/** The shard a guild's events go to: `(guild_id >> 22) % shard_count`, Discord's sharding formula. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A fresh snowflake whose guild would live on `shardId` of `shardCount`, for tests that place guilds. */
export function snowflakeOnShard(
  shardId: number,
  shardCount: number,
  generator = new SnowflakeGenerator(),
): string {
  for (;;) {
    const id = generator.next();
    if (shardOf(id, shardCount) === shardId) return id;
  }
}
