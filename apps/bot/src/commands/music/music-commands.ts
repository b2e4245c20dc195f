import { Injectable, UseInterceptors } from '@nestjs/common';
import { InteractionContextType } from 'discord.js';
import { Context, Options, SlashCommand, type SlashCommandContext } from 'necord';
import { answerSlash } from '../answer-slash';
import { parseTimestamp } from '../arguments';
import { DiscordRefusalInterceptor } from '../refusal.interceptor';
import { MusicActions } from './music-actions';
import {
  FairShareOptions,
  LoopOptions,
  MoveOptions,
  PlayOptions,
  RemoveOptions,
  SeekOptions,
  VolumeOptions,
} from './music.options';

const inGuild = { contexts: [InteractionContextType.Guild] };

/** The music slash commands (`/play`, `/queue`, …): parse the options, run the action, reply. */
@Injectable()
@UseInterceptors(DiscordRefusalInterceptor)
export class MusicCommands {
  constructor(private readonly music: MusicActions) {}

  @SlashCommand({ name: 'play', description: 'Queue a track or a playlist', ...inGuild })
  async onPlay(@Context() [interaction]: SlashCommandContext, @Options() { query, next }: PlayOptions) {
    // Looking a track up may outlast the 3 s Discord gives a first answer.
    await interaction.deferReply();
    return answerSlash(interaction, (i) => this.music.play(i, query, next ? 'next' : undefined));
  }

  @SlashCommand({ name: 'queue', description: 'Show what plays and what comes next', ...inGuild })
  onQueue(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.queue(i));
  }

  @SlashCommand({ name: 'nowplaying', description: 'Show the current track', ...inGuild })
  onNowPlaying(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.nowPlaying(i));
  }

  @SlashCommand({ name: 'join', description: 'Bring the player to your voice channel', ...inGuild })
  onJoin(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.join(i));
  }

  @SlashCommand({ name: 'leave', description: 'Send the player out of its voice channel', ...inGuild })
  onLeave(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.leave(i));
  }

  @SlashCommand({ name: 'skip', description: 'Skip the current track', ...inGuild })
  onSkip(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.skip(i));
  }

  @SlashCommand({ name: 'previous', description: 'Play the previous track again', ...inGuild })
  onPrevious(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.previous(i));
  }

  @SlashCommand({ name: 'pause', description: 'Pause playback', ...inGuild })
  onPause(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.pause(i));
  }

  @SlashCommand({ name: 'resume', description: 'Resume playback', ...inGuild })
  onResume(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.resume(i));
  }

  @SlashCommand({ name: 'stop', description: 'Stop playback', ...inGuild })
  onStop(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.stop(i));
  }

  @SlashCommand({ name: 'volume', description: 'Set the volume', ...inGuild })
  onVolume(@Context() [interaction]: SlashCommandContext, @Options() { level }: VolumeOptions) {
    return answerSlash(interaction, (i) => this.music.volume(i, level));
  }

  @SlashCommand({ name: 'seek', description: 'Jump within the current track', ...inGuild })
  onSeek(@Context() [interaction]: SlashCommandContext, @Options() { position }: SeekOptions) {
    return answerSlash(interaction, (i) => this.music.seek(i, parseTimestamp(position, 'position')));
  }

  @SlashCommand({ name: 'loop', description: 'Repeat the track, the queue, or nothing', ...inGuild })
  onLoop(@Context() [interaction]: SlashCommandContext, @Options() { mode }: LoopOptions) {
    return answerSlash(interaction, (i) => this.music.loop(i, mode));
  }

  @SlashCommand({ name: 'shuffle', description: 'Shuffle the queue', ...inGuild })
  onShuffle(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.shuffle(i));
  }

  @SlashCommand({ name: 'remove', description: 'Remove a track from the queue', ...inGuild })
  onRemove(@Context() [interaction]: SlashCommandContext, @Options() { position }: RemoveOptions) {
    return answerSlash(interaction, (i) => this.music.remove(i, position));
  }

  @SlashCommand({ name: 'move', description: 'Move a track within the queue', ...inGuild })
  onMove(@Context() [interaction]: SlashCommandContext, @Options() { from, to }: MoveOptions) {
    return answerSlash(interaction, (i) => this.music.move(i, from, to));
  }

  @SlashCommand({ name: 'clear', description: 'Empty the queue', ...inGuild })
  onClear(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.music.clear(i));
  }

  @SlashCommand({ name: 'fairshare', description: 'Take turns between the members who queued', ...inGuild })
  onFairShare(@Context() [interaction]: SlashCommandContext, @Options() { enabled }: FairShareOptions) {
    return answerSlash(interaction, (i) => this.music.fairShare(i, enabled));
  }
}
