import { Injectable } from '@nestjs/common';
import type { GuildMember, PartialGuildMember } from 'discord.js';
import { Context, On, type ContextOf } from 'necord';
import { RecordMembershipCommand, RecordUserProfileCommand } from '#core';
import { GatewayCommands, gatewayContext } from './gateway-commands';
import { roleNames } from './guild-snapshot';
import { OnlineCountRecorder } from './presence/online-count-recorder';

/**
 * GUILD_MEMBER_ADD and REMOVE are joins and leaves (the guild's member and bot counts, Hexify's
 * growth); ADD and UPDATE also record the user's name and role names (Hush's users).
 */
@Injectable()
export class MemberListener {
  constructor(
    private readonly commands: GatewayCommands,
    private readonly online: OnlineCountRecorder,
  ) {}

  @On('guildMemberAdd')
  async onMemberAdd(@Context() [member]: ContextOf<'guildMemberAdd'>): Promise<void> {
    await this.membership(member, true);
    await this.profile(member);
  }

  @On('guildMemberRemove')
  async onMemberRemove(@Context() [member]: ContextOf<'guildMemberRemove'>): Promise<void> {
    this.online.sampler.update(member.guild.id, member.id, false);
    await this.membership(member, false);
  }

  @On('guildMemberUpdate')
  onMemberUpdate(@Context() [, member]: ContextOf<'guildMemberUpdate'>): Promise<void> {
    return this.profile(member);
  }

  /** An update for a member discord.js had not cached. */
  @On('guildMemberAvailable')
  onMemberAvailable(@Context() [member]: ContextOf<'guildMemberAvailable'>): Promise<void> {
    return this.profile(member);
  }

  private membership(member: GuildMember | PartialGuildMember, joined: boolean): Promise<void> {
    const { guild, id } = member;
    const command = new RecordMembershipCommand(guild.id, id, joined, gatewayContext(id), {
      bot: member.user.bot,
    });
    return this.commands.run(command, `${joined ? 'join' : 'leave'} of ${id} in guild ${guild.id}`);
  }

  private profile(member: GuildMember | PartialGuildMember): Promise<void> {
    const profile = { username: member.user.tag, roles: roleNames(member) };
    const command = new RecordUserProfileCommand(member.id, profile, gatewayContext(member.id));
    return this.commands.run(command, `profile of user ${member.id}`);
  }
}
