import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeDiscord, type FakeDiscord } from '#test/support/discord/index';
import { startBotTestApp, type BotTestApp } from '#test/support/discord-bot';

describe('Discord commands with DISCORD_DEV_GUILD', () => {
  let discord: FakeDiscord;
  let guildhall: BotTestApp;
  let guildId: string;
  before(async () => {
    discord = await startFakeDiscord();
    guildId = discord.addGuild({ name: 'Workshop' }).id;
    guildhall = await startBotTestApp(discord, { devGuildId: guildId });
  });
  after(async () => {
    await guildhall?.close();
    await discord?.stop();
  });

  it('given a development guild, then the commands are registered there (at once) and not globally', async () => {
    const put = await discord.waitForRequest(
      (r) => r.route === 'PUT /applications/:app/guilds/:guild/commands',
    );
    assert.equal(put.params['guild'], guildId);
    const names = (put.body as unknown as { name: string }[]).map((c) => c.name);
    assert.ok(names.includes('play') && names.includes('genkey') && names.includes('wordfilter'));
    const global = discord.requests.filter((r) => r.route === 'PUT /applications/:app/commands');
    assert.deepEqual(
      global.map((r) => r.body),
      [],
      'no global registration',
    );
  });
});
