import type { APIUser } from 'discord-api-types/v10';
import { guildStreamId } from '#domain';
import { EventStore } from '#eventstore';
import type { FakeDiscord, StoredGuild } from './discord/index';
import { apiMember, presence } from './discord/payloads';
import type { TestApp } from './test-app';

/**
 * Gateway traffic as Discord sends it, keeping the local Discord's own data in step (so a later
 * GUILD_CREATE tells the same story), and ways to wait for what Guildhall made of it.
 */
export class GatewayEvents {
  constructor(private readonly discord: FakeDiscord) {}

  guild(id: string): StoredGuild {
    const guild = this.discord.state.guild(id);
    if (!guild) throw new Error(`no guild ${id}`);
    return guild;
  }

  /** GUILD_MEMBER_ADD of a new user; returns the user. */
  memberJoins(guildId: string, username: string, options: { bot?: boolean; roles?: string[] } = {}): APIUser {
    const user = this.discord.addUser(username, options.bot ?? false);
    const member = apiMember(user, options.roles ?? [], new Date().toISOString());
    this.guild(guildId).members.set(user.id, member);
    this.discord.dispatch(guildId, 'GUILD_MEMBER_ADD', { ...member, guild_id: guildId });
    return user;
  }

  /** GUILD_MEMBER_REMOVE. */
  memberLeaves(guildId: string, userId: string): void {
    const guild = this.guild(guildId);
    const user = guild.members.get(userId)?.user ?? this.discord.state.users.get(userId);
    guild.members.delete(userId);
    guild.presences.delete(userId);
    this.discord.dispatch(guildId, 'GUILD_MEMBER_REMOVE', { guild_id: guildId, user });
  }

  /** GUILD_MEMBER_UPDATE with the member's roles now. */
  memberRolesChange(guildId: string, userId: string, roles: string[]): void {
    const member = this.guild(guildId).members.get(userId)!;
    const updated = { ...member, roles };
    this.guild(guildId).members.set(userId, updated);
    this.discord.dispatch(guildId, 'GUILD_MEMBER_UPDATE', { ...updated, guild_id: guildId });
  }

  /** PRESENCE_UPDATE. */
  presence(guildId: string, userId: string, status: 'online' | 'idle' | 'dnd' | 'offline'): void {
    const guild = this.guild(guildId);
    if (status === 'offline') guild.presences.delete(userId);
    else guild.presences.set(userId, status);
    this.discord.dispatch(
      guildId,
      'PRESENCE_UPDATE',
      presence(this.discord.state.users.get(userId)!, guildId, status),
    );
  }
}

/** Polls `probe` until it returns a value `done` accepts; the last value otherwise, after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The types of the events in a guild's stream, oldest first. */
export async function guildEventTypes(app: TestApp, guildId: string): Promise<string[]> {
  return (await app.app.get(EventStore).readStream(guildStreamId(guildId))).map((event) => event.type);
}

export const countOf = (types: readonly string[], type: string): number =>
  types.filter((t) => t === type).length;
