import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GatewayCloseCodes,
  GatewayOpcodes,
  type GatewayRequestGuildMembersData,
  type GatewayVoiceStateUpdateData,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  GatewayConnection,
  type GatewayHost,
  type IdentifyData,
  type ReceivedPayload,
  type ResumeData,
} from './gateway-connection';
import { GatewaySession } from './gateway-session';
import type { StoredGuild } from './guild-spec';
import { receives, withoutContentUnlessAllowed } from './intents';
import { Recorder } from './recorder';
import { shardOf } from './snowflake';
import type { DiscordState } from './state';

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  allowedPrivilegedIntents: number;
  maxGuildsPerShard: number;
  resumeUrl: () => string;
}

export interface ShardStats {
  identifies: number;
  resumes: number;
  heartbeats: number;
}

/** Where a dispatch went: its shard and sequence number, or `seq: null` when the shard's intents filtered it. */
export interface Delivery {
  shardId: number;
  seq: number | null;
}

/** The gateway side of the local Discord: sessions per shard, routing of dispatches, and test controls. */
export class GatewayServer implements GatewayHost {
  readonly received = new Recorder<ReceivedPayload>('gateway payload');
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<number, GatewaySession>();
  private readonly stats = new Map<number, ShardStats>();
  private readonly connectionsByPath = new Map<string, number>();
  identifiesUsed = 0;
  private voiceStateListener?: (gatewaySessionId: string, data: GatewayVoiceStateUpdateData) => void;

  constructor(
    private readonly state: DiscordState,
    private readonly options: GatewayOptions,
  ) {}

  get token() {
    return this.options.token;
  }
  get heartbeatIntervalMs() {
    return this.options.heartbeatIntervalMs;
  }
  get allowedPrivilegedIntents() {
    return this.options.allowedPrivilegedIntents;
  }

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const { pathname, searchParams: query } = new URL(request.url ?? '/', 'http://localhost');
    this.connectionsByPath.set(pathname, this.connectionsTo(pathname) + 1);
    this.wss.handleUpgrade(request, socket, head, (ws) => new GatewayConnection(ws, query, this));
  }

  record(payload: Omit<ReceivedPayload, 'at'>): void {
    this.received.record({ ...payload, at: Date.now() });
  }

  startSession(socket: WebSocket, identify: IdentifyData): GatewaySession | GatewayCloseCodes {
    const [shardId, shardCount] = identify.shard!;
    const guilds = [...this.state.guilds.values()].filter((g) => shardOf(g.id, shardCount) === shardId);
    if (guilds.length > this.options.maxGuildsPerShard) return GatewayCloseCodes.ShardingRequired;
    const previous = this.sessions.get(shardId);
    if (previous) previous.resumable = false;
    const session = new GatewaySession(shardId, shardCount, identify.intents);
    this.sessions.set(shardId, session);
    session.attach(socket);
    this.shardStats(shardId).identifies++;
    this.identifiesUsed++;
    session.dispatch('READY', {
      v: 10,
      user: this.state.bot,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.resumeUrl(),
      shard: [shardId, shardCount],
      application: { id: this.state.application.id, flags: this.state.application.flags },
      _trace: ['fake-discord'],
    });
    for (const guild of guilds) this.sendGuildCreate(session, guild);
    return session;
  }

  resumeSession(socket: WebSocket, resume: ResumeData): GatewaySession | GatewayCloseCodes | null {
    const session = [...this.sessions.values()].find((s) => s.id === resume.session_id);
    if (!session?.resumable) return null;
    if (resume.seq > session.seq) return GatewayCloseCodes.InvalidSeq;
    if (!session.canReplayFrom(resume.seq)) return null;
    const previous = session.connection;
    if (previous && previous !== socket) previous.terminate();
    session.attach(socket);
    this.shardStats(session.shardId).resumes++;
    session.replayAfter(resume.seq);
    session.dispatch('RESUMED', { _trace: ['fake-discord'] });
    return session;
  }

  onHeartbeat(session: GatewaySession | null): void {
    if (session) this.shardStats(session.shardId).heartbeats++;
  }

  onRequest(session: GatewaySession, op: number, d: unknown): void {
    if (op === GatewayOpcodes.RequestGuildMembers) {
      const chunk = this.state.memberChunk(d as GatewayRequestGuildMembersData);
      if (chunk) session.dispatch('GUILD_MEMBERS_CHUNK', chunk);
    }
    if (op === GatewayOpcodes.VoiceStateUpdate) {
      this.voiceStateListener?.(session.id, d as GatewayVoiceStateUpdateData);
    }
  }

  /** Who answers the bot's op 4 (the voice side, when started); without one it is only recorded. */
  onVoiceStateUpdate(listener: (gatewaySessionId: string, data: GatewayVoiceStateUpdateData) => void): void {
    this.voiceStateListener = listener;
  }

  /** Sends an event to the shard serving `guildId` (shard 0 for DMs and guild-less events). */
  dispatch(guildId: string | null, type: string, data: unknown): Delivery[] {
    const targets = this.sessionsFor(guildId);
    if (targets.length === 0)
      throw new Error(`no gateway session serves ${guildId ? `guild ${guildId}` : 'DMs'}`);
    return targets.map((session) => {
      if (!receives(session.intents, type, guildId !== null)) return { shardId: session.shardId, seq: null };
      const shaped = withoutContentUnlessAllowed(session.intents, type, data, this.state.bot.id);
      return { shardId: session.shardId, seq: session.dispatch(type, shaped) };
    });
  }

  /** A dispatch caused by the bot's own REST call (its message, a deletion): sent if a shard serves it. */
  echo(guildId: string | null, type: string, data: unknown): void {
    if (this.servesAny(guildId)) this.dispatch(guildId, type, data);
  }

  /** The bot joined a guild after READY: its shard, if connected, gets the GUILD_CREATE. */
  guildAdded(guild: StoredGuild): void {
    for (const session of this.sessionsFor(guild.id)) this.sendGuildCreate(session, guild);
  }

  /** How many sockets connected at a path (`/gateway`, or `/gateway-resume` from READY's resume_gateway_url). */
  connectionsTo(path: string): number {
    return this.connectionsByPath.get(path) ?? 0;
  }

  session(shardId: number): GatewaySession | undefined {
    return this.sessions.get(shardId);
  }

  statsOf(shardId: number): Readonly<ShardStats> {
    return { ...this.shardStats(shardId) };
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private sendGuildCreate(session: GatewaySession, guild: StoredGuild): void {
    if (receives(session.intents, 'GUILD_CREATE', true)) {
      session.dispatch('GUILD_CREATE', this.state.guildCreate(guild, session.intents));
    }
  }

  private sessionsFor(guildId: string | null): GatewaySession[] {
    return [...this.sessions.values()].filter(
      (s) => s.resumable && s.shardId === (guildId === null ? 0 : shardOf(guildId, s.shardCount)),
    );
  }

  private servesAny(guildId: string | null): boolean {
    return this.sessionsFor(guildId).length > 0;
  }

  /** The shard's current session, for tests that drop, reconnect or invalidate it. */
  requireSession(shardId: number): GatewaySession {
    const session = this.sessions.get(shardId);
    if (!session) throw new Error(`shard ${shardId} has no gateway session`);
    return session;
  }

  private shardStats(shardId: number): ShardStats {
    let stats = this.stats.get(shardId);
    if (!stats) this.stats.set(shardId, (stats = { identifies: 0, resumes: 0, heartbeats: 0 }));
    return stats;
  }
}
