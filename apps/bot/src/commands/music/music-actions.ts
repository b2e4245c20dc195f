import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ClearQueueCommand,
  EnqueueTracksCommand,
  GetNowPlayingQuery,
  GetPlayerQuery,
  JoinVoiceChannelCommand,
  LeaveVoiceChannelCommand,
  MoveTrackCommand,
  PausePlaybackCommand,
  PlayPreviousCommand,
  RemoveTrackCommand,
  ResumePlaybackCommand,
  SeekTrackCommand,
  SetFairShareCommand,
  SetLoopModeCommand,
  SetVolumeCommand,
  ShuffleQueueCommand,
  SkipTrackCommand,
  StopPlayerCommand,
  UsageRecordingCommandBus,
  afterWrite,
  type CommandContext,
  type CommandResult,
} from '#core';
import { DomainError, type LoopMode, type QueuePlacement } from '#domain';
import type { PlayerView } from '#projections';
import type { DiscordInvocation } from '../discord-invocation';
import type { DiscordReply } from '../discord-reply';
import { requireDj, requireGuild } from '../permissions';
import { QueryUsage } from '../query-usage';
import { formatDuration, nowPlayingReply, plain, queueReply, queuedReply } from './music-replies';

type Control = (guildId: string, context: CommandContext) => object;

/**
 * The music commands, the same for `/play` and `h!play`: each builds the Command or Query the REST
 * routes build (`/v1/servers/{id}/music…`) and runs it on the usage-recording bus. Anyone may queue,
 * look and join; what changes what everyone hears needs the DJ role or Manage Server.
 */
