import { CommandBus } from '@nestjs/cqrs';
import {
  ApproveBotCommand,
  Projections,
  RecordBotReviewCommand,
  RegisterBotCommand,
  RegisterDeveloperCommand,
  systemContext,
  type CommandResult,
} from '#core';
import type { BotMeta } from '#domain';
import type { TestApp } from './test-app';

/** The Bots on Discord seed's bot and the user its review check asks about. */
export const BOD_BOT = '125367104336691200';
export const BOD_REVIEWER = '437086154215391233';
/** BotNexus's sample bot and its owner. */
export const NEXUS_BOT = '847291032847';
export const NEXUS_OWNER = '5647382910';

async function run(t: TestApp, projection: string, command: object): Promise<void> {
  const result: CommandResult = await t.app.get(CommandBus).execute(command as never);
  if (result.position !== undefined) await t.app.get(Projections).waitFor(projection, result.position, 5_000);
}

export interface TestBot {
  readonly ownerId?: string;
  readonly approved?: boolean;
  readonly meta?: Partial<BotMeta>;
}

/** Registers (and by default approves) a bot through the bus, and waits for the bots read model. */
export async function registerBot(t: TestApp, botId: string, bot: TestBot = {}): Promise<void> {
  const context = systemContext('system', 'test');
  const registration = { name: 'AniBot', ownerId: bot.ownerId ?? BOD_REVIEWER, prefix: '!', meta: bot.meta };
  await run(t, 'bots', new RegisterBotCommand(botId, registration, context));
  if (bot.approved ?? true) await run(t, 'bots', new ApproveBotCommand(botId, context));
}

export async function recordReview(t: TestApp, botId: string, userId: string, rating = 5): Promise<void> {
  await run(
    t,
    'bots',
    new RecordBotReviewCommand(botId, userId, rating, 'Great', systemContext('system', 'test')),
  );
}

export async function registerDeveloper(t: TestApp, username: string, verified = true): Promise<void> {
  const status = { verified, badge: verified ? 'verified_developer' : null, apiTier: 'premium' };
  await run(t, 'developers', new RegisterDeveloperCommand(username, status, systemContext('system', 'test')));
}

/** A key that owns exactly one bot, sent bare as Bots on Discord does. */
export async function botKey(t: TestApp, botId: string, ownerId = BOD_REVIEWER): Promise<string> {
  return (await t.issueKey(ownerId, { scopes: [`bot:${botId}`] })).key;
}
