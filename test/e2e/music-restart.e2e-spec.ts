import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedMusicLibrary } from '../support/seed-library';
import {
  freePort,
  issueAdminKeyWithCli,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';

const GUILD = '766045633697021973';
const QUERIES = ['never gonna give you up', 'bohemian rhapsody', 'tuyo', 'magia', 'calma'];

interface PlayerBody {
  queue: { track_id: string; title: string }[];
  revision: number;
}

describe('music: killing the process mid-queue loses no queued track', () => {
  let dataDir: string;
  let port: number;
  let server: ServerProcess | undefined;
  let auth: Record<string, string>;
  let musicEnv: Record<string, string>;
  const start = () => startServerProcess(dataDir, port, musicEnv);
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-music-crash-'));
    // The queries resolve in a real library: the demo's FFmpeg-made seed tracks.
    musicEnv = { MUSIC_DIR: await seedMusicLibrary(), YTDLP_PATH: 'off' };
    auth = { authorization: `Bearer ${await issueAdminKeyWithCli(dataDir)}` };
    port = await freePort();
    server = await start();
  });
  after(async () => {
    await server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const enqueue = (query: string) =>
    fetch(`${server!.url}/v1/servers/${GUILD}/music/queue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query }),
    });
  const readQueue = async (): Promise<PlayerBody> =>
    (await (
      await fetch(`${server!.url}/v1/servers/${GUILD}/music/queue`, { headers: auth })
    ).json()) as PlayerBody;
  /** After a restart the projection catches up from its checkpoint: read until it reaches `revision`. */
  const readQueueAt = async (revision: number): Promise<PlayerBody> => {
    for (let i = 0; i < 200; i++) {
      const body = await readQueue();
      if (body.revision >= revision) return body;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`player read model never reached revision ${revision}`);
  };

  it('given a queue, when the process is SIGKILLed and restarted on the same data, then the queue is the same', async () => {
    for (const query of [...QUERIES, 'Elixir sample playlist']) {
      assert.equal((await enqueue(query)).status, 201);
    }
    const before = await readQueue();
    assert.equal(before.queue.length, QUERIES.length + 3);

    await server!.kill('SIGKILL');
    server = await start();

    assert.deepEqual(await readQueueAt(before.revision), before);
  });

  it('given writers adding tracks, when the process is SIGKILLed mid-stream, then every acknowledged track is queued', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await enqueue(QUERIES[(w + i) % QUERIES.length]);
          if (res.status === 201)
            acknowledged.push(((await res.json()) as { added: { track_id: string }[] }).added[0].track_id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writing = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5));
    await server!.kill('SIGKILL');
    stop = true;
    await Promise.all(writing);

    server = await start();
    // The projection catches up from its checkpoint after the restart: poll until it has (or give up).
    let after = await readQueue();
    for (let i = 0; i < 200 && !acknowledged.every((id) => after.queue.some((t) => t.track_id === id)); i++) {
      await new Promise((r) => setTimeout(r, 25));
      after = await readQueue();
    }
    const queued = new Set(after.queue.map((t) => t.track_id));
    const lost = acknowledged.filter((id) => !queued.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged tracks lost`);
  });
});
