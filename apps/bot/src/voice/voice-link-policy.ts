import { VoiceConnectionDisconnectReason, VoiceConnectionStatus } from '@discordjs/voice';
import type { VoiceFaultCause } from '#domain';

/** What the worker hears from a guild's voice connection. */
export type VoiceLinkEvent =
  | { readonly type: 'ready' }
  | {
      readonly type: 'lost';
      readonly cause: VoiceFaultCause;
      readonly closeCode: number | null;
      readonly reconnecting: boolean;
    }
  | { readonly type: 'moved'; readonly channelId: string };

/** What a connection's state change means, from its old and new status and what the link noticed. */
export interface LinkChange {
  readonly from: VoiceConnectionStatus;
  readonly to: VoiceConnectionStatus;
  readonly disconnectReason?: VoiceConnectionDisconnectReason;
  /** The last voice WebSocket close code seen (resumable closes never reach the connection's state). */
  readonly closeCode: number | null;
  /** A VOICE_SERVER_UPDATE named a new endpoint just before. */
  readonly serverMoved: boolean;
  /** The link itself dropped the UDP path after it went silent. */
  readonly udpSilent: boolean;
}

/**
 * `wait`: @discordjs/voice is already reconnecting (it resumes after 4015 and closes below 4000,
 * identifies afresh after 4006, follows a new endpoint); `await_move`: 4014 also ends the old socket
 * when the bot is moved to another server, so wait briefly for that before giving up; `rejoin`: ask
 * the gateway again; `give_up`: the connection is gone (destroyed by someone else).
 */
export type LinkDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'await_move'; readonly closeCode: number }
  | {
      readonly kind: 'lost';
      readonly cause: VoiceFaultCause;
      readonly closeCode: number | null;
      readonly then: 'wait' | 'rejoin' | 'give_up';
    };

const { Ready, Signalling, Connecting, Disconnected, Destroyed } = VoiceConnectionStatus;

/** Pure: how the worker answers one state change of a voice connection it did not ask to close. */
export function decideLinkChange(change: LinkChange): LinkDecision {
  const { from, to, closeCode } = change;
  if (to === Ready) return { kind: 'ready' };
  if (to === Disconnected) {
    switch (change.disconnectReason) {
      case VoiceConnectionDisconnectReason.WebSocketClose:
        return { kind: 'await_move', closeCode: closeCode ?? 4014 };
      case VoiceConnectionDisconnectReason.EndpointRemoved:
        return { kind: 'lost', cause: 'endpoint_removed', closeCode: null, then: 'wait' };
      case VoiceConnectionDisconnectReason.AdapterUnavailable:
        return { kind: 'lost', cause: 'adapter_unavailable', closeCode: null, then: 'rejoin' };
      default:
        return { kind: 'none' };
    }
  }
  if ((to === Signalling || to === Connecting) && from !== Signalling && from !== Connecting) {
    const cause: VoiceFaultCause = change.serverMoved
      ? 'server_moved'
      : change.udpSilent
        ? 'udp_silent'
        : 'socket_closed';
    return { kind: 'lost', cause, closeCode: cause === 'socket_closed' ? closeCode : null, then: 'wait' };
  }
  if (to === Destroyed) return { kind: 'lost', cause: 'socket_closed', closeCode, then: 'give_up' };
  return { kind: 'none' };
}

/** How long to wait before the n-th (1-based) rejoin: 1, 2, 4, 8, 16 s; undefined once out of attempts. */
export function rejoinDelayMs(attempt: number, maxAttempts = 5): number | undefined {
  return attempt > maxAttempts ? undefined : 1_000 * 2 ** (attempt - 1);
}