@Injectable()
export class MusicActions {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
    private readonly usage: QueryUsage,
  ) {}

  /** Queues the track; a member in a voice channel brings an idle player along. */
  async play(
    invocation: DiscordInvocation,
    query: string,
    placement?: QueuePlacement,
  ): Promise<DiscordReply> {
    const guildId = requireGuild(invocation, 'play');
    const { userId, context, voiceChannelId } = invocation;
    const options = { requestedBy: userId, ...(placement ? { placement } : {}) };
    const queued = await this.commandBus.execute(new EnqueueTracksCommand(guildId, query, options, context));
    let player = await this.playerAfter(guildId, queued);
    if (voiceChannelId !== null && !player?.voiceChannelId) {
      const joined = await this.commandBus.execute(
        new JoinVoiceChannelCommand(guildId, voiceChannelId, userId, context),
      );
      player = await this.playerAfter(guildId, joined);
    }
    return queuedReply(queued, player?.upcoming.length ?? 0);
  }

  async queue(invocation: DiscordInvocation): Promise<DiscordReply> {
    const guildId = requireGuild(invocation, 'queue');
    const player = await this.queryBus.execute(new GetPlayerQuery(guildId));
    await this.usage.record(invocation, guildId, 'queue', 'music');
    return queueReply(player, Date.now());
  }

  async nowPlaying(invocation: DiscordInvocation): Promise<DiscordReply> {
    const guildId = requireGuild(invocation, 'nowplaying');
    const now = await this.queryBus.execute(new GetNowPlayingQuery(guildId));
    if (!now) throw new DomainError('not_found', 'nothing_playing', 'nothing is playing');
    await this.usage.record(invocation, guildId, 'nowplaying', 'music');
    return nowPlayingReply(now);
  }

  async join(invocation: DiscordInvocation): Promise<DiscordReply> {
    const guildId = requireGuild(invocation, 'join');
    const channelId = invocation.voiceChannelId;
    if (channelId === null) {
      throw new DomainError('invalid', 'not_in_voice', 'join a voice channel first, then ask me to join you');
    }
    const player: PlayerView | null = await this.queryBus.execute(new GetPlayerQuery(guildId));
    // Following a member is open to all; taking the player from another channel is a DJ's call.
    if (player?.voiceChannelId && player.voiceChannelId !== channelId) requireDj(invocation, 'join');
    const { userId, context } = invocation;
    await this.commandBus.execute(new JoinVoiceChannelCommand(guildId, channelId, userId, context));
    return { content: `🔊 Joining <#${channelId}>.` };
  }

  leave = (invocation: DiscordInvocation) =>
    this.control(invocation, 'leave', '👋 Left the voice channel.', (g, c) => {
      return new LeaveVoiceChannelCommand(g, invocation.userId, c);
    });
  skip = (invocation: DiscordInvocation) =>
    this.control(invocation, 'skip', '⏭️ Skipped.', (g, c) => new SkipTrackCommand(g, c));
  previous = (invocation: DiscordInvocation) =>
    this.control(
      invocation,
      'previous',
      '⏮️ Back to the previous track.',
      (g, c) => new PlayPreviousCommand(g, c),
    );
  pause = (invocation: DiscordInvocation) =>
    this.control(invocation, 'pause', '⏸️ Paused.', (g, c) => new PausePlaybackCommand(g, c));
  resume = (invocation: DiscordInvocation) =>
    this.control(invocation, 'resume', '▶️ Resumed.', (g, c) => new ResumePlaybackCommand(g, c));
  stop = (invocation: DiscordInvocation) =>
    this.control(invocation, 'stop', '⏹️ Stopped.', (g, c) => new StopPlayerCommand(g, c));
  shuffle = (invocation: DiscordInvocation) =>
    this.control(invocation, 'shuffle', '🔀 Shuffled the queue.', (g, c) => new ShuffleQueueCommand(g, c));
  clear = (invocation: DiscordInvocation) =>
    this.control(invocation, 'clear', '🧹 Cleared the queue.', (g, c) => new ClearQueueCommand(g, c));
  volume = (invocation: DiscordInvocation, level: number) =>
    this.control(
      invocation,
      'volume',
      `🔉 Volume set to ${level}%.`,
      (g, c) => new SetVolumeCommand(g, level, c),
    );
  seek = (invocation: DiscordInvocation, positionMs: number) =>
    this.control(invocation, 'seek', `⏩ Moved to ${formatDuration(positionMs)}.`, (g, c) => {
      return new SeekTrackCommand(g, positionMs, c);
    });
  loop = (invocation: DiscordInvocation, mode: LoopMode) =>
    this.control(invocation, 'loop', `🔁 Loop: ${mode}.`, (g, c) => new SetLoopModeCommand(g, mode, c));
  fairShare = (invocation: DiscordInvocation, enabled: boolean) =>
    this.control(invocation, 'fairshare', `⚖️ Fair share ${enabled ? 'on' : 'off'}.`, (g, c) => {
      return new SetFairShareCommand(g, enabled, c);
    });

  /** Removes the track at `position` of the queue as `/queue` lists it (1 plays next). */
  async remove(invocation: DiscordInvocation, position: number): Promise<DiscordReply> {
    const guildId = requireDj(invocation, 'remove');
    const track = await this.trackAt(guildId, position, 'position');
    await this.commandBus.execute(new RemoveTrackCommand(guildId, track.trackId, invocation.context));
    return { content: `🗑️ Removed **${plain(track.title)}** from the queue.` };
  }

  /** Moves the track at `from` (as `/queue` lists it) so that it plays `to`th. */
  async move(invocation: DiscordInvocation, from: number, to: number): Promise<DiscordReply> {
    const guildId = requireDj(invocation, 'move');
    const track = await this.trackAt(guildId, from, 'from');
    await this.commandBus.execute(new MoveTrackCommand(guildId, track.trackId, to - 1, invocation.context));
    return { content: `↕️ Moved **${plain(track.title)}** to position ${to}.` };
  }

  private async control(invocation: DiscordInvocation, name: string, done: string, build: Control) {
    const guildId = requireDj(invocation, name);
    await this.commandBus.execute(build(guildId, invocation.context) as never);
    return { content: done } satisfies DiscordReply;
  }

  private async trackAt(guildId: string, position: number, field: string) {
    const player: PlayerView | null = await this.queryBus.execute(new GetPlayerQuery(guildId));
    const track = Number.isInteger(position) ? player?.upcoming[position - 1] : undefined;
    if (!track) {
      const count = player?.upcoming.length ?? 0;
      throw new DomainError(
        'not_found',
        'track_not_queued',
        `no track at ${position}: the queue holds ${count}`,
        field,
      );
    }
    return track;
  }

  private playerAfter(guildId: string, result: CommandResult): Promise<PlayerView | null> {
    return this.queryBus.execute(new GetPlayerQuery(guildId, afterWrite(result.position)));
  }
}
