import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type APIMessage, type APIUser } from 'discord-api-types/v10';
import type { ReceivedPayload } from './gateway-connection';
import { GatewayServer, type Delivery, type ShardStats } from './gateway-server';
import type { GuildSpec, StoredGuild } from './guild-spec';
import { slashCommandInteraction, type SlashCommandSpec } from './interaction-payload';
import type { Recorder } from './recorder';
import { DEFAULT_RATE_LIMIT, gatewayOptions, restRoutes, type FakeDiscordOptions } from './options';
import { RestServer, type RecordedRequest } from './rest-server';
import { DiscordState } from './state';
import { FakeVoice, type FakeVoiceOptions } from './voice/fake-voice';

/** A sent interaction: its payload, and the bot's callback once it comes. */
export interface SentInteraction {
  id: string;
  token: string;
  deliveries: Delivery[];
  callback(timeoutMs?: number): Promise<RecordedRequest>;
}

/**
 * A local Discord for tests: REST v10 under `apiUrl` and gateway v10 at `gatewayUrl`, on one port.
 * Give discord.js `{ rest: { api: discord.apiUrl } }` and the token; it finds the gateway itself.
 */
export class FakeDiscord {
  readonly state: DiscordState;
  readonly gateway: GatewayServer;
  readonly rest: RestServer;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private voiceSide: FakeVoice | null = null;

  constructor(
    readonly token: string,
    private readonly options: FakeDiscordOptions,
  ) {
    this.state = new DiscordState(options.botName ?? 'Guildhall');
    this.gateway = new GatewayServer(
      this.state,
      gatewayOptions(token, options, () => this.wsBase),
    );
    const routes = restRoutes(options, () => this.wsBase);
    this.rest = new RestServer(
      this.state,
      this.gateway,
      routes,
      token,
      options.rateLimit ?? DEFAULT_RATE_LIMIT,
    );
    this.server = createServer((request, response) => void this.rest.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('upgrade', (request, socket, head) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      // The voice gateway is not here: it needs TLS, so each voice server has its own port (voice/).
      if (path === '/gateway' || path === '/gateway-resume') this.gateway.upgrade(request, socket, head);
      else socket.destroy();
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    if (this.options.voice) await this.startVoice(this.options.voice === true ? {} : this.options.voice);
    return this;
  }

  /** Starts the voice side (voice servers over TLS + UDP); from then on the bot's op 4 is answered. */
  async startVoice(options: FakeVoiceOptions = {}): Promise<FakeVoice> {
    if (this.voiceSide) return this.voiceSide;
    const link = {
      state: this.state,
      dispatch: (guildId: string, type: string, data: unknown) => this.dispatch(guildId, type, data),
    };
    this.voiceSide = await FakeVoice.start(link, options);
    this.gateway.onVoiceStateUpdate((sessionId, data) => this.voiceSide!.states.onRequest(sessionId, data));
    return this.voiceSide;
  }

  /** The voice side: `startFakeDiscord({ voice: true })` or `await discord.startVoice()` first. */
  get voice(): FakeVoice {
    if (!this.voiceSide) throw new Error('the voice side is not started: startFakeDiscord({ voice: true })');
    return this.voiceSide;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  /** The REST base for discord.js: `new Client({ rest: { api: discord.apiUrl } })`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  private get wsBase(): string {
    return `ws://127.0.0.1:${this.port}`;
  }
  get bot(): APIUser {
    return this.state.bot;
  }
  get requests(): Recorder<RecordedRequest> {
    return this.rest.requests;
  }
  /** Payloads the bot sent on the gateway (IDENTIFY, RESUME, heartbeats, op 3/4/8), tokens blanked. */
  get gatewayPayloads(): Recorder<ReceivedPayload> {
    return this.gateway.received;
  }

  /** Adds a guild the bot is in; a connected shard that serves it gets its GUILD_CREATE at once. */
  addGuild(spec: GuildSpec): StoredGuild {
    const guild = this.state.addGuild(spec);
    this.gateway.guildAdded(guild);
    return guild;
  }

  addUser(username: string, bot = false): APIUser {
    return this.state.addUser(username, bot);
  }

  /** Sends any event to the shard serving the guild (null: shard 0, as for DMs). */
  dispatch(guildId: string | null, type: string, data: unknown): Delivery[] {
    return this.gateway.dispatch(guildId, type, data);
  }

  /** A user posts in a channel (guild or DM): stored, so the bot can delete it, and dispatched. */
  sendMessage(channelId: string, userId: string, content: string): APIMessage {
    const author = this.state.users.get(userId);
    if (!author) throw new Error(`no user ${userId}`);
    const mentions = [...content.matchAll(/<@!?(\d+)>/g)].flatMap(
      ([, id]) => this.state.users.get(id!) ?? [],
    );
    const message = this.state.createMessage(channelId, author, content, { mentions });
    this.dispatch(message.guild_id ?? null, 'MESSAGE_CREATE', this.state.gatewayMessage(message));
    return message;
  }

  /** A user runs a slash command: INTERACTION_CREATE goes to the guild's shard. */
  sendCommand(spec: SlashCommandSpec): SentInteraction {
    const payload = slashCommandInteraction(this.state, spec);
    const user = payload.member?.user ?? payload.user!;
    const stored = { id: payload.id, token: payload.token, applicationId: payload.application_id, user };
    this.state.interactions.set(payload.id, {
      ...stored,
      channelId: payload.channel.id,
      guildId: payload.guild_id,
      createdAt: Date.now(),
    });
    const deliveries = this.dispatch(payload.guild_id ?? null, 'INTERACTION_CREATE', payload);
    const isCallback = (r: RecordedRequest) =>
      r.route?.endsWith('/callback') === true && r.params['interaction'] === payload.id;
    return { ...stored, deliveries, callback: (timeoutMs) => this.requests.waitFor(isCallback, timeoutMs) };
  }

  /** Sends the command and waits for the bot's callback request. */
  interact(spec: SlashCommandSpec, timeoutMs?: number): Promise<RecordedRequest> {
    return this.sendCommand(spec).callback(timeoutMs);
  }

  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest> {
    return this.requests.waitFor(predicate, timeoutMs);
  }

  stats(shardId: number): Readonly<ShardStats> {
    return this.gateway.statsOf(shardId);
  }

  /** Ends the shard's socket: with a close code, or without one as a network drop (the bot should RESUME). */
  dropConnection(shardId: number, code?: number): void {
    this.gateway.requireSession(shardId).drop(code);
  }

  requestReconnect(shardId: number): void {
    this.gateway.requireSession(shardId).requestReconnect();
  }

  invalidateSession(shardId: number, resumable: boolean): void {
    this.gateway.requireSession(shardId).invalidate(resumable);
  }

  requestHeartbeat(shardId: number): void {
    this.gateway.requireSession(shardId).requestHeartbeat();
  }

  async stop(): Promise<void> {
    await this.voiceSide?.stop();
    await this.gateway.close();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export type { FakeDiscordOptions };

export function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options.token ?? 'fake-bot-token', options).listen();
}
