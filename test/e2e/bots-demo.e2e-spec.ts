import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGuildhallApp } from '#guildhall/guildhall-app';
import { runCli } from '../support/server-process';
import { recordResponses } from '../support/contract/response-log';

/** The last line the demo prints: one JSON object. */
const summaryOf = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

describe("the demo serves the bot seeds' documented requests on a fresh instance", () => {
  let dataDir: string;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-bots-demo-'));
    const first = await runCli(dataDir, ['demo']);
    assert.equal(first.code, 0, first.stderr);
    keys = summaryOf(first.stdout).keys;
    app = await createGuildhallApp({ dataDir, logLevel: 'silent' });
    recordResponses(app.getHttpAdapter().getInstance());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The projections catch up from position 0 at start; retry a read until they have. */
  async function eventually(url: string, authorization: string) {
    for (let i = 0; ; i++) {
      const res = await app.inject({ method: 'GET', url, headers: { authorization } });
      if (res.statusCode !== 404 || i > 100) return res;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('given the demo ran once, when it runs again, then it writes nothing', async () => {
    const again = await runCli(dataDir, ['demo']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(summaryOf(again.stdout).events_written, 0);
  });

  it("BotNexus: the JavaScript sample's GET /v1/bots/847291032847 answers with server_count", async () => {
    const res = await eventually('/v1/bots/847291032847', `Bearer ${keys.botnexus}`);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual([body.server_count, body.avg_latency_ms, body.uptime], [1284, 45, 75]);
  });

  it("BotNexus: the cURL sample's developer status for arcdev", async () => {
    const res = await eventually('/v1/developers/arcdev/status', `Bearer ${keys.botnexus}`);
    assert.deepEqual(res.json(), {
      username: 'arcdev',
      verified: true,
      badge: 'verified_developer',
      api_tier: 'premium',
    });
  });

  it("BotNexus: the demo key may PATCH its bot's meta", async () => {
    await eventually('/v1/bots/847291032847', `Bearer ${keys.botnexus}`);
    const res = await app.inject({
      method: 'PATCH',
      url: '/v1/bots/847291032847/meta',
      headers: { authorization: `Bearer ${keys.botnexus}` },
      payload: { short_description: 'Metrics for every server' },
    });
    assert.equal(res.statusCode, 200);
  });

  it("Bots on Discord: the seed's three requests with the bare demo key", async () => {
    const authorization = keys.botsondiscord;
    const review = await eventually(
      '/bot-api/bots/125367104336691200/review?owner=437086154215391233',
      authorization,
    );
    assert.deepEqual(review.json(), { exists: true });
    const post = (path: string, payload: object) =>
      app.inject({
        method: 'POST',
        url: `/bot-api/bots/125367104336691200/${path}`,
        headers: { authorization },
        payload,
      });
    assert.equal((await post('guilds', { guildCount: 54783 })).statusCode, 204);
    const commands = {
      sort: 'default',
      commands: [
        {
          name: 'anime',
          args: [{ text: 'name', type: 'required' }, 'options'],
          cooldown: 5,
          cooldownUnit: 'm',
        },
      ],
    };
    assert.equal((await post('commands', commands)).statusCode, 204);
  });
});
