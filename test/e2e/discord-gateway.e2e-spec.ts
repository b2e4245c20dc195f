import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BOT_INTENTS } from '#bot/gateway/necord-options';
import { startFakeDiscord, type FakeDiscord } from '#test/support/discord/index';
import { startBotTestApp, type BotTestApp } from '#test/support/discord-bot';

describe('the Discord door logs in to Discord', () => {
  let discord: FakeDiscord;
  let guildhall: BotTestApp;

  before(async () => {
    discord = await startFakeDiscord();
    discord.addGuild({ name: 'Tavern', memberCount: 120 });
    guildhall = await startBotTestApp(discord);
  });
  after(async () => {
    await guildhall?.close();
    await discord?.stop();
  });

  it('given DISCORD_TOKEN and DISCORD_API_URL, when Guildhall starts, then it identifies with the documented intents on every shard', async () => {
    const identify = await discord.gatewayPayloads.waitFor((p) => p.op === 2);
    const expected = BOT_INTENTS.reduce((bits, intent) => bits | intent, 0);
    assert.equal((identify.d as { intents: number }).intents, expected);
    assert.deepEqual(
      (identify.d as { shard?: number[] }).shard,
      [0, 1],
      'one shard: Discord recommends one here',
    );
  });

  it('given a guild on the gateway, then the client Guildhall runs has it', () => {
    assert.deepEqual(
      guildhall.client.guilds.cache.map((g) => [g.name, g.memberCount]),
      [['Tavern', 120]],
    );
  });
});
