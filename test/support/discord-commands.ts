import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { writeTone } from '#music/testing/test-audio';
import { startFakeDiscord, type FakeDiscord, type SlashCommandSpec, type StoredGuild } from './discord/index';
import type { RecordedRequest } from './discord/rest-server';
import { startBotTestApp, type BotTestApp } from './discord-bot';
import type { GuildhallConfig } from '#config';

/** What the bot answered: the message it posted (or the interaction's reply). */
export interface Answer {
  readonly content: string;
  readonly embeds: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  readonly flags: number;
  readonly request: RecordedRequest;
}

export const EPHEMERAL = 64;

/**
 * Guildhall's Discord door logged in to a local Discord with one guild: `olga` owns it, `alice` is an
 * administrator, `mike` may manage the server, `dj` holds the DJ role, `bob` has no role and sits in
 * the `Stage` voice channel. MUSIC_DIR holds one generated track, "Tavern Song" by "The Bards".
 */
export class CommandsFixture {
  private constructor(
    readonly discord: FakeDiscord,
    readonly guildhall: BotTestApp,
    readonly guild: StoredGuild,
    private readonly musicDir: string,
  ) {}

  static async start(overrides: Partial<GuildhallConfig> = {}): Promise<CommandsFixture> {
    const musicDir = mkdtempSync(join(tmpdir(), 'guildhall-discord-music-'));
    await writeTone(join(musicDir, 'The Bards - Tavern Song.mp3'), {
      seconds: 2,
      tags: { title: 'Tavern Song', artist: 'The Bards' },
    });
    process.env.MUSIC_DIR = musicDir;
    const discord = await startFakeDiscord();
    const guild = discord.addGuild({
      name: 'Tavern',
      roles: [
        { name: 'Admin', permissions: PermissionFlagsBits.Administrator },
        { name: 'Mod', permissions: PermissionFlagsBits.ManageGuild },
        { name: 'DJ' },
      ],
      channels: [{ name: 'general' }, { name: 'Stage', type: 'voice' }],
      members: [
        { username: 'olga' },
        { username: 'alice', roles: ['Admin'] },
        { username: 'mike', roles: ['Mod'] },
        { username: 'dj', roles: ['DJ'] },
        { username: 'bob', voiceChannel: 'Stage' },
      ],
    });
    try {
      const guildhall = await startBotTestApp(discord, {}, overrides);
      // Necord registers the commands once the client is ready; options are typed from the registration.
      await discord.waitForRequest((r) => r.route === 'PUT /applications/:app/commands');
      await guildhall.registerGuild(guild.id, { name: 'Tavern', ownerId: guild.ownerId, premium: true });
      return new CommandsFixture(discord, guildhall, guild, musicDir);
    } catch (error) {
      await discord.stop();
      throw error;
    } finally {
      delete process.env.MUSIC_DIR;
    }
  }

  userId(username: string): string {
    return [...this.guild.members.values()].find((m) => m.user.username === username)!.user.id;
  }

  channelId(name: string): string {
    return [...this.guild.channels.values()].find((c) => c.name === name)!.id;
  }

  /** Runs a slash command in the guild (unless `guildId` says otherwise) and returns the answer. */
  async slash(spec: Omit<SlashCommandSpec, 'guildId'> & { guildId?: string }): Promise<Answer> {
    const sent = this.discord.sendCommand({ guildId: this.guild.id, ...spec });
    const callback = await sent.callback();
    if (callback.body['type'] === 4)
      return answer(callback, callback.body['data'] as Record<string, unknown>);
    // Deferred (type 5): the answer edits @original, or follows up when it must be ephemeral.
    const final = await this.discord.waitForRequest(
      (r) =>
        r.params['token'] === sent.token &&
        (r.route === 'PATCH /webhooks/:webhook/:token/messages/:message' ||
          r.route === 'POST /webhooks/:webhook/:token'),
      10_000,
    );
    return answer(final, final.body);
  }

  /** Posts a message as `username` (in `general` unless told) and returns the bot's reply to it. */
  async message(username: string, content: string, channelId = this.channelId('general')): Promise<Answer> {
    const sent = this.discord.sendMessage(channelId, this.userId(username), content);
    const reply = await this.discord.waitForRequest(
      (r) =>
        r.route === 'POST /channels/:channel/messages' &&
        (r.body['message_reference'] as { message_id?: string } | undefined)?.message_id === sent.id,
      10_000,
    );
    return answer(reply, reply.body);
  }

  /** An HTTP request to the same process. */
  async http(method: 'GET' | 'POST' | 'PUT', url: string, key?: string, payload?: object) {
    return this.guildhall.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });
  }

  async stop(): Promise<void> {
    await this.guildhall.close();
    await this.discord.stop();
    rmSync(this.musicDir, { recursive: true, force: true });
  }
}

function answer(request: RecordedRequest, data: Record<string, unknown>): Answer {
  return {
    content: String(data['content'] ?? ''),
    embeds: (data['embeds'] as Answer['embeds'] | undefined) ?? [],
    flags: Number(data['flags'] ?? 0),
    request,
  };
}
