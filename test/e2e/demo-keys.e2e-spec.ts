import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GuildhallConfig } from '#config';
import { runCli } from '../support/server-process';
import { startTestApp, type TestApp } from '../support/test-app';

const GUILD = '123456789012345678';

/** A fresh app with one demo-marked key and one ordinary key; `seeded` makes its data dir a demo one first. */
async function appWithKeys(overrides: Partial<GuildhallConfig>, seeded: boolean) {
  const t = await startTestApp(overrides);
  if (seeded) writeFileSync(join(t.dataDir, 'demo-seed'), '00'.repeat(32));
  await t.registerGuild(GUILD);
  const demo = await t.issueKey('210987654321098765', { demo: true });
  const plain = await t.issueKey('210987654321098765');
  return { t, demo: demo.key, plain: plain.key };
}

const status = (t: TestApp, key: string) =>
  t.app
    .inject({ method: 'GET', url: `/v2/servers/${GUILD}`, headers: { authorization: `Bearer ${key}` } })
    .then((res) => res.statusCode);

/** Runs `check` against a fresh app, closed afterwards: one embedded analytics store per process at a time. */
async function withApp(
  overrides: Partial<GuildhallConfig>,
  seeded: boolean,
  check: (app: Awaited<ReturnType<typeof appWithKeys>>) => Promise<void>,
): Promise<void> {
  const app = await appWithKeys(overrides, seeded);
  try {
    await check(app);
  } finally {
    await app.t.close();
  }
}

describe('demo keys stay in demo data directories', () => {
  it('given a data directory that is not a demo one, when a demo key is used, then 401; an ordinary key still works', async () => {
    await withApp({}, false, async ({ t, demo, plain }) => {
      assert.equal(await status(t, demo), 401);
      assert.equal(await status(t, plain), 200);
    });
  });

  it('given a demo data directory (it holds demo-seed), when a demo key is used, then it works', async () => {
    await withApp({}, true, async ({ t, demo }) => assert.equal(await status(t, demo), 200));
  });

  it('given DEMO_KEYS=on or off, then the data directory no longer decides', async () => {
    await withApp({ demoKeys: 'on' }, false, async ({ t, demo }) => assert.equal(await status(t, demo), 200));
    await withApp({ demoKeys: 'off' }, true, async ({ t, demo }) => assert.equal(await status(t, demo), 401));
  });
});

describe('cli demo on a data directory with other history', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-demo-keys-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given events that are not the demo’s, when the demo runs, then it refuses and writes no seed; --force loads it', async () => {
    const issued = await runCli(dataDir, ['keys', 'issue', '--user', '1', '--json']);
    assert.equal(issued.code, 0, issued.stderr);
    const refused = await runCli(dataDir, ['demo']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /not a demo data directory/);
    assert.equal(existsSync(join(dataDir, 'demo-seed')), false);
    const forced = await runCli(dataDir, ['demo', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(existsSync(join(dataDir, 'demo-seed')), true);
  });
});
