import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { VoiceCloseCodes } from 'discord-api-types/voice/v8';
import type { Delivery } from '../gateway-server';
import { Recorder } from '../recorder';
import type { DiscordState } from '../state';
import { HeardStream, type Heard, type ListeningOptions } from './heard';
import { makeTestAuthority, type TestAuthority } from './test-authority';
import type { ReceivedVoicePayload } from './voice-connection';
import { VoiceServer } from './voice-server';
import type { VoiceSession } from './voice-session';
import { VoiceStates } from './voice-states';

export interface FakeVoiceOptions extends ListeningOptions {
  /** HELLO's heartbeat_interval on the voice gateway (Discord's is about 13.75 s). */
  heartbeatIntervalMs?: number;
}

/** What the voice side needs from the local Discord's gateway. */
export interface VoiceGatewayLink {
  readonly state: DiscordState;
  dispatch(guildId: string, type: string, data: unknown): Delivery[];
}

/**
 * The local Discord's voice side: voice servers (voice gateway v8 over TLS + UDP) signed by a
 * throwaway CA, the bot's voice states, and what each SSRC was heard to play. `discord.voice` in tests.
 */
export class FakeVoice {
  /** Every payload the bot sent to a voice server (IDENTIFY, SELECT PROTOCOL, SPEAKING, heartbeats…), tokens blanked. */
  readonly received = new Recorder<ReceivedVoicePayload>('voice payload');
  readonly servers: VoiceServer[] = [];
  /** The bot's voice states and the gateway-side controls (move, disconnect, delete a channel). */
  readonly states: VoiceStates;
  private readonly assigned = new Map<string, VoiceServer>();
  private readonly heardBySsrc = new Map<number, HeardStream>();
  private readonly ssrcsByGuild = new Map<string, number[]>();
  private lastSsrc = 0x1000;

  private constructor(
    private readonly authority: TestAuthority,
    private readonly options: FakeVoiceOptions,
    link: VoiceGatewayLink,
  ) {
    this.states = new VoiceStates(link, this);
  }

  static async start(link: VoiceGatewayLink, options: FakeVoiceOptions = {}): Promise<FakeVoice> {
    const voice = new FakeVoice(await makeTestAuthority(), options, link);
    await voice.addServer();
    return voice;
  }

  /** The CA's PEM file: `NODE_EXTRA_CA_CERTS` for a Guildhall process under test. */
  get caPath(): string {
    return this.authority.caPath;
  }
  /** The CA's PEM, for `tls.setDefaultCACertificates([...tls.getCACertificates('default'), voice.ca])`. */
  get ca(): string {
    return this.authority.ca;
  }

  /** Starts one more voice server (its own TLS and UDP ports). */
  async addServer(): Promise<VoiceServer> {
    const server = await new VoiceServer({
      key: this.authority.key,
      cert: this.authority.cert,
      heartbeatIntervalMs: this.options.heartbeatIntervalMs ?? 1_000,
      nextSsrc: () => ++this.lastSsrc,
      onRtp: (session, packet, at) => this.streamOf(session).receive(packet, at),
      received: this.received,
    }).listen();
    this.servers.push(server);
    return server;
  }

  /** The voice server the guild is (or will be) sent to. */
  serverOf(guildId: string): VoiceServer {
    return this.assigned.get(guildId) ?? this.servers[0]!;
  }

  /** Sends the guild to another voice server (made if needed); returns it. */
  async reassign(guildId: string): Promise<VoiceServer> {
    const current = this.serverOf(guildId);
    const next = this.servers.find((server) => server !== current) ?? (await this.addServer());
    this.assigned.set(guildId, next);
    return next;
  }

  /** The bot's current voice session in the guild, on the server the guild is assigned to. */
  session(guildId: string): VoiceSession | undefined {
    return this.serverOf(guildId).session(guildId);
  }

  /** What one SSRC was heard to play (all zero before its first frame). */
  heard(ssrc: number): Heard {
    return (this.heardBySsrc.get(ssrc) ?? new HeardStream(ssrc, { decodeEvery: 0 })).report();
  }

  /** What the bot was heard to play in a guild, one entry per voice session (SSRC), oldest first. */
  heardInGuild(guildId: string): Heard[] {
    return (this.ssrcsByGuild.get(guildId) ?? []).map((ssrc) => this.heard(ssrc));
  }

  /** Frames heard in the guild over all its sessions. */
  framesInGuild(guildId: string): number {
    return this.heardInGuild(guildId).reduce((sum, heard) => sum + heard.frames, 0);
  }

  /** Waits until the guild's sessions together have `frames` frames; rejects after `timeoutMs`. */
  async waitForFrames(guildId: string, frames: number, timeoutMs = 10_000): Promise<Heard[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.framesInGuild(guildId) < frames) {
      if (Date.now() > deadline)
        throw new Error(`heard ${this.framesInGuild(guildId)} of ${frames} frames in ${timeoutMs} ms`);
      await sleep(20);
    }
    return this.heardInGuild(guildId);
  }

  /** Closes the bot's voice socket in the guild with a code (4006, 4014, 4015…), or cuts it without one. */
  closeSocket(guildId: string, code?: number): void {
    const session = this.session(guildId);
    if (!session?.connection) throw new Error(`no voice socket for guild ${guildId}`);
    session.close(code);
  }

  /** UDP stops answering and receiving for the guild's session (or starts again with `false`). */
  silenceUdp(guildId: string, silent = true): void {
    const session = this.session(guildId);
    if (!session) throw new Error(`no voice session for guild ${guildId}`);
    this.serverOf(guildId).silence(session.ssrc, silent);
  }

  /** The voice server moves: VOICE_SERVER_UPDATE with another endpoint (a new server if needed). */
  moveServer(guildId: string): Promise<VoiceServer> {
    return this.states.moveServer(guildId);
  }

  /** A moderator moves the bot to another voice channel: VOICE_STATE_UPDATE with it. */
  moveBot(guildId: string, channelId: string): void {
    this.states.moveBot(guildId, channelId);
  }

  /** A moderator disconnects the bot: VOICE_STATE_UPDATE leaving, then the voice socket closes with 4014. */
  disconnectBot(guildId: string): void {
    this.states.disconnectBot(guildId);
  }

  /** Deletes a channel: CHANNEL_DELETE, its members leave, the bot's voice socket (if there) closes with 4014. */
  deleteChannel(channelId: string): void {
    this.states.deleteChannel(channelId);
  }

  /** A fresh token for VOICE_SERVER_UPDATE. */
  newToken(): string {
    return randomBytes(12).toString('hex');
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.close()));
    for (const stream of this.heardBySsrc.values()) stream.close();
    this.authority.remove();
  }

  private streamOf(session: VoiceSession): HeardStream {
    let stream = this.heardBySsrc.get(session.ssrc);
    if (!stream) {
      stream = new HeardStream(session.ssrc, this.options);
      this.heardBySsrc.set(session.ssrc, stream);
      const { guildId } = session.grant;
      this.ssrcsByGuild.set(guildId, [...(this.ssrcsByGuild.get(guildId) ?? []), session.ssrc]);
    }
    return stream;
  }
}

export { VoiceCloseCodes };
