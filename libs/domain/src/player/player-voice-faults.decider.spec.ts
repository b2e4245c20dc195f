import { describe, it } from 'node:test';
import { DeciderSpecification, SPEC_NOW } from '../testing/decider-spec';
import type { PlayerEvent } from './player.events';
import { playerDecider } from './player.decider';
import {
  CHANNEL_ID,
  GUILD_ID,
  endedEvent,
  joined,
  playingRick,
  queued,
  rick,
  startedEvent,
} from './player.fixtures';

const spec = DeciderSpecification.for(playerDecider);
const OTHER_CHANNEL = '555555555555555555';

const lost = (reconnecting: boolean, positionMs?: number, closeCode: number | null = 4015) =>
  ({
    type: 'ReportVoiceLost',
    guildId: GUILD_ID,
    cause: 'socket_closed',
    closeCode,
    reconnecting,
    ...(positionMs === undefined ? {} : { positionMs }),
  }) as const;
const lostEvent = (reconnecting: boolean, positionMs: number | null, closeCode: number | null = 4015) =>
  ({
    type: 'VoiceConnectionLost',
    data: {
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      cause: 'socket_closed',
      closeCode,
      reconnecting,
      trackId: positionMs === null ? null : rick.trackId,
      positionMs,
      lostAt: SPEC_NOW,
    },
  }) as const satisfies PlayerEvent;
const reconnected = (positionMs?: number) =>
  ({
    type: 'ReportVoiceReconnected',
    guildId: GUILD_ID,
    ...(positionMs === undefined ? {} : { positionMs }),
  }) as const;

describe('ReportVoiceLost', () => {
  it('given Rick playing, when the socket closes with 4015 at 44.2 s, then the loss is recorded where the audio stopped', () => {
    spec
      .given(playingRick)
      .when(lost(true, 44_200))
      .then([lostEvent(true, 44_200)]);
  });

  it('given a loss already recorded, when the retry fails again, then nothing more is recorded', () => {
    spec
      .given([...playingRick, lostEvent(true, 44_200)])
      .when(lost(true, 44_200))
      .thenNothing();
  });

  it('given Rick playing, when the connection is lost for good (4014), then Rick ends as stopped there and the player leaves', () => {
    spec
      .given(playingRick)
      .when(lost(false, 30_000, 4014))
      .then([endedEvent(rick, 'stopped', 30_000), lostEvent(false, 30_000, 4014)]);
  });

  it('given a loss for good, when a member asks to join again, then the player joins (the fault is behind it)', () => {
    spec
      .given([...playingRick, endedEvent(rick, 'stopped', 30_000), lostEvent(false, 30_000, 4014)])
      .when({
        type: 'JoinVoiceChannel',
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
        requestedBy: rick.requestedBy,
      })
      .then([joined]);
  });

  it('given the player left its channel, when the connection reports closing, then it is no fault', () => {
    spec
      .given([
        ...playingRick,
        endedEvent(rick, 'stopped', 1),
        { type: 'PlayerStopped', data: { guildId: GUILD_ID, clearedTrackIds: [] } },
      ])
      .when(lost(false, 0, 4014))
      .thenNothing();
  });

  it('given an idle channel, when the connection drops, then the loss names no track', () => {
    spec
      .given([joined])
      .when(lost(true))
      .then([lostEvent(true, null)]);
  });

  it('given Rick playing, when the worker reports a position past the track, then it is kept within the track', () => {
    spec
      .given(playingRick)
      .when(lost(true, 999_000))
      .then([lostEvent(true, 213_000)]);
  });

  it('given a cause no worker reports, when decided, then it is refused naming cause', () => {
    spec
      .given(playingRick)
      .when({ ...lost(true), cause: 'gremlins' as 'udp_silent' })
      .thenThrows('invalid', 'invalid_cause', 'cause');
  });

  it('given a close code out of range, when decided, then it is refused naming closeCode', () => {
    spec
      .given(playingRick)
      .when(lost(true, 1, 99))
      .thenThrows('invalid', 'invalid_close_code', 'closeCode');
  });
});

