import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guildDecider, type Decider, type GuildCommand, type GuildEvent, type GuildState } from '#domain';
import { ConcurrencyConflictError, SqliteEventStore } from '#eventstore';
import { testEvent } from '#eventstore/testing/index';
import { systemContext } from './command-context';
import { decideAndAppend } from './decide-and-append';

const profile = {
  name: 'Guild',
  ownerId: '1',
  memberCount: 10,
  botCount: 1,
  onlineCount: 2,
  premium: false,
  features: [],
};

describe('decideAndAppend (the handler shell) on SQLite', () => {
  let dir: string;
  let store: SqliteEventStore;
  let otherProcess: SqliteEventStore;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'guildhall-shell-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    otherProcess = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  after(async () => {
    await store.close();
    await otherProcess.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const context = systemContext('system', 'test');

  it('given a new guild, when registered, then the event lands at revision 0 with the context as metadata', async () => {
    const result = await decideAndAppend(
      store,
      guildDecider,
      'guild-1',
      { type: 'RegisterGuild', guildId: '1', profile },
      context,
    );
    assert.deepEqual(result.eventTypes, ['GuildRegistered']);
    assert.equal(result.revision, 0);
    const [event] = await store.readStream('guild-1');
    assert.equal(event.metadata.correlationId, context.correlationId);
    assert.deepEqual(event.metadata.actor, context.actor);
    assert.equal(event.schemaVersion, 1);
  });

  it('given a command that changes nothing, then nothing is appended and no position is returned', async () => {
    const result = await decideAndAppend(
      store,
      guildDecider,
      'guild-1',
      { type: 'RegisterGuild', guildId: '1', profile },
      context,
    );
    assert.deepEqual(result, { eventTypes: [], revision: 0, position: undefined });
  });

  it('given 20 concurrent commands on one stream in one process, then all succeed in order', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        decideAndAppend(
          store,
          guildDecider,
          'guild-1',
          { type: 'ChangeSettings', guildId: '1', changes: { prefix: `p${i}` } },
          context,
        ),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.revision),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  /** A decider that lets another process write to the stream just before the first append. */
  function racingDecider(races: number): Decider<GuildState, GuildCommand, GuildEvent> {
    let left = races;
    return {
      ...guildDecider,
      decide(command, state, ctx) {
        const events = guildDecider.decide(command, state, ctx);
        if (left-- > 0) {
          // Not awaited: the rival's commit must land between this decision and the shell's append.
          void otherProcess.appendToStream('guild-1', [
            testEvent('SettingsChanged', { guildId: '1', changes: { prefix: `other${left}` } }),
          ]);
        }
        return events;
      },
    };
  }

  it('given another writer wins the race once, then the command is re-decided on the new state and succeeds', async () => {
    const result = await decideAndAppend(
      store,
      racingDecider(1),
      'guild-1',
      { type: 'ChangeSettings', guildId: '1', changes: { prefix: 'mine' } },
      context,
    );
    assert.deepEqual(result.eventTypes, ['SettingsChanged']);
    const last = (await store.readStream('guild-1', { direction: 'backwards', maxCount: 2 })).map(
      (e) => e.data,
    );
    assert.deepEqual((last[0] as { changes: unknown }).changes, { prefix: 'mine' });
    assert.deepEqual((last[1] as { changes: unknown }).changes, { prefix: 'other0' });
  });

  it('given the race is lost on every attempt, then the conflict surfaces after maxAttempts', async () => {
    await assert.rejects(
      decideAndAppend(
        store,
        racingDecider(3),
        'guild-1',
        { type: 'ChangeSettings', guildId: '1', changes: { prefix: 'never' } },
        context,
        { maxAttempts: 3 },
      ),
      ConcurrencyConflictError,
    );
    const prefixes = (await store.readStream('guild-1')).map(
      (e) => (e.data as { changes?: { prefix?: string } }).changes?.prefix,
    );
    assert.ok(!prefixes.includes('never'));
  });
});
