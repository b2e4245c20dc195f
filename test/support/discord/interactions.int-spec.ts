import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApplicationCommandOptionType,
  MessageFlags,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  type Message,
} from 'discord.js';
import { readyBot, nextEvent } from './bot-client';
import { startFakeDiscord, type FakeDiscord, type StoredGuild } from './index';

// Slash commands through the local Discord: registration, INTERACTION_CREATE, callbacks, followups.

async function withBot(test: (discord: FakeDiscord, client: Client, guild: StoredGuild) => Promise<void>) {
  const discord = await startFakeDiscord();
  try {
    const guild = discord.addGuild({
      name: 'Tavern',
      roles: [{ name: 'Admin', permissions: PermissionFlagsBits.Administrator }],
      members: [{ username: 'owner' }, { username: 'alice', roles: ['Admin'] }, { username: 'bob' }],
    });
    const client = await readyBot(discord);
    try {
      await test(discord, client, guild);
    } finally {
      await client.destroy();
    }
  } finally {
    await discord.stop();
  }
}

function nextCommand(client: Client): Promise<ChatInputCommandInteraction> {
  return new Promise((resolve) => {
    const listener = (interaction: Interaction) => {
      if (!interaction.isChatInputCommand()) return;
      client.off('interactionCreate', listener);
      resolve(interaction);
    };
    client.on('interactionCreate', listener);
  });
}

const volume = {
  name: 'volume',
  description: 'Set the volume',
  options: [
    {
      name: 'level',
      description: 'percent',
      type: ApplicationCommandOptionType.Integer as const,
      required: true,
    },
  ],
};

describe('Local Discord, slash commands with discord.js', () => {
  it('given commands set globally and per guild, then PUT is recorded and the commands can be fetched back', () =>
    withBot(async (discord, client, guild) => {
      await client.application!.commands.set([volume]);
      await client.application!.commands.set([{ name: 'genkey', description: 'A key' }], guild.id);
      const put = await discord.waitForRequest((r) => r.route === 'PUT /applications/:app/commands');
      assert.deepEqual(
        (put.body as unknown as { name: string }[]).map((c) => c.name),
        ['volume'],
      );
      assert.ok(
        discord.requests.all.some((r) => r.route === 'PUT /applications/:app/guilds/:guild/commands'),
      );
      const fetched = await client.application!.commands.fetch();
      assert.deepEqual(
        [...fetched.values()].map((c) => c.name),
        ['volume'],
      );
    }));

  it('given a member invokes a command, then interactionCreate has its options and permissions, and an ephemeral reply posts flag 64', () =>
    withBot(async (discord, client, guild) => {
      await client.application!.commands.set([volume]);
      const received = nextCommand(client);
      const sent = discord.sendCommand({
        guildId: guild.id,
        user: 'alice',
        name: 'volume',
        options: { level: 40 },
      });
      const interaction = await received;
      assert.equal(interaction.options.getInteger('level'), 40);
      assert.equal(interaction.user.username, 'alice');
      assert.equal(
        interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild),
        true,
        'Admin implies all',
      );
      await interaction.reply({ content: 'Volume set', flags: MessageFlags.Ephemeral });
      const callback = await sent.callback();
      assert.equal(callback.status, 204);
      assert.equal(callback.body['type'], 4);
      const data = callback.body['data'] as { content: string; flags: number };
      assert.equal(data.content, 'Volume set');
      assert.equal(data.flags & MessageFlags.Ephemeral, 64);
    }));

  it('given a member without roles, then the interaction member lacks Manage Server', () =>
    withBot(async (discord, client, guild) => {
      const received = nextCommand(client);
      discord.sendCommand({ guildId: guild.id, user: 'bob', name: 'genkey' });
      assert.equal((await received).memberPermissions?.has(PermissionFlagsBits.ManageGuild), false);
    }));

  it('given a deferred reply, when edited and followed up, then PATCH @original and the followup POST are recorded', () =>
    withBot(async (discord, client, guild) => {
      const received = nextCommand(client);
      discord.sendCommand({ guildId: guild.id, user: 'bob', name: 'queue', subcommand: 'show' });
      const interaction = await received;
      assert.equal(interaction.options.getSubcommand(), 'show');
      await interaction.deferReply();
      const edited = await interaction.editReply('Queue: empty');
      assert.equal(edited.content, 'Queue: empty');
      const followUp = await interaction.followUp({ content: 'Psst', flags: MessageFlags.Ephemeral });
      assert.equal(followUp.content, 'Psst');
      const patch = await discord.waitForRequest(
        (r) => r.route === 'PATCH /webhooks/:webhook/:token/messages/:message',
      );
      assert.equal(patch.params['message'], '@original');
      const post = await discord.waitForRequest((r) => r.route === 'POST /webhooks/:webhook/:token');
      assert.equal(post.query.get('wait'), 'true');
    }));

  it('given a second reply to the same interaction, then Discord’s 40060 is answered', () =>
    withBot(async (discord, client, guild) => {
      const received = nextCommand(client);
      const sent = discord.sendCommand({ guildId: guild.id, user: 'bob', name: 'ping' });
      await (await received).reply('pong');
      const response = await fetch(`${discord.apiUrl}/v10/interactions/${sent.id}/${sent.token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 4, data: { content: 'again' } }),
      });
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as { code: number }).code, 40060);
    }));

  it('given a non-ephemeral reply, then the channel sees the bot’s MESSAGE_CREATE', () =>
    withBot(async (discord, client, guild) => {
      const received = nextCommand(client);
      discord.sendCommand({ guildId: guild.id, user: 'bob', name: 'ping' });
      const [message] = await Promise.all([
        nextEvent<[Message]>(client, 'messageCreate'),
        (await received).reply('pong'),
      ]);
      assert.equal(message[0].content, 'pong');
      assert.equal(message[0].author.id, discord.bot.id);
    }));
});
