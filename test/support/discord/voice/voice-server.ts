import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { VoiceCloseCodes } from 'discord-api-types/voice/v8';
import { WebSocketServer } from 'ws';
import { Recorder } from '../recorder';
import type { RtpPacket } from './rtp';
import {
  VoiceConnection,
  type IdentifyData,
  type ReceivedVoicePayload,
  type ResumeData,
  type VoiceHost,
} from './voice-connection';
import { VoiceSession, type VoiceGrant } from './voice-session';
import { VoiceUdp } from './voice-udp';

export interface VoiceServerOptions {
  key: string;
  cert: string;
  heartbeatIntervalMs: number;
  /** A fresh SSRC, unique across the voice servers of one fake. */
  nextSsrc: () => number;
  /** Every decrypted RTP packet, with the session it belongs to. */
  onRtp: (session: VoiceSession, packet: RtpPacket, at: number) => void;
  received: Recorder<ReceivedVoicePayload>;
}

/**
 * One voice server: the voice gateway v8 over TLS (`wss://127.0.0.1:port/?v=8`) and its UDP endpoint.
 * It accepts an IDENTIFY only with a grant the gateway handed out (VOICE_SERVER_UPDATE's token with
 * the VOICE_STATE_UPDATE's session id) and keeps one current session per guild.
 */
export class VoiceServer implements VoiceHost {
  private readonly https: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly udp: VoiceUdp;
  private readonly sockets = new Set<Socket>();
  private readonly grants = new Map<string, VoiceGrant>();
  private readonly sessions = new Map<string, VoiceSession>();
  private readonly bySsrc = new Map<number, VoiceSession>();

  constructor(private readonly options: VoiceServerOptions) {
    this.udp = new VoiceUdp((packet, at) => {
      const session = this.bySsrc.get(packet.ssrc);
      if (session) options.onRtp(session, packet, at);
    });
    this.https = createServer({ key: options.key, cert: options.cert }, (_request, response) => {
      response.writeHead(426).end('voice gateway: upgrade to a WebSocket');
    });
    this.https.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.https.on('upgrade', (request, socket, head) => {
      const query = new URL(request.url ?? '/', 'https://localhost').searchParams;
      this.wss.handleUpgrade(request, socket, head, (ws) => new VoiceConnection(ws, query, this));
    });
  }

  async listen(): Promise<this> {
    await this.udp.listen();
    await new Promise<void>((resolve) => this.https.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** What VOICE_SERVER_UPDATE carries: host and port, no scheme, as Discord sends it. */
  get endpoint(): string {
    return `127.0.0.1:${(this.https.address() as AddressInfo).port}`;
  }
  get udpPort(): number {
    return this.udp.port;
  }
  get heartbeatIntervalMs(): number {
    return this.options.heartbeatIntervalMs;
  }
  get udpStats() {
    return this.udp.stats;
  }

  record(payload: Omit<ReceivedVoicePayload, 'at' | 'endpoint'>): void {
    this.options.received.record({ ...payload, endpoint: this.endpoint, at: Date.now() });
  }

  /** Lets the bot in for a guild with these credentials; a new grant replaces the guild's old one. */
  grant(grant: VoiceGrant): void {
    this.grants.set(grant.guildId, grant);
  }

  /** The guild's grant is withdrawn and its session ended (the bot left, or moved to another server). */
  revoke(guildId: string, closeCode?: number): void {
    this.grants.delete(guildId);
    const session = this.sessions.get(guildId);
    if (session && closeCode !== undefined) session.close(closeCode);
    if (session) this.end(session);
  }

  identify(data: IdentifyData): VoiceSession | VoiceCloseCodes {
    const grant = this.grants.get(String(data.server_id));
    if (!grant) return VoiceCloseCodes.ServerNotFound;
    if (data.token !== grant.token || data.user_id !== grant.userId)
      return VoiceCloseCodes.AuthenticationFailed;
    if (data.session_id !== grant.sessionId) return VoiceCloseCodes.SessionNoLongerValid;
    const previous = this.sessions.get(grant.guildId);
    if (previous) this.end(previous);
    const version = Number(data.max_dave_protocol_version ?? 0);
    const session = new VoiceSession(grant, this.options.nextSsrc(), version);
    this.sessions.set(grant.guildId, session);
    this.bySsrc.set(session.ssrc, session);
    return session;
  }

  resume(data: ResumeData): VoiceSession | null {
    const session = this.sessions.get(String(data.server_id));
    if (!session || session.ended) return null;
    const { grant } = session;
    if (data.token !== grant.token || data.session_id !== grant.sessionId) return null;
    return session;
  }

  sessionDescribed(session: VoiceSession): void {
    this.udp.setKey(session.ssrc, session.secretKey);
  }

  /** The guild's current session on this server, if the bot identified here. */
  session(guildId: string): VoiceSession | undefined {
    return this.sessions.get(guildId);
  }

  silence(ssrc: number, silent: boolean): void {
    this.udp.silence(ssrc, silent);
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.https.close(() => resolve()));
    await this.udp.close();
  }

  private end(session: VoiceSession): void {
    session.ended = true;
    this.udp.forget(session.ssrc);
    this.bySsrc.delete(session.ssrc);
  }
}
