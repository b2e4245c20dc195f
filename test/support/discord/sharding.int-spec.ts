import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Client } from 'discord.js';
import { readyBot } from './bot-client';
import { snowflakeOnShard, startFakeDiscord, type FakeDiscord } from './index';

// Several shards, on one client or split across bot processes: each connection gets its own guilds.

async function withTwoGuilds(
  test: (discord: FakeDiscord, onShard0: string, onShard1: string) => Promise<void>,
) {
  const discord = await startFakeDiscord();
  try {
    const onShard0 = discord.addGuild({ id: snowflakeOnShard(0, 2), name: 'Even Hall' }).id;
    const onShard1 = discord.addGuild({ id: snowflakeOnShard(1, 2), name: 'Odd Hall' }).id;
    await test(discord, onShard0, onShard1);
  } finally {
    await discord.stop();
  }
}

function rawShardOf(client: Client, type: string): Promise<number> {
  return new Promise((resolve) => {
    client.on('raw', (packet: { t: string }, shardId: number) => packet.t === type && resolve(shardId));
  });
}

describe('Local Discord, several shards with discord.js', () => {
  it('given shards [0, 1] of 2 on one client, then two connections each identify and get only their guilds', () =>
    withTwoGuilds(async (discord, onShard0, onShard1) => {
      const client = await readyBot(discord, { shards: [0, 1], shardCount: 2 });
      try {
        const identifies = discord.gatewayPayloads
          .filter((p) => p.op === 2)
          .map((p) => (p.d as { shard: number[] }).shard);
        assert.deepEqual(identifies.sort(), [
          [0, 2],
          [1, 2],
        ]);
        assert.equal(discord.gateway.connectionsTo('/gateway'), 2);
        assert.equal(client.guilds.cache.get(onShard0)?.shardId, 0);
        assert.equal(client.guilds.cache.get(onShard1)?.shardId, 1);
        const raw = rawShardOf(client, 'GUILD_UPDATE');
        const [delivery] = discord.dispatch(onShard1, 'GUILD_UPDATE', {
          ...discord.state.restGuild(discord.state.guild(onShard1)!),
          name: 'Odder Hall',
        });
        assert.equal(delivery?.shardId, 1);
        assert.equal(await raw, 1);
      } finally {
        await client.destroy();
      }
    }));

  it('given two bot processes with one shard each, then each process sees only its own guild', () =>
    withTwoGuilds(async (discord, onShard0, onShard1) => {
      const first = await readyBot(discord, { shards: [0], shardCount: 2 });
      const second = await readyBot(discord, { shards: [1], shardCount: 2 });
      try {
        assert.deepEqual([...first.guilds.cache.keys()], [onShard0]);
        assert.deepEqual([...second.guilds.cache.keys()], [onShard1]);
        assert.deepEqual([discord.stats(0).identifies, discord.stats(1).identifies], [1, 1]);
      } finally {
        await Promise.all([first.destroy(), second.destroy()]);
      }
    }));

  it('given shards: auto, then discord.js follows the recommended count from GET /gateway/bot', async () => {
    const discord = await startFakeDiscord({ recommendedShards: 2 });
    try {
      const client = await readyBot(discord, { shards: 'auto' });
      assert.deepEqual(client.ws.shards.map((shard) => shard.id).sort(), [0, 1]);
      await client.destroy();
    } finally {
      await discord.stop();
    }
  });

  it('given more guilds on a shard than allowed, then IDENTIFY is closed with 4011 and the login rejects', async () => {
    const discord = await startFakeDiscord({ maxGuildsPerShard: 1 });
    discord.addGuild({ name: 'One' });
    discord.addGuild({ name: 'Two' });
    try {
      await assert.rejects(readyBot(discord), /sharding is required/i);
    } finally {
      await discord.stop();
    }
  });
});
