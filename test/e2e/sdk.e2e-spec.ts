import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGuildhallClient, GuildhallApiError, Hexify, unwrap } from '#sdk';
import {
  freePort,
  issueAdminKeyWithCli,
  runCli,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER_ID = '123456789012345678';

/** The README's quick-start block, exactly as written between its markers. */
function readmeQuickStart(): string {
  const readme = readFileSync(join(ROOT, 'libs/sdk/README.md'), 'utf8');
  const block = /<!-- quick-start:begin[^>]*-->\s*```js\n([\s\S]*?)```\s*<!-- quick-start:end -->/.exec(
    readme,
  );
  assert.ok(block, 'the README has a marked quick-start block');
  return block[1];
}

/** A directory where `import '@guildhall/sdk'` resolves to this build of the SDK, as after npm install. */
function projectUsingTheSdk(dir: string): void {
  const pkg = join(dir, 'node_modules', '@guildhall', 'sdk');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@guildhall/sdk', main: 'index.js' }));
  const built = join(ROOT, 'dist', 'libs', 'sdk', 'src', 'index.js');
  writeFileSync(join(pkg, 'index.js'), `module.exports = require(${JSON.stringify(built)});\n`);
}

describe('@guildhall/sdk against a live Guildhall with the demo data', () => {
  let dataDir: string;
  let server: ServerProcess;
  let keys: Record<'hexify' | 'hush', string>;
  let api: Hexify;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-sdk-'));
    server = await startServerProcess(dataDir, await freePort());
    const demo = await runCli(dataDir, ['demo']);
    assert.equal(demo.code, 0, demo.stderr);
    keys = (JSON.parse(demo.stdout.trim().split('\n').at(-1)!) as { keys: typeof keys }).keys;
    api = new Hexify(keys.hexify, { baseUrl: server.url });
    // The CLI wrote through the shared store: wait until the server's read models show the demo's
    // server and its playing queue.
    for (let i = 0; i < 200; i++) {
      const res = await api.client.GET('/v2/servers/{server_id}/music/queue', {
        params: { path: { server_id: SERVER_ID } },
      });
      if (res.data?.current_track) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  after(async () => {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("given the README's quick start, when run as written, then it prints the seed's server and track", () => {
    const project = mkdtempSync(join(tmpdir(), 'guildhall-sdk-readme-'));
    try {
      projectUsingTheSdk(project);
      writeFileSync(join(project, 'quick-start.mjs'), readmeQuickStart());
      const run = spawnSync(process.execPath, ['quick-start.mjs'], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, HEXIFY_API_KEY: keys.hexify, GUILDHALL_URL: server.url },
      });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(
        run.stdout,
        'Server: My Discord Server (1250 members)\nNow playing: Never Gonna Give You Up\n',
      );
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('servers.get returns the seed example as a typed body', async () => {
    const server = await api.servers.get(SERVER_ID);
    assert.equal(server.id, SERVER_ID);
    assert.equal(server.name, 'My Discord Server');
    assert.equal(server.member_count, 1250);
    assert.deepEqual(server.features, ['music', 'moderation', 'analytics']);
    assert.equal(server.settings.prefix, 'h!');
  });

  it("music.getQueue returns the seed's queue: Rick Astley playing, Queen next", async () => {
    const queue = await api.music.getQueue(SERVER_ID);
    assert.equal(queue.current_track?.title, 'Never Gonna Give You Up');
    assert.equal(queue.current_track?.artist, 'Rick Astley');
    assert.deepEqual(queue.queue, [
      { title: 'Bohemian Rhapsody', artist: 'Queen', duration: 354, requested_by: SERVER_ID },
    ]);
    assert.equal(queue.is_playing, true);
    assert.equal(queue.volume, 75);
  });

  it('given an unknown server, then servers.get throws a GuildhallApiError 404 with the error body', async () => {
    const error = await api.servers.get('999999999999999999').then(
      () => assert.fail('expected a 404'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof GuildhallApiError);
    assert.equal(error.status, 404);
    assert.equal(error.body.statusCode, 404);
    assert.equal(typeof error.body.message, 'string');
  });

  it('given a wrong key, then music.getQueue throws a GuildhallApiError 401', async () => {
    const stranger = new Hexify({ apiKey: 'ghk_not_a_key', baseUrl: server.url });
    await assert.rejects(
      stranger.music.getQueue(SERVER_ID),
      (e: unknown) => e instanceof GuildhallApiError && e.status === 401 && e.body.statusCode === 401,
    );
  });

  it('the generic client reaches any operation, typed: GET /v1/servers/{id} with an operator key', async () => {
    const client = createGuildhallClient({
      apiKey: await issueAdminKeyWithCli(dataDir),
      baseUrl: server.url,
    });
    // The CLI appended the key; the server's key read model learns of it from its subscription.
    const get = () => client.GET('/v1/servers/{id}', { params: { path: { id: SERVER_ID } } });
    let answer = await get();
    for (let tries = 0; answer.response.status === 401 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await get();
    }
    const { data, response } = answer;
    assert.equal(response.status, 200);
    assert.equal(data?.name, 'My Discord Server');
    const missing = await unwrap(
      client.GET('/v1/servers/{id}', { params: { path: { id: '999999999999999999' } } }),
    ).catch((e: unknown) => e);
    assert.ok(missing instanceof GuildhallApiError && missing.status === 404);
  });
});
