import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { userStreamId, type UserEvent } from '#domain';
import type { EventStore } from '#eventstore';
import { testEvent } from '#eventstore/testing/index';
import { ProjectionHost } from '../runtime/projection-host';
import { openTestStore, tempDir } from '../testing/fixtures';
import { usersProjection } from './users.projection';
import { UsersReadModel } from './users.read-model';

describe('users projection', () => {
  const tmp = tempDir();
  let store: EventStore;
  let host: ProjectionHost;

  before(async () => {
    store = await openTestStore(tmp.dir);
    host = new ProjectionHost({ store, projections: [usersProjection], dataDir: tmp.dir });
    await host.start();
  });
  after(async () => {
    await host.stop();
    await store.close();
    tmp.remove();
  });

  const append = async (...events: UserEvent[]) => {
    const result = await store.appendToStream(
      userStreamId('123456'),
      events.map((e) => testEvent(e.type, e.data)),
    );
    assert.equal(await host.waitForPosition('users', result.position, 2_000), true);
  };

  it('given a recorded profile and a later role change, then the view shows the latest profile', async () => {
    await append(
      {
        type: 'UserProfileRecorded',
        data: { userId: '123456', username: 'User#1234', roles: ['Admin', 'Member'] },
      },
      { type: 'UserProfileUpdated', data: { userId: '123456', changes: { roles: ['Member'] } } },
    );
    assert.deepEqual(new UsersReadModel(host.db).get('123456'), {
      id: '123456',
      username: 'User#1234',
      roles: ['Member'],
    });
  });

  it('given a rebuild, then the view is the same', async () => {
    const before = new UsersReadModel(host.db).get('123456');
    await host.rebuild('users');
    assert.deepEqual(new UsersReadModel(host.db).get('123456'), before);
  });

  it('given an unknown user, then null', () => {
    assert.equal(new UsersReadModel(host.db).get('1'), null);
  });
});
