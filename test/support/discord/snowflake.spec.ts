import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ShardClientUtil, SnowflakeUtil } from 'discord.js';
import { SnowflakeGenerator, shardOf, snowflakeOnShard, snowflakeTime } from './snowflake';

describe('Local Discord snowflakes', () => {
  it('given many ids in the same millisecond, then they are unique and strictly increasing', () => {
    const generator = new SnowflakeGenerator(1n, () => 1_700_000_000_000);
    const ids = Array.from({ length: 10_000 }, () => BigInt(generator.next()));
    assert.ok(ids.every((id, i) => i === 0 || id > ids[i - 1]!));
  });

  it('given an id, then discord.js reads the same creation time from it', () => {
    const id = new SnowflakeGenerator(1n, () => 1_700_000_000_123).next();
    assert.equal(Number(SnowflakeUtil.timestampFrom(id)), 1_700_000_000_123);
    assert.equal(snowflakeTime(id).getTime(), 1_700_000_000_123);
  });

  it('given guild ids, then the shard agrees with discord.js’s own formula', () => {
    const generator = new SnowflakeGenerator(1n, () => 1_700_000_000_000 + Math.floor(Math.random() * 1e9));
    for (let i = 0; i < 200; i++) {
      const id = generator.next();
      for (const count of [1, 2, 3, 16])
        assert.equal(shardOf(id, count), ShardClientUtil.shardIdForGuildId(id, count));
    }
  });

  it('given a shard, then snowflakeOnShard makes an id that lands on it', () => {
    for (const shard of [0, 1, 2]) assert.equal(shardOf(snowflakeOnShard(shard, 3), 3), shard);
  });
});
