import { Injectable } from '@nestjs/common';
import type { Guild } from 'discord.js';
import { Context, On, type ContextOf } from 'necord';
import { ReconcileGuildCommand, RecordBotRemovalCommand, VoiceStates } from '#core';
import { GatewayCommands, gatewayContext } from './gateway-commands';
import { guildSnapshot, onlineMemberIds } from './guild-snapshot';
import { OnlineCountRecorder } from './presence/online-count-recorder';

/**
 * A guild arriving (GUILD_CREATE: at start, after a new session, when the bot joins) is reconciled,
 * and seeds the live presence count and voice view; GUILD_UPDATE and role changes reconcile it
 * again; GUILD_DELETE without `unavailable` records that the bot was removed. Whether anything
 * changed is the guild decider's call, not this listener's.
 */
@Injectable()
export class GuildListener {
  constructor(
    private readonly commands: GatewayCommands,
    private readonly online: OnlineCountRecorder,
    private readonly voiceStates: VoiceStates,
  ) {}

  @On('guildAvailable')
  onGuildAvailable(@Context() [guild]: ContextOf<'guildAvailable'>): Promise<void> {
    return this.arrived(guild);
  }

  @On('guildCreate')
  onGuildCreate(@Context() [guild]: ContextOf<'guildCreate'>): Promise<void> {
    return this.arrived(guild);
  }

  @On('guildUpdate')
  onGuildUpdate(@Context() [, guild]: ContextOf<'guildUpdate'>): Promise<void> {
    return this.reconcile(guild, 'GUILD_UPDATE');
  }

  @On('roleCreate')
  onRoleCreate(@Context() [role]: ContextOf<'roleCreate'>): Promise<void> {
    return this.reconcile(role.guild, 'a new role');
  }

  @On('roleDelete')
  onRoleDelete(@Context() [role]: ContextOf<'roleDelete'>): Promise<void> {
    return this.reconcile(role.guild, 'a deleted role');
  }

  @On('roleUpdate')
  onRoleUpdate(@Context() [, role]: ContextOf<'roleUpdate'>): Promise<void> {
    return this.reconcile(role.guild, 'a role change');
  }

  @On('guildUnavailable')
  onGuildUnavailable(@Context() [guild]: ContextOf<'guildUnavailable'>): void {
    // An outage: the live views are stale until the guild is available again and re-seeded.
    this.online.sampler.forget(guild.id);
    this.voiceStates.forgetGuild(guild.id);
  }

  @On('guildDelete')
  async onGuildDelete(@Context() [guild]: ContextOf<'guildDelete'>): Promise<void> {
    this.online.sampler.forget(guild.id);
    this.voiceStates.forgetGuild(guild.id);
    await this.commands.run(
      new RecordBotRemovalCommand(guild.id, gatewayContext()),
      `removal from guild ${guild.id}`,
    );
  }

  private async arrived(guild: Guild): Promise<void> {
    const onlineCount = this.online.sampler.seed(guild.id, onlineMemberIds(guild), Date.now());
    this.voiceStates.replaceGuild(
      guild.id,
      guild.channels.cache.filter((channel) => channel.isVoiceBased()).map((channel) => channel.id),
      guild.voiceStates.cache
        .filter((state) => state.channelId !== null)
        .map((state) => [state.id, state.channelId!] as const),
    );
    await this.reconcile(guild, 'GUILD_CREATE', onlineCount);
  }

  private reconcile(guild: Guild, what: string, onlineCount?: number): Promise<void> {
    const command = new ReconcileGuildCommand(guild.id, guildSnapshot(guild, onlineCount), gatewayContext());
    return this.commands.run(command, `${what} of guild ${guild.id}`);
  }
}
