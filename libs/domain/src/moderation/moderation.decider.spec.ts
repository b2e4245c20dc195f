import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeciderSpecification, SPEC_NOW } from '../testing/decider-spec';
import type { FilterMessage, TimeOutMember } from './moderation.commands';
import { RECENTLY_FILTERED_KEPT, moderationDecider } from './moderation.decider';
import type { MemberTimedOut, MessageFiltered } from './moderation.events';

const spec = DeciderSpecification.for(moderationDecider);
const GUILD = '100000000000000001';
const CHANNEL = '200000000000000002';
const ALICE = '300000000000000003';
const BOB = '300000000000000004';

const filter = (messageId = '400000000000000005', term = 'bad'): FilterMessage => ({
  type: 'FilterMessage',
  guildId: GUILD,
  channelId: CHANNEL,
  messageId,
  userId: ALICE,
  term,
});
const filtered = (messageId = '400000000000000005', term = 'bad'): MessageFiltered => ({
  type: 'MessageFiltered',
  data: { guildId: GUILD, channelId: CHANNEL, messageId, userId: ALICE, term },
});
const timeOut = (userId = ALICE, durationSeconds = 600): TimeOutMember => ({
  type: 'TimeOutMember',
  guildId: GUILD,
  channelId: CHANNEL,
  userId,
  reason: 'spam',
  durationSeconds,
  messages: 5,
  windowSeconds: 5,
});
const timedOut = (userId: string, until: string, durationSeconds = 600): MemberTimedOut => ({
  type: 'MemberTimedOut',
  data: {
    guildId: GUILD,
    userId,
    channelId: CHANNEL,
    reason: 'spam',
    until,
    durationSeconds,
    messages: 5,
    windowSeconds: 5,
  },
});
const at = (ms: number) => new Date(Date.parse(SPEC_NOW) + ms).toISOString();

describe('moderation decider: the word filter', () => {
  it('given no history, when a message is filtered, then MessageFiltered holds the term and ids only', () => {
    spec.given([]).when(filter()).then([filtered()]);
  });

  it('given the same message already filtered (a redelivered dispatch), then nothing', () => {
    spec.given([filtered()]).when(filter()).thenNothing();
  });

  it('given a message filtered long ago (beyond the recent memory), then filtering it again is recorded', () => {
    const many = Array.from({ length: RECENTLY_FILTERED_KEPT }, (_, i) =>
      filtered(`5${String(i).padStart(17, '0')}`),
    );
    spec
      .given([filtered(), ...many])
      .when(filter())
      .then([filtered()]);
  });

  it('refuses a term that is blank, too long or hides characters, naming the field', () => {
    for (const term of ['  ', 'x'.repeat(51), 'b\u202ead']) {
      spec.given([]).when(filter(undefined, term)).thenThrows('invalid', undefined, 'term');
    }
  });

  it('refuses ids that are not snowflakes', () => {
    spec
      .given([])
      .when({ ...filter(), messageId: 'm1' })
      .thenThrows('invalid', 'invalid_message_id', 'messageId');
    spec
      .given([])
      .when({ ...filter(), userId: '' })
      .thenThrows('invalid', 'invalid_user_id', 'userId');
  });
});

describe('moderation decider: timeouts', () => {
  it('given no history, when a spammer is timed out, then MemberTimedOut ends duration seconds from now', () => {
    spec
      .given([])
      .when(timeOut())
      .then([timedOut(ALICE, at(600_000))]);
  });

  it('given the member is still timed out, then a second timeout is not recorded', () => {
    spec
      .given([timedOut(ALICE, at(60_000))])
      .when(timeOut())
      .thenNothing();
  });

  it('given the member’s timeout has ended, then a new one is recorded', () => {
    spec
      .given([timedOut(ALICE, at(-1))])
      .when(timeOut())
      .then([timedOut(ALICE, at(600_000))]);
  });

  it('given another member is timed out, then this one still is', () => {
    spec
      .given([timedOut(BOB, at(60_000))])
      .when(timeOut(ALICE))
      .then([timedOut(ALICE, at(600_000))]);
  });

  it('refuses a duration beyond Discord’s 28 days, or not a whole number of seconds', () => {
    spec
      .given([])
      .when(timeOut(ALICE, 28 * 86_400 + 1))
      .thenThrows('invalid', 'invalid_duration_seconds', 'durationSeconds');
    spec
      .given([])
      .when(timeOut(ALICE, 0.5))
      .thenThrows('invalid', 'invalid_duration_seconds', 'durationSeconds');
  });

  it('refuses an unknown reason', () => {
    spec
      .given([])
      .when({ ...timeOut(), reason: 'rude' as 'spam' })
      .thenThrows('invalid', 'invalid_reason', 'reason');
  });
});

describe('moderation decider: evolve', () => {
  it('forgets timeouts that ended before a later one began, so state follows live timeouts only', () => {
    const early = timedOut(BOB, at(1_000), 1);
    const later = timedOut(ALICE, at(7_200_000), 600);
    const state = [early, later].reduce(moderationDecider.evolve, moderationDecider.initialState());
    assert.deepEqual(Object.keys(state.timedOutUntil), [ALICE]);
  });
});
