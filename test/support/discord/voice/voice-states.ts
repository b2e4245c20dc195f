import { ChannelType, type GatewayVoiceStateUpdateData } from 'discord-api-types/v10';
import { VoiceCloseCodes } from 'discord-api-types/voice/v8';
import { findMember, type StoredGuild } from '../guild-spec';
import { voiceState } from '../payloads';
import type { FakeVoice, VoiceGatewayLink } from './fake-voice';
import type { VoiceServer } from './voice-server';

/** Where the bot is in a guild's voice, as the gateway told it. */
export interface BotVoiceState {
  guildId: string;
  channelId: string;
  /** The gateway session's id, which VOICE_STATE_UPDATE carries and the voice IDENTIFY must repeat. */
  sessionId: string;
  selfMute: boolean;
  selfDeaf: boolean;
}

const VOICE_CHANNELS = new Set<number>([ChannelType.GuildVoice, ChannelType.GuildStageVoice]);

/**
 * The gateway side of voice: the bot's op 4 answered with VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE
 * (a fresh token and the assigned voice server's endpoint) as Discord does, and the events Discord
 * sends when the voice server moves, a moderator moves or disconnects the bot, or its channel goes.
 */
export class VoiceStates {
  private readonly bot = new Map<string, BotVoiceState>();

  constructor(
    private readonly link: VoiceGatewayLink,
    private readonly voice: FakeVoice,
  ) {}

  of(guildId: string): BotVoiceState | undefined {
    return this.bot.get(guildId);
  }

  /** The bot's op 4 on a gateway session: join, switch channel, or leave (`channel_id: null`). */
  onRequest(gatewaySessionId: string, d: GatewayVoiceStateUpdateData): void {
    const guild = this.link.state.guild(d.guild_id);
    if (!guild) return;
    if (d.channel_id === null) return this.leave(guild, VoiceCloseCodes.Disconnected);
    const channel = guild.channels.get(d.channel_id);
    if (!channel || !VOICE_CHANNELS.has(channel.type)) return;
    const state: BotVoiceState = {
      guildId: guild.id,
      channelId: channel.id,
      sessionId: gatewaySessionId,
      selfMute: d.self_mute,
      selfDeaf: d.self_deaf,
    };
    this.bot.set(guild.id, state);
    guild.voiceStates.set(this.botId, channel.id);
    this.sendState(guild, state);
    this.sendServer(state, this.voice.serverOf(guild.id));
  }

  /** The voice server moves: a new VOICE_SERVER_UPDATE with another endpoint; the old one refuses a RESUME. */
  async moveServer(guildId: string): Promise<VoiceServer> {
    const state = this.require(guildId);
    const old = this.voice.serverOf(guildId);
    const next = await this.voice.reassign(guildId);
    old.revoke(guildId);
    this.sendServer(state, next);
    return next;
  }

  /** A moderator moves the bot: VOICE_STATE_UPDATE with the new channel, same session. */
  moveBot(guildId: string, channelId: string): void {
    const state = this.require(guildId);
    const guild = this.link.state.guild(guildId)!;
    if (!VOICE_CHANNELS.has(guild.channels.get(channelId)?.type ?? -1))
      throw new Error(`${channelId} is no voice channel`);
    state.channelId = channelId;
    guild.voiceStates.set(this.botId, channelId);
    this.sendState(guild, state);
  }

  /** A moderator disconnects the bot: VOICE_STATE_UPDATE leaving, and the voice socket closes with 4014. */
  disconnectBot(guildId: string): void {
    this.require(guildId);
    this.leave(this.link.state.guild(guildId)!, VoiceCloseCodes.Disconnected);
  }

  /** The channel is deleted: CHANNEL_DELETE, everyone in it leaves, the bot's voice socket closes with 4014. */
  deleteChannel(channelId: string): void {
    const guild = this.link.state.channel(channelId)?.guild;
    const channel = guild?.channels.get(channelId);
    if (!guild || !channel) throw new Error(`no guild channel ${channelId}`);
    guild.channels.delete(channelId);
    this.link.dispatch(guild.id, 'CHANNEL_DELETE', channel);
    for (const [userId, inChannel] of [...guild.voiceStates]) {
      if (inChannel !== channelId) continue;
      if (userId === this.botId) this.leave(guild, VoiceCloseCodes.Disconnected);
      else {
        guild.voiceStates.delete(userId);
        this.link.dispatch(
          guild.id,
          'VOICE_STATE_UPDATE',
          voiceState(guild.id, null, findMember(guild, userId)),
        );
      }
    }
  }

  private leave(guild: StoredGuild, closeCode: number): void {
    const state = this.bot.get(guild.id);
    this.bot.delete(guild.id);
    guild.voiceStates.delete(this.botId);
    this.link.dispatch(guild.id, 'VOICE_STATE_UPDATE', {
      ...voiceState(guild.id, null, findMember(guild, this.botId)),
      session_id: state?.sessionId ?? '',
    });
    this.voice.serverOf(guild.id).revoke(guild.id, closeCode);
  }

  private sendState(guild: StoredGuild, state: BotVoiceState): void {
    this.link.dispatch(guild.id, 'VOICE_STATE_UPDATE', {
      ...voiceState(guild.id, state.channelId, findMember(guild, this.botId)),
      session_id: state.sessionId,
      self_mute: state.selfMute,
      self_deaf: state.selfDeaf,
    });
  }

  private sendServer(state: BotVoiceState, server: VoiceServer): void {
    const token = this.voice.newToken();
    server.grant({ ...state, userId: this.botId, token });
    this.link.dispatch(state.guildId, 'VOICE_SERVER_UPDATE', {
      token,
      guild_id: state.guildId,
      endpoint: server.endpoint,
    });
  }

  private require(guildId: string): BotVoiceState {
    const state = this.bot.get(guildId);
    if (!state) throw new Error(`the bot is in no voice channel of guild ${guildId}`);
    return state;
  }

  private get botId(): string {
    return this.link.state.bot.id;
  }
}
