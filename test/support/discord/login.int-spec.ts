import { describe, it } from 'node:test';
import { once } from 'node:events';
import assert from 'node:assert/strict';
import { GatewayCloseCodes, GatewayIntentBits, type Guild } from 'discord.js';
import { WebSocket } from 'ws';
import { botClient, readyBot, nextEvent } from './bot-client';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type GuildSpec } from './index';

// Unmodified discord.js against the local Discord: discovery, IDENTIFY, READY, GUILD_CREATE, auth failures.

async function withDiscord(test: (discord: FakeDiscord) => Promise<void>, options?: FakeDiscordOptions) {
  const discord = await startFakeDiscord(options);
  try {
    await test(discord);
  } finally {
    await discord.stop();
  }
}

const guildSpec: GuildSpec = {
  name: 'Tavern',
  roles: [{ name: 'Bard' }],
  channels: [{ name: 'general' }, { name: 'Stage', type: 'voice' }],
  members: [{ username: 'alice', roles: ['Bard'], status: 'online' }, { username: 'bob' }],
  memberCount: 120,
};

describe('Local Discord, logged in to by discord.js', () => {
  it('given a guild, when the bot logs in, then it gets READY and the GUILD_CREATE with the name and member count', () =>
    withDiscord(async (discord) => {
      const guild = discord.addGuild(guildSpec);
      const client = await readyBot(discord);
      try {
        const cached = client.guilds.cache.get(guild.id);
        assert.equal(cached?.name, 'Tavern');
        assert.equal(cached?.memberCount, 120);
        assert.equal(cached?.channels.cache.find((c) => c.name === 'Stage')?.isVoiceBased(), true);
        assert.equal(
          cached?.members.cache
            .find((m) => m.user.username === 'alice')
            ?.roles.cache.some((r) => r.name === 'Bard'),
          true,
        );
        assert.equal(client.user?.id, discord.bot.id);
        assert.equal(client.application?.id, discord.state.application.id);
        assert.ok(discord.requests.filter((r) => r.route === 'GET /gateway/bot').length >= 1);
        const identify = await discord.gatewayPayloads.waitFor((p) => p.op === 2);
        assert.deepEqual((identify.d as { shard: number[] }).shard, [0, 1]);
        assert.equal((identify.d as { token: string }).token, '[redacted]');
        assert.deepEqual(discord.stats(0), { ...discord.stats(0), identifies: 1, resumes: 0 });
      } finally {
        await client.destroy();
      }
    }));

  it('given a bot joined, when a new guild is added, then its shard gets GUILD_CREATE and guildCreate fires', () =>
    withDiscord(async (discord) => {
      const client = await readyBot(discord);
      try {
        const joined = nextEvent<[Guild]>(client, 'guildCreate');
        const guild = discord.addGuild({ name: 'Late Hall' });
        const [received] = await joined;
        assert.equal(received.id, guild.id);
      } finally {
        await client.destroy();
      }
    }));

  it('given every REST answer, then it carries the rate-limit headers @discordjs/rest reads', () =>
    withDiscord(async (discord) => {
      const client = await readyBot(discord);
      try {
        await client.users.fetch(discord.bot.id, { force: true });
        for (const request of discord.requests.all) {
          for (const header of ['bucket', 'limit', 'remaining', 'reset', 'reset-after']) {
            assert.ok(
              request.responseHeaders[`x-ratelimit-${header}`],
              `${request.route} lacks x-ratelimit-${header}`,
            );
          }
          assert.equal(request.headers['authorization'], undefined, 'the token is not recorded');
        }
      } finally {
        await client.destroy();
      }
    }));

  it('given the server asks for a heartbeat (op 1), then discord.js heartbeats at once and gets an ACK', () =>
    withDiscord(
      async (discord) => {
        const client = await readyBot(discord);
        try {
          const next = discord.gatewayPayloads.waitForNext((p) => p.op === 1);
          const acknowledged = new Promise((resolve) =>
            client.on('debug', (message) => message.includes('Heartbeat acknowledged') && resolve(message)),
          );
          discord.requestHeartbeat(0);
          const heartbeat = await next;
          assert.equal(typeof heartbeat.d, 'number', 'the heartbeat carries the last sequence number');
          await acknowledged;
          assert.ok(discord.stats(0).heartbeats >= 1);
        } finally {
          await client.destroy();
        }
      },
      { heartbeatIntervalMs: 60_000 },
    ));

  it('given a wrong token, then REST answers 401 with Discord’s error JSON and login rejects', () =>
    withDiscord(async (discord) => {
      const client = botClient(discord);
      await assert.rejects(client.login('not-the-token'), /invalid token/i);
      const refused = await discord.waitForRequest((r) => r.route === 'GET /gateway/bot');
      assert.equal(refused.status, 401);
      assert.deepEqual(refused.response, { message: '401: Unauthorized', code: 0 });
      await client.destroy();
    }));

  it('given a wrong token in IDENTIFY, then the gateway closes with 4004', () =>
    withDiscord(async (discord) => {
      const socket = new WebSocket(
        `${discord.apiUrl.replace('http', 'ws').replace('/api', '')}/gateway?v=10&encoding=json`,
      );
      const [hello] = await once(socket, 'message');
      assert.equal(JSON.parse(String(hello)).op, 10);
      socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
      const [code] = await once(socket, 'close');
      assert.equal(code, GatewayCloseCodes.AuthenticationFailed);
    }));

  it('given privileged intents not enabled, when discord.js identifies with them, then 4014 rejects the login', () =>
    withDiscord(
      async (discord) => {
        const client = botClient(discord);
        await assert.rejects(client.login(discord.token), /disallowed intents/i);
        await client.destroy();
        const closed = discord.gatewayPayloads.filter((p) => p.op === 2);
        assert.equal(closed.length, 1);
      },
      { allowedPrivilegedIntents: GatewayIntentBits.GuildMembers },
    ));
});
