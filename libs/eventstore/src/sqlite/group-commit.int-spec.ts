import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { ConcurrencyConflictError } from '../errors';
import { testEvent, uniqueStreamId } from '../testing/fixtures';
import { GroupCommit } from './group-commit';
import { openDatabase } from './schema';

describe('GroupCommit', () => {
  let dir: string;
  let db: DatabaseSync;
  let commits: number;
  const groupCommit = (maxGroupSize = 1_000) => new GroupCommit(db, maxGroupSize, () => (commits += 1));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guildhall-group-'));
    db = openDatabase({
      file: join(dir, 'events.sqlite'),
      busyTimeoutMs: 1_000,
      autoCheckpoint: true,
      durability: 'full',
    });
    commits = 0;
  });
  afterEach(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('given 100 appends to different streams in one tick, when flushed, then one transaction commits them with contiguous positions', async () => {
    const writer = groupCommit();
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        writer.submit(uniqueStreamId('group'), [testEvent('A', {})], 'no_stream'),
      ),
    );
    assert.equal(commits, 1);
    assert.deepEqual(
      results.map((result) => result.position).sort((a, b) => a - b),
      Array.from({ length: 100 }, (_, i) => i),
    );
    assert.ok(results.every((result) => result.nextRevision === 0));
  });

  it('given more appends than the group cap, when flushed, then they commit in several capped groups', async () => {
    const writer = groupCommit(10);
    await Promise.all(
      Array.from({ length: 35 }, () => writer.submit(uniqueStreamId('group'), [testEvent('A', {})], 'any')),
    );
    assert.equal(commits, 4);
  });

  it('given one conflicting append in a group, when flushed, then only that append is rejected', async () => {
    const writer = groupCommit();
    const streamId = uniqueStreamId('group');
    await writer.submit(streamId, [testEvent('Created', {})], 'no_stream');
    const outcomes = await Promise.allSettled([
      writer.submit(streamId, [testEvent('A', {})], 0),
      writer.submit(streamId, [testEvent('Stale', {})], 0),
      writer.submit(streamId, [testEvent('B', {})], 1),
      writer.submit(uniqueStreamId('group'), [testEvent('Elsewhere', {})], 'no_stream'),
    ]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    const rejected = outcomes[1] as PromiseRejectedResult;
    assert.ok(rejected.reason instanceof ConcurrencyConflictError);
    assert.equal(rejected.reason.actual, 1, 'the conflict sees the append queued before it');
    const types = db.prepare('SELECT type FROM events WHERE stream_id = ? ORDER BY revision').all(streamId);
    assert.deepEqual(
      types.map((row) => row.type),
      ['Created', 'A', 'B'],
    );
  });

  it('given an append whose first event id already opened an append elsewhere, when flushed, then it conflicts and writes nothing', async () => {
    const writer = groupCommit();
    const streamId = uniqueStreamId('group');
    const taken = testEvent('Taken', {});
    await writer.submit(uniqueStreamId('other'), [taken], 'any');
    await assert.rejects(
      writer.submit(streamId, [taken, testEvent('Fresh', {})], 'any'),
      ConcurrencyConflictError,
    );
    const count = db.prepare('SELECT count(*) AS n FROM events WHERE stream_id = ?').get(streamId);
    assert.equal(count?.n, 0);
  });

  it('given a stream that moved on, when an earlier append is retried at its original revision, then the original result comes back', async () => {
    const writer = groupCommit();
    const streamId = uniqueStreamId('group');
    const batch = [testEvent('A', {}), testEvent('B', {})];
    const original = await writer.submit(streamId, batch, 'no_stream');
    await writer.submit(streamId, [testEvent('Later', {})], 1);
    assert.deepEqual(await writer.submit(streamId, batch, 'no_stream'), original);
    assert.deepEqual(await writer.submit(streamId, batch, 'any'), original);
  });

  it('given a retry that only partly matches what is stored, when flushed, then it is a conflict', async () => {
    const writer = groupCommit();
    const streamId = uniqueStreamId('group');
    const [a, b] = [testEvent('A', {}), testEvent('B', {})];
    await writer.submit(streamId, [a, b], 'no_stream');
    await assert.rejects(
      writer.submit(streamId, [a, testEvent('C', {})], 'no_stream'),
      ConcurrencyConflictError,
    );
    await assert.rejects(
      writer.submit(streamId, [a, b, testEvent('C', {})], 'any'),
      ConcurrencyConflictError,
    );
  });

  it('given an event whose data cannot be serialised, when submitted, then only that append is rejected', async () => {
    const writer = groupCommit();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const good = writer.submit(uniqueStreamId('group'), [testEvent('Good', {})], 'any');
    assert.throws(() => writer.submit(uniqueStreamId('group'), [testEvent('Bad', cyclic)], 'any'), TypeError);
    assert.equal((await good).nextRevision, 0);
  });

  it('given queued appends, when drained synchronously, then they are committed before it returns', async () => {
    const writer = groupCommit();
    const pending = writer.submit(uniqueStreamId('group'), [testEvent('A', {})], 'any');
    writer.drain();
    assert.equal(commits, 1);
    assert.equal(writer.pending, 0);
    assert.equal((await pending).position, 0);
  });
});
