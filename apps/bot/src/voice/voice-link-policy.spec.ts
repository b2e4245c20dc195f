import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VoiceConnectionDisconnectReason as Reason, VoiceConnectionStatus as Status } from '@discordjs/voice';
import { decideLinkChange, rejoinDelayMs, type LinkChange } from './voice-link-policy';

const change = (over: Partial<LinkChange>): LinkChange => ({
  from: Status.Ready,
  to: Status.Connecting,
  closeCode: null,
  serverMoved: false,
  udpSilent: false,
  ...over,
});

describe('decideLinkChange', () => {
  it('given a ready connection, when the socket closes 4015 and the library resumes, then a loss with the code, waiting on the library', () => {
    assert.deepEqual(decideLinkChange(change({ closeCode: 4015 })), {
      kind: 'lost',
      cause: 'socket_closed',
      closeCode: 4015,
      then: 'wait',
    });
  });

  it('given a ready connection, when 4006 makes the library signal again, then a loss, waiting on the library', () => {
    assert.deepEqual(decideLinkChange(change({ to: Status.Signalling, closeCode: 4006 })), {
      kind: 'lost',
      cause: 'socket_closed',
      closeCode: 4006,
      then: 'wait',
    });
  });

  it('given a new endpoint just arrived, when the connection reconnects, then the voice server moved', () => {
    assert.equal(decideLinkChange(change({ serverMoved: true, closeCode: 4014 })).kind, 'lost');
    assert.deepEqual(decideLinkChange(change({ serverMoved: true })), {
      kind: 'lost',
      cause: 'server_moved',
      closeCode: null,
      then: 'wait',
    });
  });

  it('given the link dropped a silent UDP path, when it reconnects, then the cause is udp_silent', () => {
    assert.equal((decideLinkChange(change({ udpSilent: true })) as { cause: string }).cause, 'udp_silent');
  });

  it('given 4014 (do not reconnect), then wait briefly for a move before giving up', () => {
    assert.deepEqual(
      decideLinkChange(
        change({ to: Status.Disconnected, disconnectReason: Reason.WebSocketClose, closeCode: 4014 }),
      ),
      { kind: 'await_move', closeCode: 4014 },
    );
  });

  it('given the endpoint removed, then wait for a new one; given the adapter gone, then rejoin', () => {
    assert.deepEqual(
      decideLinkChange(change({ to: Status.Disconnected, disconnectReason: Reason.EndpointRemoved })),
      {
        kind: 'lost',
        cause: 'endpoint_removed',
        closeCode: null,
        then: 'wait',
      },
    );
    assert.equal(
      (
        decideLinkChange(
          change({ to: Status.Disconnected, disconnectReason: Reason.AdapterUnavailable }),
        ) as { then: string }
      ).then,
      'rejoin',
    );
  });

  it('given a manual disconnect or steps within connecting, then nothing to report', () => {
    assert.deepEqual(decideLinkChange(change({ to: Status.Disconnected, disconnectReason: Reason.Manual })), {
      kind: 'none',
    });
    assert.deepEqual(decideLinkChange(change({ from: Status.Signalling, to: Status.Connecting })), {
      kind: 'none',
    });
  });

  it('given the connection ready, then ready; given it destroyed by someone else, then give up', () => {
    assert.deepEqual(decideLinkChange(change({ from: Status.Connecting, to: Status.Ready })), {
      kind: 'ready',
    });
    assert.equal((decideLinkChange(change({ to: Status.Destroyed })) as { then: string }).then, 'give_up');
  });
});

describe('rejoinDelayMs', () => {
  it('given attempts 1 to 5, then 1, 2, 4, 8, 16 s; the sixth is refused', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((n) => rejoinDelayMs(n)),
      [1_000, 2_000, 4_000, 8_000, 16_000, undefined],
    );
  });
});
