import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readyBot } from './bot-client';
import { startFakeDiscord } from './index';

// The fake's buckets are real enough that @discordjs/rest queues on its headers instead of hitting 429.

describe('Local Discord, rate limits with discord.js', () => {
  it('given a bucket of 2 per 500 ms, when the bot sends 4 messages at once, then discord.js waits and no 429 is answered', async () => {
    const discord = await startFakeDiscord({ rateLimit: { limit: 2, windowMs: 500 } });
    try {
      const guild = discord.addGuild({ name: 'Tavern' });
      const client = await readyBot(discord);
      try {
        const channel = await client.channels.fetch([...guild.channels.keys()][0]!);
        assert.ok(channel?.isSendable());
        const started = Date.now();
        await Promise.all(['1', '2', '3', '4'].map((text) => channel.send(text)));
        const posts = discord.requests.filter((r) => r.route === 'POST /channels/:channel/messages');
        assert.deepEqual(
          posts.map((r) => r.status),
          [200, 200, 200, 200],
        );
        assert.ok(Date.now() - started >= 400, 'the second pair waited for the bucket to reset');
        assert.deepEqual(
          posts.map((r) => r.responseHeaders['x-ratelimit-remaining']),
          ['1', '0', '1', '0'],
        );
      } finally {
        await client.destroy();
      }
    } finally {
      await discord.stop();
    }
  });

  it('given a client that ignores the headers, then the request over the limit gets 429 with retry-after', async () => {
    const discord = await startFakeDiscord({ rateLimit: { limit: 1, windowMs: 10_000 } });
    try {
      const ask = () =>
        fetch(`${discord.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${discord.token}` } });
      assert.equal((await ask()).status, 200);
      const limited = await ask();
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal(((await limited.json()) as { global: boolean }).global, false);
    } finally {
      await discord.stop();
    }
  });
});
