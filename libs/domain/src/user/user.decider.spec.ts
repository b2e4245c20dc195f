import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import { userDecider } from './user.decider';
import type { UserEvent } from './user.events';

const spec = DeciderSpecification.for(userDecider);
const recorded: UserEvent = {
  type: 'UserProfileRecorded',
  data: { userId: '123456', username: 'User#1234', roles: ['Admin', 'Member'] },
};
const record = (username: string, roles: string[]) =>
  ({ type: 'RecordUserProfile', userId: '123456', profile: { username, roles } }) as const;

describe('user decider', () => {
  it('given an unknown user, when a profile is recorded, then UserProfileRecorded', () => {
    spec
      .given([])
      .when(record('User#1234', ['Admin', 'Member']))
      .then([recorded]);
  });

  it('given a known user, when the same profile is recorded in another role order, then nothing', () => {
    spec
      .given([recorded])
      .when(record('User#1234', ['Member', 'Admin']))
      .thenNothing();
  });

  it('given a known user, when the username changes, then only the username is recorded', () => {
    spec
      .given([recorded])
      .when(record('Renamed#0001', ['Admin', 'Member']))
      .then([
        { type: 'UserProfileUpdated', data: { userId: '123456', changes: { username: 'Renamed#0001' } } },
      ]);
  });

  it('given a known user, when roles change, then only the roles are recorded', () => {
    spec
      .given([recorded])
      .when(record('User#1234', ['Member']))
      .then([{ type: 'UserProfileUpdated', data: { userId: '123456', changes: { roles: ['Member'] } } }]);
  });

  it('refuses a blank username', () => {
    spec.given([]).when(record('  ', [])).thenThrows('invalid', 'invalid_username', 'username');
  });

  it('refuses duplicate roles', () => {
    spec
      .given([])
      .when(record('u', ['Admin', 'Admin']))
      .thenThrows('invalid', 'invalid_roles', 'roles');
  });

  it('refuses a user id that is not a snowflake', () => {
    spec
      .given([])
      .when({ type: 'RecordUserProfile', userId: 'abc', profile: { username: 'u', roles: [] } })
      .thenThrows('invalid', 'invalid_user_id', 'userId');
  });

  const erase = { type: 'RecordPersonalDataErasure', userId: '123456', keysForgotten: 1 } as const;
  const erased: UserEvent = {
    type: 'PersonalDataErased',
    data: { userId: '123456', at: '2026-03-01T00:00:00.000Z', keysForgotten: 1 },
  };

  it('given any user, when an erasure is recorded, then PersonalDataErased without the data', () => {
    spec.given([]).when(erase, { now: '2026-03-01T00:00:00.000Z' }).then([erased]);
  });

  it('given an erased user, when the same name is recorded again, then it is recorded anew (new data, new key)', () => {
    spec
      .given([recorded, erased])
      .when(record('User#1234', ['Admin', 'Member']))
      .then([{ type: 'UserProfileUpdated', data: { userId: '123456', changes: { username: 'User#1234' } } }]);
  });
});