describe('ReportVoiceReconnected', () => {
  it('given a held track, when the connection is ready again, then it plays on from the saved position', () => {
    spec
      .given([...playingRick, lostEvent(true, 44_200)])
      .when(reconnected(44_200))
      .then([
        {
          type: 'VoiceReconnected',
          data: {
            guildId: GUILD_ID,
            channelId: CHANNEL_ID,
            trackId: rick.trackId,
            positionMs: 44_200,
            reconnectedAt: SPEC_NOW,
          },
        },
      ]);
  });

  it('given a held track and no measure, when reconnected, then the held position stands (time did not run on)', () => {
    spec
      .given([...playingRick, lostEvent(true, 10_000)])
      .when(reconnected())
      .then([
        {
          type: 'VoiceReconnected',
          data: {
            guildId: GUILD_ID,
            channelId: CHANNEL_ID,
            trackId: rick.trackId,
            positionMs: 10_000,
            reconnectedAt: SPEC_NOW,
          },
        },
      ]);
  });

  it('given no outage, when the connection reports ready, then nothing is recorded', () => {
    spec.given(playingRick).when(reconnected(1)).thenNothing();
  });
});

describe('ReportVoiceMoved', () => {
  it('given the player in a channel, when someone moves the bot, then the move is recorded', () => {
    spec
      .given([joined])
      .when({ type: 'ReportVoiceMoved', guildId: GUILD_ID, channelId: OTHER_CHANNEL })
      .then([
        {
          type: 'VoiceChannelMoved',
          data: { guildId: GUILD_ID, fromChannelId: CHANNEL_ID, channelId: OTHER_CHANNEL },
        },
      ]);
  });

  it('given the player already there, when the move is reported, then nothing happens', () => {
    spec
      .given([joined])
      .when({ type: 'ReportVoiceMoved', guildId: GUILD_ID, channelId: CHANNEL_ID })
      .thenNothing();
  });

  it('given no channel, when a move is reported, then nothing happens', () => {
    spec
      .given([])
      .when({ type: 'ReportVoiceMoved', guildId: GUILD_ID, channelId: OTHER_CHANNEL })
      .thenNothing();
  });
});

describe('CheckpointPlayback', () => {
  const checkpoint = (positionMs: number, trackId = rick.trackId) =>
    ({ type: 'CheckpointPlayback', guildId: GUILD_ID, trackId, positionMs }) as const;

  it('given Rick playing, when the worker checkpoints 44 980 ms, then that measure is recorded', () => {
    spec
      .given(playingRick)
      .when(checkpoint(44_980))
      .then([
        {
          type: 'PlaybackProgressed',
          data: { guildId: GUILD_ID, trackId: rick.trackId, positionMs: 44_980, at: SPEC_NOW },
        },
      ]);
  });

  it('given Rick paused, when a checkpoint comes, then nothing is recorded', () => {
    spec
      .given([
        ...playingRick,
        { type: 'PlaybackPaused', data: { guildId: GUILD_ID, trackId: rick.trackId, positionMs: 5 } },
      ])
      .when(checkpoint(5))
      .thenNothing();
  });

  it('given Rick held by a lost connection, when a checkpoint comes, then nothing is recorded', () => {
    spec
      .given([...playingRick, lostEvent(true, 44_200)])
      .when(checkpoint(44_200))
      .thenNothing();
  });

  it('given another track is current, when a late checkpoint of the old one comes, then nothing is recorded', () => {
    spec.given(playingRick).when(checkpoint(1, 't-queen')).thenNothing();
  });
});

describe('DisconnectIdle', () => {
  const idle = { type: 'DisconnectIdle', guildId: GUILD_ID, idleSeconds: 300 } as const;

  it('given an idle player in a channel, when the idle time ran out, then it leaves', () => {
    spec
      .given([joined])
      .when(idle)
      .then([
        { type: 'IdleDisconnected', data: { guildId: GUILD_ID, channelId: CHANNEL_ID, idleSeconds: 300 } },
      ]);
  });

  it('given a track queued meanwhile, when the idle time ran out, then the player stays', () => {
    spec
      .given([joined, queued(rick)])
      .when(idle)
      .thenNothing();
  });

  it('given a track playing, when the idle time ran out, then the player stays', () => {
    spec
      .given([joined, queued(rick), startedEvent(rick)])
      .when(idle)
      .thenNothing();
  });
});
