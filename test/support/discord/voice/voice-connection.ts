import { VoiceCloseCodes, VoiceOpcodes } from 'discord-api-types/voice/v8';
import type { RawData, WebSocket } from 'ws';
import type { VoiceSession } from './voice-session';

export const SUPPORTED_MODES = ['aead_aes256_gcm_rtpsize'];
/** Offered in READY as Discord does; only the first can be selected here (see README). */
const OFFERED_MODES = ['aead_aes256_gcm_rtpsize', 'aead_xchacha20_poly1305_rtpsize'];

export interface IdentifyData {
  server_id: string;
  user_id: string;
  session_id: string;
  token: string;
  max_dave_protocol_version?: number;
}

export interface ResumeData {
  server_id: string;
  session_id: string;
  token: string;
  seq_ack?: number;
}

/** A payload the bot sent to a voice server, with the token blanked. */
export interface ReceivedVoicePayload {
  endpoint: string;
  guildId: string | null;
  op: number;
  d: unknown;
  at: number;
}

/** What a connection needs from its voice server. */
export interface VoiceHost {
  readonly endpoint: string;
  readonly udpPort: number;
  readonly heartbeatIntervalMs: number;
  record(payload: Omit<ReceivedVoicePayload, 'at' | 'endpoint'>): void;
  identify(data: IdentifyData): VoiceSession | VoiceCloseCodes;
  resume(data: ResumeData): VoiceSession | null;
  sessionDescribed(session: VoiceSession): void;
}

/**
 * One socket's side of voice gateway v8: HELLO; IDENTIFY (checked against what the gateway handed
 * out) → READY; SELECT PROTOCOL → SESSION DESCRIPTION; SPEAKING; heartbeats answered with their `t`;
 * RESUME → RESUMED and the missed messages. Anything out of order gets Discord's close code.
 */
export class VoiceConnection {
  private session: VoiceSession | null = null;

  constructor(
    private readonly socket: WebSocket,
    query: URLSearchParams,
    private readonly host: VoiceHost,
  ) {
    socket.on('error', () => undefined);
    socket.on('close', () => this.session?.detach(socket));
    if (query.get('v') !== '8') {
      socket.close(VoiceCloseCodes.BadRequest, 'This voice server speaks v=8 only');
      return;
    }
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    this.sendUnnumbered(VoiceOpcodes.Hello, { v: 8, heartbeat_interval: host.heartbeatIntervalMs });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      // DAVE's binary opcodes (26, 28) only follow a DAVE version above 0, which this server never selects.
      this.host.record({ guildId: this.guildId, op: (data as Buffer)[0] ?? -1, d: null });
      return;
    }
    let payload: { op: number; d: unknown };
    try {
      payload = JSON.parse((data as Buffer).toString('utf8')) as { op: number; d: unknown };
    } catch {
      return this.close(VoiceCloseCodes.FailedToDecode, 'Failed to decode payload');
    }
    this.host.record({ guildId: this.guildId, op: payload.op, d: blankToken(payload.d) });
    this.handle(payload.op, (payload.d ?? {}) as Record<string, unknown>);
  }

  private handle(op: number, d: Record<string, unknown>): void {
    switch (op) {
      case VoiceOpcodes.Heartbeat:
        if (typeof d['seq_ack'] === 'number') this.session?.acknowledge(d['seq_ack']);
        return this.sendUnnumbered(VoiceOpcodes.HeartbeatAck, { t: d['t'] });
      case VoiceOpcodes.Identify:
        return this.onIdentify(d as unknown as IdentifyData);
      case VoiceOpcodes.Resume:
        return this.onResume(d as unknown as ResumeData);
      case VoiceOpcodes.SelectProtocol:
        return this.onSelectProtocol(d);
      case VoiceOpcodes.Speaking:
        if (!this.session) return this.close(VoiceCloseCodes.NotAuthenticated, 'Not authenticated');
        this.session.speaking = Number(d['speaking']) !== 0;
        return;
      case VoiceOpcodes.DaveTransitionReady:
      case VoiceOpcodes.DaveMlsInvalidCommitWelcome:
        return;
      default:
        return this.close(VoiceCloseCodes.UnknownOpcode, 'Unknown opcode');
    }
  }

  private onIdentify(data: IdentifyData): void {
    if (this.session) return this.close(VoiceCloseCodes.AlreadyAuthenticated, 'Already authenticated');
    const result = this.host.identify(data);
    if (typeof result === 'number') return this.close(result, 'Identify refused');
    this.session = result;
    result.attach(this.socket);
    result.send(VoiceOpcodes.Ready, {
      ssrc: result.ssrc,
      ip: '127.0.0.1',
      port: this.host.udpPort,
      modes: OFFERED_MODES,
      heartbeat_interval: this.host.heartbeatIntervalMs,
    });
  }

  private onResume(data: ResumeData): void {
    if (this.session) return this.close(VoiceCloseCodes.AlreadyAuthenticated, 'Already authenticated');
    const session = this.host.resume(data);
    if (!session) return this.close(VoiceCloseCodes.SessionNoLongerValid, 'Session no longer valid');
    this.session = session;
    session.attach(this.socket);
    const acked = typeof data.seq_ack === 'number' ? data.seq_ack : 0;
    session.acknowledge(acked);
    session.send(VoiceOpcodes.Resumed, null);
    session.replayAfter(acked);
  }

  private onSelectProtocol(d: Record<string, unknown>): void {
    const session = this.session;
    if (!session) return this.close(VoiceCloseCodes.NotAuthenticated, 'Not authenticated');
    const data = (d['data'] ?? {}) as { address?: string; port?: number; mode?: string };
    if (d['protocol'] !== 'udp') return this.close(VoiceCloseCodes.UnknownProtocol, 'Unknown protocol');
    if (!data.mode || !SUPPORTED_MODES.includes(data.mode))
      return this.close(VoiceCloseCodes.UnknownEncryptionMode, 'Unknown encryption mode');
    session.selected = { address: String(data.address), port: Number(data.port), mode: data.mode };
    this.host.sessionDescribed(session);
    session.send(VoiceOpcodes.SessionDescription, {
      mode: data.mode,
      secret_key: [...session.secretKey],
      dave_protocol_version: 0,
      audio_codec: 'opus',
      video_codec: null,
      media_session_id: session.grant.sessionId,
    });
  }

  private get guildId(): string | null {
    return this.session?.grant.guildId ?? null;
  }

  private sendUnnumbered(op: number, d: unknown): void {
    this.socket.send(JSON.stringify({ op, d }));
  }

  private close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }
}

function blankToken(d: unknown): unknown {
  if (d && typeof d === 'object' && 'token' in d) return { ...d, token: '' };
  return d;
}
