import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import { playerDecider } from './player.decider';
import { ALICE, GUILD_ID, playingRick, queen, queued, rick, third } from './player.fixtures';
import { PLAYER_LIMITS, type Track } from './player.track';

const spec = DeciderSpecification.for(playerDecider);
const enqueue = (tracks: Track[], placement: 'end' | 'next' = 'end') =>
  ({ type: 'EnqueueTracks', guildId: GUILD_ID, tracks, placement }) as const;
const g = { guildId: GUILD_ID };

describe('EnqueueTracks', () => {
  it('given an empty player, when one track is queued, then TracksQueued carries it at the end', () => {
    spec
      .given([])
      .when(enqueue([rick]))
      .then([queued(rick)]);
  });

  it('given a queue, when a playlist is queued next, then TracksQueued keeps its order with placement next', () => {
    spec
      .given([queued(rick)])
      .when(enqueue([queen, third], 'next'))
      .then([{ type: 'TracksQueued', data: { ...g, tracks: [queen, third], placement: 'next' } }]);
  });

  it('given an empty player, when a track carries stray properties, then only track fields are recorded', () => {
    const sloppy = { ...rick, secret: 'x' } as Track;
    spec
      .given([])
      .when(enqueue([sloppy]))
      .then([queued(rick)]);
  });

  it('given an empty player, when no track is given, then it is refused naming tracks', () => {
    spec.given([]).when(enqueue([])).thenThrows('invalid', 'no_tracks', 'tracks');
  });

  it('given an empty player, when the placement is unknown, then it is refused naming placement', () => {
    spec
      .given([])
      .when(enqueue([rick], 'first' as 'next'))
      .thenThrows('invalid', 'invalid_placement', 'placement');
  });

  const badTracks: [string, Partial<Track>, string][] = [
    ['an empty title', { title: ' ' }, 'tracks[0].title'],
    ['a negative duration', { durationSec: -1 }, 'tracks[0].durationSec'],
    ['a fractional duration', { durationSec: 1.5 }, 'tracks[0].durationSec'],
    ['no uri', { uri: '' }, 'tracks[0].uri'],
    ['a requester that is no snowflake', { requestedBy: 'bob' }, 'tracks[0].requestedBy'],
    ['no track id', { trackId: '' }, 'tracks[0].trackId'],
    ['isStream not a boolean', { isStream: 'no' as unknown as boolean }, 'tracks[0].isStream'],
  ];
  for (const [what, change, field] of badTracks) {
    it(`given an empty player, when a track has ${what}, then it is refused naming ${field}`, () => {
      spec
        .given([])
        .when(enqueue([{ ...rick, ...change }]))
        .thenThrows('invalid', undefined, field);
    });
  }

  it('given a queued track, when another track reuses its id, then it is refused as a conflict', () => {
    spec
      .given([queued(rick)])
      .when(enqueue([{ ...queen, trackId: rick.trackId }]))
      .thenThrows('conflict', 'duplicate_track_id', 'tracks');
  });

  it('given an empty player, when a playlist repeats one id, then it is refused as a conflict', () => {
    spec
      .given([])
      .when(enqueue([rick, rick]))
      .thenThrows('conflict', 'duplicate_track_id');
  });

  it('given a full queue, when one more track is queued, then it is refused as queue_full', () => {
    const many = Array.from({ length: PLAYER_LIMITS.maxQueueLength }, (_, i) => ({
      ...third,
      trackId: `t${i}`,
    }));
    spec
      .given([queued(...many)])
      .when(enqueue([rick]))
      .thenThrows('invalid', 'queue_full', 'tracks');
  });
});

