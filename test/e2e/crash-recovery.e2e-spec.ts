import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  issueAdminKeyWithCli,
  runCli,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';

const GUILD = '123456';
const WRITERS = 8;

interface HistoryEntry {
  type: string;
  revision: number;
  data: { changes: { prefix?: string } };
}

async function allEvents(url: string, auth: Record<string, string>): Promise<HistoryEntry[]> {
  const events: HistoryEntry[] = [];
  let cursor: number | null = -1;
  while (cursor !== null) {
    const page = (await (
      await fetch(`${url}/v1/servers/${GUILD}/events?limit=500&after=${cursor}`, { headers: auth })
    ).json()) as {
      events: HistoryEntry[];
      next_cursor: number | null;
    };
    events.push(...page.events);
    cursor = page.next_cursor;
  }
  return events;
}

describe('crash recovery: SIGKILL during a stream of settings writes', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-crash-'));
  });
  after(async () => {
    await server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given acknowledged writes before the kill, then every one is in the store and the read model equals a rebuild', async () => {
    const auth = { authorization: `Bearer ${await issueAdminKeyWithCli(dataDir)}` };
    const port = await freePort();
    server = await startServerProcess(dataDir, port);
    const registered = await fetch(`${server.url}/v1/servers/${GUILD}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ name: 'Hush Community', owner_id: '123456', member_count: 120, bot_count: 5 }),
    });
    assert.equal(registered.status, 200);

    // given: writers keep changing the prefix; each acknowledged value is remembered
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const prefix = `${w}-${i}`;
        try {
          const res = await fetch(`${server!.url}/v1/servers/${GUILD}/settings`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json', ...auth },
            body: JSON.stringify({ prefix }),
          });
          if (res.status === 200) acknowledged.push(prefix);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writing = Array.from({ length: WRITERS }, (_, w) => writer(w));
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 5));

    // when: the process is killed mid-stream, then restarted
    await server.kill('SIGKILL');
    stop = true;
    await Promise.all(writing);
    server = await startServerProcess(dataDir, port);

    // then: every acknowledged write is in the event store
    const events = await allEvents(server.url, auth);
    const stored = new Set(
      events.filter((e) => e.type === 'SettingsChanged').map((e) => e.data.changes.prefix),
    );
    const lost = acknowledged.filter((prefix) => !stored.has(prefix));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged writes lost`);

    // and: once caught up, the live read model equals a rebuild from zero
    const last = events[events.length - 1].revision;
    let live: { revision: number } = { revision: -1 };
    for (let i = 0; i < 100 && live.revision !== last; i++) {
      live = (await (await fetch(`${server.url}/v1/servers/${GUILD}`, { headers: auth })).json()) as {
        revision: number;
      };
      if (live.revision !== last) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(live.revision, last);
    await server.kill('SIGTERM');
    const replay = await runCli(dataDir, ['replay', 'all']);
    assert.equal(replay.code, 0, replay.stderr);
    server = await startServerProcess(dataDir, port);
    const rebuilt = await (await fetch(`${server.url}/v1/servers/${GUILD}`, { headers: auth })).json();
    assert.deepEqual(rebuilt, live);
  });
});
