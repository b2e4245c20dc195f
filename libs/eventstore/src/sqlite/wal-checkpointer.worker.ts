// Worker thread body: copies WAL pages into the database file on its own connection, so the slow part of a
// checkpoint (random writes plus an fsync of the database file) never blocks the event loop or a commit.
import { parentPort, workerData } from 'node:worker_threads';
import { DatabaseSync } from 'node:sqlite';

interface CheckpointerData {
  readonly file: string;
  readonly intervalMs: number;
  readonly busyTimeoutMs: number;
  /** WAL frames beyond which a RESTART checkpoint briefly holds writers back so the WAL can start over. */
  readonly restartFrames: number;
}

const { file, intervalMs, busyTimeoutMs, restartFrames } = workerData as CheckpointerData;
const db = new DatabaseSync(file);
db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
// PASSIVE never waits for writers; under steady load it may never finish the whole WAL, hence RESTART.
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const restart = db.prepare('PRAGMA wal_checkpoint(RESTART)');

const timer = setInterval(() => {
  try {
    const { log } = passive.get() as { log: number };
    if (log > restartFrames) restart.get();
  } catch (error) {
    parentPort?.postMessage({ error: String(error) });
  }
}, intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  try {
    passive.get();
  } finally {
    db.close();
    parentPort?.close();
  }
});