describe('RemoveTrack', () => {
  it('given a queued track, when it is removed, then TrackRemoved names it', () => {
    spec
      .given([queued(rick, queen)])
      .when({ type: 'RemoveTrack', ...g, trackId: queen.trackId })
      .then([{ type: 'TrackRemoved', data: { ...g, trackId: queen.trackId } }]);
  });

  it('given the track is playing, not queued, when it is removed, then it is refused as not queued', () => {
    spec
      .given(playingRick)
      .when({ type: 'RemoveTrack', ...g, trackId: rick.trackId })
      .thenThrows('not_found', 'track_not_queued', 'trackId');
  });

  it('given a queue, when an unknown track is removed, then it is refused as not found', () => {
    spec
      .given([queued(rick)])
      .when({ type: 'RemoveTrack', ...g, trackId: 'nope' })
      .thenThrows('not_found', 'track_not_queued', 'trackId');
  });
});

describe('MoveTrack', () => {
  it('given three queued tracks, when the last moves to the front, then TrackMoved says from 2 to 0', () => {
    spec
      .given([queued(rick, queen, third)])
      .when({ type: 'MoveTrack', ...g, trackId: third.trackId, toIndex: 0 })
      .then([{ type: 'TrackMoved', data: { ...g, trackId: third.trackId, fromIndex: 2, toIndex: 0 } }]);
  });

  it('given a queue, when a track moves to where it is, then nothing happens', () => {
    spec
      .given([queued(rick, queen)])
      .when({ type: 'MoveTrack', ...g, trackId: queen.trackId, toIndex: 1 })
      .thenNothing();
  });

  it('given two queued tracks, when one moves past the end, then it is refused naming toIndex', () => {
    spec
      .given([queued(rick, queen)])
      .when({ type: 'MoveTrack', ...g, trackId: rick.trackId, toIndex: 2 })
      .thenThrows('invalid', 'invalid_index', 'toIndex');
  });

  it('given a queue, when an unknown track is moved, then it is refused as not found', () => {
    spec
      .given([queued(rick)])
      .when({ type: 'MoveTrack', ...g, trackId: 'nope', toIndex: 0 })
      .thenThrows('not_found', 'track_not_queued', 'trackId');
  });
});

describe('ShuffleQueue', () => {
  const order = [third.trackId, rick.trackId, queen.trackId];

  it('given three queued tracks, when shuffled with a permutation, then QueueShuffled records the order', () => {
    spec
      .given([queued(rick, queen, third)])
      .when({ type: 'ShuffleQueue', ...g, order })
      .then([{ type: 'QueueShuffled', data: { ...g, order } }]);
  });

  it('given a queue, when the drawn order is the current one, then nothing happens', () => {
    spec
      .given([queued(rick, queen)])
      .when({ type: 'ShuffleQueue', ...g, order: [rick.trackId, queen.trackId] })
      .thenNothing();
  });

  const badOrders: [string, string[]][] = [
    ['misses a track', [rick.trackId, queen.trackId]],
    ['repeats a track', [rick.trackId, rick.trackId, queen.trackId]],
    ['names an unknown track', [rick.trackId, queen.trackId, 'nope']],
  ];
  for (const [what, bad] of badOrders) {
    it(`given three queued tracks, when the order ${what}, then it is refused naming order`, () => {
      spec
        .given([queued(rick, queen, third)])
        .when({ type: 'ShuffleQueue', ...g, order: bad })
        .thenThrows('invalid', 'invalid_order', 'order');
    });
  }
});

describe('ClearQueue', () => {
  it('given a playing track and a queue, when cleared, then QueueCleared lists the queued ids only', () => {
    spec
      .given([...playingRick, queued(third)])
      .when({ type: 'ClearQueue', ...g })
      .then([{ type: 'QueueCleared', data: { ...g, clearedTrackIds: [queen.trackId, third.trackId] } }]);
  });

  it('given an empty queue, when cleared, then nothing happens', () => {
    spec
      .given([])
      .when({ type: 'ClearQueue', ...g })
      .thenNothing();
  });

  it('given the player, when a guild id is no snowflake, then it is refused', () => {
    spec
      .given([])
      .when({ type: 'ClearQueue', guildId: ALICE + 'x' })
      .thenThrows('invalid', undefined, 'guildId');
  });
});
