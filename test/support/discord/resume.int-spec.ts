import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'discord.js';
import { nextEvent, readyBot } from './bot-client';
import { startFakeDiscord, type FakeDiscord, type StoredGuild } from './index';

// Connection loss and Discord's session controls: discord.js must RESUME (not IDENTIFY) when it may,
// and receive what it missed exactly once.

async function withBot(
  test: (discord: FakeDiscord, client: Client, say: (text: string) => void) => Promise<void>,
) {
  const discord = await startFakeDiscord();
  try {
    const guild: StoredGuild = discord.addGuild({ name: 'Tavern', members: [{ username: 'bob' }] });
    const client = await readyBot(discord);
    const bob = [...guild.members.values()].find((m) => m.user.username === 'bob')!.user.id;
    const channel = [...guild.channels.keys()][0]!;
    try {
      await test(discord, client, (text) => discord.sendMessage(channel, bob, text));
    } finally {
      await client.destroy();
    }
  } finally {
    await discord.stop();
  }
}

/** MESSAGE_CREATE contents as dispatched, before discord.js's cache would hide a duplicate. */
function collectMessages(client: Client): string[] {
  const seen: string[] = [];
  client.on('raw', (packet: { t: string; d: { content: string } }) => {
    if (packet.t === 'MESSAGE_CREATE') seen.push(packet.d.content);
  });
  return seen;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('Local Discord, resuming sessions with discord.js', () => {
  it('given a dropped connection, when events happen meanwhile, then discord.js resumes and gets each exactly once', () =>
    withBot(async (discord, client, say) => {
      const seen = collectMessages(client);
      say('before');
      await until(() => seen.includes('before'));
      discord.dropConnection(0);
      ['missed 1', 'missed 2', 'missed 3'].forEach(say);
      const resume = await discord.gatewayPayloads.waitFor((p) => p.op === 6);
      await until(() => seen.includes('missed 3'));
      say('after');
      await until(() => seen.includes('after'));
      assert.deepEqual(seen, ['before', 'missed 1', 'missed 2', 'missed 3', 'after']);
      assert.equal((resume.d as { session_id: string }).session_id, discord.gateway.session(0)!.id);
      assert.deepEqual(discord.stats(0), { ...discord.stats(0), identifies: 1, resumes: 1 });
      assert.equal(discord.gateway.connectionsTo('/gateway-resume'), 1, 'resumed at resume_gateway_url');
    }));

  it('given op 7 (reconnect), then discord.js reconnects and resumes the same session', () =>
    withBot(async (discord, client) => {
      const resumed = nextEvent(client, 'shardResume');
      discord.requestReconnect(0);
      await resumed;
      assert.deepEqual(discord.stats(0), { ...discord.stats(0), identifies: 1, resumes: 1 });
    }));

  it('given a close with 4000 (unknown error), then discord.js resumes', () =>
    withBot(async (discord, client, say) => {
      const seen = collectMessages(client);
      discord.dropConnection(0, 4000);
      say('while closed');
      await until(() => seen.includes('while closed'));
      assert.deepEqual(discord.stats(0), { ...discord.stats(0), identifies: 1, resumes: 1 });
    }));

  it('given op 9 resumable, then discord.js resumes on the same connection', () =>
    withBot(async (discord, client) => {
      const resumed = nextEvent(client, 'shardResume');
      discord.invalidateSession(0, true);
      await resumed;
      assert.deepEqual(discord.stats(0), { ...discord.stats(0), identifies: 1, resumes: 1 });
      assert.equal(discord.gateway.connectionsTo('/gateway-resume'), 0, 'no new connection');
    }));

  it('given op 9 not resumable, then discord.js identifies again and gets READY and its guild anew', () =>
    withBot(async (discord, client, say) => {
      const seen = collectMessages(client);
      const firstSession = discord.gateway.session(0)!.id;
      const identified = discord.gatewayPayloads.waitForNext((p) => p.op === 2, 10_000);
      discord.invalidateSession(0, false);
      // discord.js spaces IDENTIFYs of one shard 5 s apart, so this takes a few seconds.
      await identified;
      await until(
        () => discord.gateway.session(0)?.id !== firstSession && discord.gateway.session(0)!.seq >= 2,
      );
      say('new session');
      await until(() => seen.includes('new session'));
      assert.deepEqual(discord.stats(0), { ...discord.stats(0), identifies: 2, resumes: 0 });
    }));
});
