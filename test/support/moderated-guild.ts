import assert from 'node:assert/strict';
import { PermissionFlagsBits } from 'discord.js';
import type { FakeDiscord, RecordedRequest } from './discord/index';
import type { BotTestApp } from './discord-bot';

/** A guild on the local Discord, registered in Guildhall with the settings a test gives. */
export interface ModeratedGuild {
  readonly id: string;
  readonly ownerId: string;
  /** Channel ids by name: `general`, `mod-log`, `welcome`. */
  readonly channels: Readonly<Record<'general' | 'mod-log' | 'welcome', string>>;
  /** Member ids by name: `owner`, `alice`, `bob`, `mod` (Manage Messages). */
  readonly members: Readonly<Record<'owner' | 'alice' | 'bob' | 'mod', string>>;
}

/** Canonical settings body, e.g. `{ auto_mod: { enabled: true, word_filter: ['darn'] } }`, channels by name. */
export interface ModerationSettingsBody {
  readonly auto_mod?: { enabled?: boolean; spam_protection?: boolean; word_filter?: string[] };
  readonly mod_log?: boolean;
  readonly welcome?: boolean;
}

export async function addModeratedGuild(
  discord: FakeDiscord,
  guildhall: BotTestApp,
  authorization: string,
  name: string,
  settings: ModerationSettingsBody,
): Promise<ModeratedGuild> {
  const guild = discord.addGuild({
    name,
    roles: [{ name: 'Moderator', permissions: PermissionFlagsBits.ManageMessages }],
    channels: [{ name: 'general' }, { name: 'mod-log' }, { name: 'welcome' }],
    members: [
      { username: `${name}-owner` },
      { username: `${name}-alice` },
      { username: `${name}-bob` },
      { username: `${name}-mod`, roles: ['Moderator'] },
    ],
  });
  const channelId = (channel: string) =>
    [...guild.channels.values()].find((c) => 'name' in c && c.name === channel)!.id;
  const memberId = (member: string) =>
    [...guild.members.values()].find((m) => m.user.username === `${name}-${member}`)!.user.id;
  const channels = {
    general: channelId('general'),
    'mod-log': channelId('mod-log'),
    welcome: channelId('welcome'),
  };
  await guildhall.registerGuild(guild.id, {
    name,
    ownerId: guild.ownerId,
    memberCount: 5,
    botCount: 1,
    onlineCount: 0,
  });
  const res = await guildhall.app.inject({
    method: 'PATCH',
    url: `/v1/servers/${guild.id}/settings`,
    headers: { authorization },
    payload: {
      ...(settings.auto_mod && { auto_mod: settings.auto_mod }),
      ...(settings.mod_log && { mod_log_channel: channels['mod-log'] }),
      ...(settings.welcome && { welcome_channel: channels.welcome }),
    },
  });
  assert.equal(res.statusCode, 200, res.body);
  return {
    id: guild.id,
    ownerId: guild.ownerId,
    channels,
    members: {
      owner: memberId('owner'),
      alice: memberId('alice'),
      bob: memberId('bob'),
      mod: memberId('mod'),
    },
  };
}

/** Requests the bot made to a route (`DELETE /channels/:channel/messages/:message`) with these params. */
export function requestsTo(
  discord: FakeDiscord,
  route: string,
  params: Record<string, string>,
): RecordedRequest[] {
  return discord.requests.filter(
    (r) => r.route === route && Object.entries(params).every(([key, value]) => r.params[key] === value),
  );
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
