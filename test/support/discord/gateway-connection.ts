import { GatewayCloseCodes, GatewayOpcodes } from 'discord-api-types/v10';
import type { WebSocket } from 'ws';
import type { GatewaySession } from './gateway-session';
import { ALL_INTENTS, PRIVILEGED_INTENTS } from './intents';

/** A payload the bot sent on the gateway, with the token blanked, for tests to assert on. */
export interface ReceivedPayload {
  shardId: number | null;
  op: number;
  d: unknown;
  at: number;
}

export interface IdentifyData {
  token: string;
  intents: number;
  shard?: [number, number];
  properties?: Record<string, string>;
}

export interface ResumeData {
  token: string;
  session_id: string;
  seq: number;
}

/** What a connection needs from the gateway server that owns the sessions. */
export interface GatewayHost {
  readonly token: string;
  readonly heartbeatIntervalMs: number;
  readonly allowedPrivilegedIntents: number;
  record(payload: Omit<ReceivedPayload, 'at'>): void;
  startSession(socket: WebSocket, identify: IdentifyData): GatewaySession | GatewayCloseCodes;
  resumeSession(socket: WebSocket, resume: ResumeData): GatewaySession | GatewayCloseCodes | null;
  onHeartbeat(session: GatewaySession | null): void;
  onRequest(session: GatewaySession, op: number, d: unknown): void;
}

/** Discord closes a connection that sends more than 120 payloads a minute. */
const SEND_LIMIT = 120;

/**
 * One socket's side of the gateway protocol: HELLO, then IDENTIFY or RESUME first (anything else
 * closes with 4003), heartbeats answered with ACKs, and Discord's close codes for bad payloads.
 */
export class GatewayConnection {
  private session: GatewaySession | null = null;
  private sent = 0;
  private windowStart = Date.now();

  constructor(
    private readonly socket: WebSocket,
    query: URLSearchParams,
    private readonly host: GatewayHost,
  ) {
    // A malformed frame emits 'error' before 'close'; the close already ends the connection.
    socket.on('error', () => undefined);
    if (query.get('v') !== '10') this.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
    else if ((query.get('encoding') ?? 'json') !== 'json')
      this.close(GatewayCloseCodes.DecodeError, 'Only json');
    else this.open();
  }

  private open(): void {
    const { socket, host } = this;
    socket.on('message', (data, isBinary) => this.onMessage(isBinary ? null : data.toString()));
    socket.on('close', () => this.session?.detach(socket));
    this.send(GatewayOpcodes.Hello, {
      heartbeat_interval: host.heartbeatIntervalMs,
      _trace: ['fake-discord'],
    });
  }

  private onMessage(text: string | null): void {
    if (this.rateLimited()) return this.close(GatewayCloseCodes.RateLimited, 'You are being rate limited.');
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(text ?? '');
    } catch {
      return this.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
    }
    if (typeof payload !== 'object' || payload === null || typeof payload.op !== 'number') {
      return this.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
    }
    const d = redactToken(payload.d);
    this.host.record({ shardId: this.session?.shardId ?? shardOfIdentify(payload.d), op: payload.op, d });
    this.handle(payload.op, payload.d);
  }

  private handle(op: number, d: unknown): void {
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        this.host.onHeartbeat(this.session);
        return this.send(GatewayOpcodes.HeartbeatAck, null);
      case GatewayOpcodes.Identify:
        return this.identify(d as IdentifyData);
      case GatewayOpcodes.Resume:
        return this.resume(d as ResumeData);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!this.session) return this.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        return this.host.onRequest(this.session, op, d);
      default:
        return this.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private identify(d: IdentifyData): void {
    if (this.session?.resumable)
      return this.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
    if (d?.token !== this.host.token)
      return this.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    const [shardId, shardCount] = d.shard ?? [0, 1];
    const shardOk =
      Number.isInteger(shardId) && Number.isInteger(shardCount) && shardId >= 0 && shardId < shardCount;
    if (!shardOk) return this.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
    if (!Number.isInteger(d.intents) || (d.intents & ~ALL_INTENTS) !== 0) {
      return this.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
    }
    if ((d.intents & PRIVILEGED_INTENTS & ~this.host.allowedPrivilegedIntents) !== 0) {
      return this.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
    }
    const started = this.host.startSession(this.socket, { ...d, shard: [shardId, shardCount] });
    if (typeof started === 'number') return this.close(started, 'Refused.');
    this.session = started;
  }

  private resume(d: ResumeData): void {
    // After op 9 (resumable) the bot resumes on the same socket, so only another session is a second auth.
    if (this.session?.resumable && this.session.id !== d?.session_id)
      return this.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
    if (d?.token !== this.host.token)
      return this.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    const resumed = this.host.resumeSession(this.socket, d);
    if (typeof resumed === 'number') return this.close(resumed, 'Invalid seq.');
    if (!resumed) return this.send(GatewayOpcodes.InvalidSession, false);
    this.session = resumed;
  }

  private rateLimited(): boolean {
    if (Date.now() - this.windowStart >= 60_000) [this.sent, this.windowStart] = [0, Date.now()];
    return ++this.sent > SEND_LIMIT;
  }

  private send(op: GatewayOpcodes, d: unknown): void {
    this.socket.send(JSON.stringify({ op, d, s: null, t: null }));
  }

  private close(code: GatewayCloseCodes, reason: string): void {
    this.socket.close(code, reason);
  }
}

function redactToken(d: unknown): unknown {
  return typeof d === 'object' && d !== null && 'token' in d ? { ...d, token: '[redacted]' } : d;
}

function shardOfIdentify(d: unknown): number | null {
  const shard = (d as IdentifyData | null)?.shard;
  return Array.isArray(shard) ? shard[0] : null;
}
