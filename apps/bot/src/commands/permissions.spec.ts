import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '#domain';
import { discordCommandContext } from '../keys/discord-key-plan';
import type { DiscordInvocation } from './discord-invocation';
import { requireDj, requireGuild, requireManageGuild } from './permissions';

const GUILD = '123456789012345678';
const OWNER = '210987654321098765';
const USER = '437086154215391233';
const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

const invocation = (over: Partial<DiscordInvocation> = {}): DiscordInvocation => ({
  userId: USER,
  guildId: GUILD,
  channelId: '1',
  guildOwnerId: OWNER,
  permissions: 0n,
  roleNames: [],
  voiceChannelId: null,
  context: discordCommandContext(USER),
  ...over,
});
const refusedWith = (message: string) => (error: unknown) =>
  error instanceof DomainError && error.reason === 'forbidden' && error.message === message;

describe('Discord command permissions', () => {
  it('given the owner, an administrator or Manage Server, then settings are allowed', () => {
    for (const over of [{ userId: OWNER }, { permissions: ADMINISTRATOR }, { permissions: MANAGE_GUILD }]) {
      assert.equal(requireManageGuild(invocation(over), 'prefix'), GUILD);
    }
  });

  it('given a member with a DJ role but not Manage Server, then settings are refused naming the permission', () => {
    assert.throws(
      () => requireManageGuild(invocation({ roleNames: ['DJ'] }), 'prefix'),
      refusedWith('`prefix` needs the Manage Server permission'),
    );
  });

  it('given a role named dj in any case, or Manage Server, then the player controls are allowed', () => {
    assert.equal(requireDj(invocation({ roleNames: ['Members', 'dj'] }), 'skip'), GUILD);
    assert.equal(requireDj(invocation({ permissions: MANAGE_GUILD }), 'skip'), GUILD);
  });

  it('given neither, then the player controls are refused naming both ways in', () => {
    assert.throws(
      () => requireDj(invocation({ roleNames: ['DJs'] }), 'skip'),
      refusedWith('`skip` needs the DJ role or the Manage Server permission'),
    );
  });

  it('given a DM, then a guild command is refused as invalid there', () => {
    assert.throws(
      () => requireGuild(invocation({ guildId: null, guildOwnerId: null }), 'queue'),
      (error: unknown) => error instanceof DomainError && error.code === 'guild_only',
    );
  });
});
