import { describe, it } from 'node:test';
import { DeciderSpecification, SPEC_NOW } from '../testing/decider-spec';
import { playerDecider } from './player.decider';
import {
  GUILD_ID,
  endedEvent,
  joined,
  playingRick,
  queen,
  queued,
  rick,
  startedEvent,
} from './player.fixtures';

const spec = DeciderSpecification.for(playerDecider);
const g = { guildId: GUILD_ID };
const start = (trackId: string, positionMs = 0) =>
  ({ type: 'StartTrack', ...g, trackId, positionMs }) as const;
const end = (
  trackId: string,
  reason: 'finished' | 'failed' = 'finished',
  positionMs = 213_000,
  error?: string,
) => ({ type: 'EndTrack', ...g, trackId, reason, positionMs, error }) as const;

describe('StartTrack (the worker: audio began)', () => {
  it('given a queued track, when audio begins, then TrackStarted at 0 with the decision time', () => {
    spec
      .given([joined, queued(rick, queen)])
      .when(start(rick.trackId))
      .then([startedEvent(rick, 0, SPEC_NOW)]);
  });

  it('given the current track, when the worker resumes it after a restart, then TrackStarted at that point', () => {
    spec
      .given(playingRick)
      .when(start(rick.trackId, 30_000))
      .then([startedEvent(rick, 30_000, SPEC_NOW)]);
  });

  it('given another track is current, when a queued one starts, then it is refused until the first ends', () => {
    spec
      .given(playingRick)
      .when(start(queen.trackId))
      .thenThrows('conflict', 'track_already_playing', 'trackId');
  });

  it('given a queue, when an unknown track starts, then it is refused as not queued', () => {
    spec
      .given([queued(rick)])
      .when(start('nope'))
      .thenThrows('not_found', 'track_not_queued', 'trackId');
  });

  it('given a queued track, when it starts past its end, then it is refused naming positionMs', () => {
    spec
      .given([queued(rick)])
      .when(start(rick.trackId, 213_001))
      .thenThrows('invalid', undefined, 'positionMs');
  });

  it('given a queued track, when it starts at a negative position, then it is refused naming positionMs', () => {
    spec
      .given([queued(rick)])
      .when(start(rick.trackId, -1))
      .thenThrows('invalid', 'invalid_position', 'positionMs');
  });
});

describe('EndTrack (the worker: audio stopped)', () => {
  it('given the current track, when it finishes, then TrackEnded with reason finished', () => {
    spec
      .given(playingRick)
      .when(end(rick.trackId))
      .then([endedEvent(rick, 'finished', 213_000)]);
  });

  it('given the current track, when it fails, then TrackEnded carries the error', () => {
    spec
      .given(playingRick)
      .when(end(rick.trackId, 'failed', 1_000, 'ffmpeg exited with code 1'))
      .then([
        {
          type: 'TrackEnded',
          data: {
            ...g,
            trackId: rick.trackId,
            reason: 'failed',
            positionMs: 1_000,
            error: 'ffmpeg exited with code 1',
          },
        },
      ]);
  });

  it('given a finished track, when an error is sent with it, then the error is not recorded', () => {
    spec
      .given(playingRick)
      .when(end(rick.trackId, 'finished', 213_000, 'noise'))
      .then([endedEvent(rick, 'finished', 213_000)]);
  });

  it('given the track was already skipped, when the worker reports its end, then nothing happens', () => {
    spec
      .given([...playingRick, endedEvent(rick, 'skipped', 45_000)])
      .when(end(rick.trackId))
      .thenNothing();
  });

  it('given the current track, when the reason is unknown, then it is refused naming reason', () => {
    spec
      .given(playingRick)
      .when({ ...end(rick.trackId), reason: 'bored' as 'finished' })
      .thenThrows('invalid', 'invalid_reason', 'reason');
  });

  it('given the current track, when the position is not a whole number, then it is refused naming positionMs', () => {
    spec
      .given(playingRick)
      .when(end(rick.trackId, 'finished', 1.5))
      .thenThrows('invalid', undefined, 'positionMs');
  });
});

describe('SkipTrack', () => {
  it('given a track playing for 45 s, when skipped, then TrackEnded skipped at 45 000 ms', () => {
    spec
      .given(playingRick)
      .when({ type: 'SkipTrack', ...g })
      .then([endedEvent(rick, 'skipped', 45_000)]);
  });

  it('given a track playing, when a skip names it, then it is skipped', () => {
    spec
      .given(playingRick)
      .when({ type: 'SkipTrack', ...g, trackId: rick.trackId })
      .then([endedEvent(rick, 'skipped', 45_000)]);
  });

  it('given a skip already moved on, when a second skip names the old track, then nothing happens', () => {
    spec
      .given([...playingRick, endedEvent(rick, 'skipped'), startedEvent(queen)])
      .when({ type: 'SkipTrack', ...g, trackId: rick.trackId })
      .thenNothing();
  });

  it('given nothing playing, when skipped, then it is refused as nothing playing', () => {
    spec
      .given([queued(rick)])
      .when({ type: 'SkipTrack', ...g })
      .thenThrows('conflict', 'nothing_playing');
  });
});

describe('PlayPrevious', () => {
  it('given a track ended and another playing, when previous, then the current is skipped and the last recalled', () => {
    spec
      .given([...playingRick, endedEvent(rick, 'finished', 213_000), startedEvent(queen)])
      .when({ type: 'PlayPrevious', ...g })
      .then([
        endedEvent(queen, 'skipped', 45_000),
        { type: 'TrackRecalled', data: { ...g, trackId: rick.trackId, returnTrackId: queen.trackId } },
      ]);
  });

  it('given an idle player with history, when previous, then only TrackRecalled', () => {
    spec
      .given([...playingRick, endedEvent(rick, 'finished')])
      .when({ type: 'PlayPrevious', ...g })
      .then([{ type: 'TrackRecalled', data: { ...g, trackId: rick.trackId, returnTrackId: null } }]);
  });

  it('given no track has ended yet, when previous, then it is refused as no previous track', () => {
    spec
      .given(playingRick)
      .when({ type: 'PlayPrevious', ...g })
      .thenThrows('conflict', 'no_previous_track');
  });
});

describe('StopPlayer', () => {
  it('given a playing track and a queue, when stopped, then the track ends stopped and the player stops', () => {
    spec
      .given(playingRick)
      .when({ type: 'StopPlayer', ...g })
      .then([
        endedEvent(rick, 'stopped', 45_000),
        { type: 'PlayerStopped', data: { ...g, clearedTrackIds: [queen.trackId] } },
      ]);
  });

  it('given only a voice connection, when stopped, then PlayerStopped clears nothing', () => {
    spec
      .given([joined])
      .when({ type: 'StopPlayer', ...g })
      .then([{ type: 'PlayerStopped', data: { ...g, clearedTrackIds: [] } }]);
  });

  it('given an idle player with no channel, when stopped, then nothing happens', () => {
    spec
      .given([])
      .when({ type: 'StopPlayer', ...g })
      .thenNothing();
  });
});
