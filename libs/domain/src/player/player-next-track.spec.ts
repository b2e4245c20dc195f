import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlayerEvent } from './player.events';
import {
  ALICE,
  BOB,
  GUILD_ID,
  endedEvent,
  joined,
  playingRick,
  queen,
  queued,
  rick,
  startedEvent,
  third,
} from './player.fixtures';
import { nextTrack, positionAt, upcoming } from './player.queue';
import { evolvePlayer, initialPlayerState } from './player.state';
import type { Track } from './player.track';

const g = { guildId: GUILD_ID };
const fold = (events: PlayerEvent[]) => events.reduce(evolvePlayer, initialPlayerState());
const ids = (tracks: readonly Track[]) => tracks.map((t) => t.trackId);
const loop = (mode: 'off' | 'track' | 'queue'): PlayerEvent => ({
  type: 'LoopModeChanged',
  data: { ...g, mode },
});
const fair: PlayerEvent = { type: 'FairShareChanged', data: { ...g, enabled: true } };

describe('nextTrack', () => {
  it('given an empty player, when asked, then nothing plays', () => {
    assert.equal(nextTrack(fold([joined])), null);
  });

  it('given a queue and nothing current, when asked, then the head plays', () => {
    assert.equal(nextTrack(fold([queued(rick, queen)]))?.trackId, rick.trackId);
  });

  it('given a track current, when asked, then nothing starts until it ends', () => {
    assert.equal(nextTrack(fold(playingRick)), null);
  });

  it('given loop off, when the track finishes, then the next queued track plays and it joins the history', () => {
    const state = fold([...playingRick, endedEvent(rick, 'finished')]);
    assert.equal(nextTrack(state)?.trackId, queen.trackId);
    assert.deepEqual(ids(state.history), [rick.trackId]);
  });

  it('given loop track, when the track finishes, then it plays again', () => {
    assert.equal(
      nextTrack(fold([loop('track'), ...playingRick, endedEvent(rick, 'finished')]))?.trackId,
      rick.trackId,
    );
  });

  it('given loop track, when the track is skipped, then the next track plays', () => {
    assert.equal(
      nextTrack(fold([loop('track'), ...playingRick, endedEvent(rick, 'skipped')]))?.trackId,
      queen.trackId,
    );
  });

  it('given loop queue, when the track finishes, then it goes to the end of the queue', () => {
    const state = fold([loop('queue'), ...playingRick, endedEvent(rick, 'finished')]);
    assert.deepEqual(ids(state.queue), [queen.trackId, rick.trackId]);
  });

  it('given loop queue, when the track fails, then it is not requeued', () => {
    const state = fold([loop('queue'), ...playingRick, endedEvent(rick, 'failed')]);
    assert.deepEqual(ids(state.queue), [queen.trackId]);
  });

  it('given fair share, when Alice queued two before Bob, then Bob plays second', () => {
    const a2 = { ...third, trackId: 'a2' };
    const state = fold([fair, queued(rick, a2, queen)]);
    assert.deepEqual(ids(upcoming(state)), [rick.trackId, queen.trackId, a2.trackId]);
  });

  it('given fair share and Alice just played, when Alice and Bob wait, then Bob goes first', () => {
    const a2 = { ...third, trackId: 'a2', requestedBy: ALICE };
    const state = fold([fair, ...playingRick, endedEvent(rick, 'finished'), queued(a2)]);
    // queue is [queen (Bob), a2 (Alice)] and Alice was served last.
    assert.equal(nextTrack(state)?.requestedBy, BOB);
  });

  it('given fair share off, when Alice queued two before Bob, then the stored order plays', () => {
    const a2 = { ...third, trackId: 'a2' };
    assert.deepEqual(ids(upcoming(fold([queued(rick, a2, queen)]))), [
      rick.trackId,
      a2.trackId,
      queen.trackId,
    ]);
  });
});

describe('evolve', () => {
  it('given a queue, when tracks are queued next, then they go ahead of it in order', () => {
    assert.deepEqual(
      ids(
        fold([
          queued(rick),
          { type: 'TracksQueued', data: { ...g, tracks: [queen, third], placement: 'next' } },
        ]).queue,
      ),
      [queen.trackId, third.trackId, rick.trackId],
    );
  });

  it('given a played and a playing track, when recalled, then the old one is next and the current after it', () => {
    const state = fold([
      ...playingRick,
      endedEvent(rick, 'finished'),
      startedEvent(queen),
      endedEvent(queen, 'skipped'),
      { type: 'TrackRecalled', data: { ...g, trackId: rick.trackId, returnTrackId: queen.trackId } },
    ]);
    assert.deepEqual(ids(state.queue), [rick.trackId, queen.trackId]);
    assert.deepEqual(state.history, []);
  });

  it('given a playing track and a queue, when the player stops, then queue, current and channel are gone', () => {
    const state = fold([
      ...playingRick,
      { type: 'VolumeChanged', data: { ...g, volume: 40 } },
      { type: 'PlayerStopped', data: { ...g, clearedTrackIds: [] } },
    ]);
    assert.equal(state.current, null);
    assert.deepEqual(state.queue, []);
    assert.equal(state.voiceChannelId, null);
    assert.equal(state.volume, 40);
  });

  it('given a queue, when a track moves and the queue is shuffled, then the order follows', () => {
    const moved = fold([
      queued(rick, queen, third),
      { type: 'TrackMoved', data: { ...g, trackId: third.trackId, fromIndex: 2, toIndex: 0 } },
    ]);
    assert.deepEqual(ids(moved.queue), [third.trackId, rick.trackId, queen.trackId]);
    const order = [queen.trackId, third.trackId, rick.trackId];
    assert.deepEqual(ids(evolvePlayer(moved, { type: 'QueueShuffled', data: { ...g, order } }).queue), order);
  });

  it('given a state, when an unknown event type arrives, then it is ignored', () => {
    const state = fold(playingRick);
    assert.equal(evolvePlayer(state, { type: 'SomethingNew', data: g } as unknown as PlayerEvent), state);
  });
});

describe('positionAt', () => {
  const current = fold(playingRick).current!;
  const startedMs = Date.parse(current.startedAt);

  it('given a track started at 0, when 45 s have passed, then the position is 45 000 ms', () => {
    assert.equal(positionAt(current, startedMs + 45_000), 45_000);
  });

  it('given a track resumed at 30 s, when 5 s have passed, then the position is 35 000 ms', () => {
    assert.equal(positionAt({ ...current, offsetMs: 30_000 }, startedMs + 5_000), 35_000);
  });

  it('given a paused track, when time passes, then the position stays', () => {
    assert.equal(positionAt({ ...current, paused: true, offsetMs: 12_000 }, startedMs + 99_000), 12_000);
  });

  it('given a 213 s track, when longer has passed, then the position stops at its end', () => {
    assert.equal(positionAt(current, startedMs + 999_000), 213_000);
  });
});
