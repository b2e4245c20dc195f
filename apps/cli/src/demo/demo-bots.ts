import {
  ApproveBotCommand,
  RecordBotReviewCommand,
  RegisterBotCommand,
  RegisterDeveloperCommand,
  ReportGuildCountCommand,
  SampleBotStatusCommand,
  type CommandContext,
  type CommandResult,
  type UsageRecordingCommandBus,
} from '#core';
import type { BotMeta } from '#domain';

interface DemoBot {
  readonly seed: 'botnexus' | 'botsondiscord';
  readonly botId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly prefix: string;
  readonly meta: BotMeta;
  readonly guildCount: number;
  /** Reviewers (user ids) and their ratings. */
  readonly reviews: readonly (readonly [string, number])[];
  /** Fixed times in the past, so a second run finds every sample already recorded. */
  readonly samples: readonly { sampledAt: string; latencyMs: number | null; online: boolean }[];
}

const invite = (botId: string) => `https://discord.com/oauth2/authorize?client_id=${botId}&scope=bot`;

/** The seeds' bots: BotNexus's 847291032847 (owned by the demo key's 5647382910) and Bots on Discord's. */
export const DEMO_BOTS: readonly DemoBot[] = [
  {
    seed: 'botnexus',
    botId: '847291032847',
    name: 'NexusMetrics',
    ownerId: '5647382910',
    prefix: 'n!',
    meta: {
      tags: ['analytics', 'monitoring'],
      shortDescription: 'Real-time server metrics',
      inviteUrl: invite('847291032847'),
    },
    guildCount: 1284,
    reviews: [],
    samples: [
      { sampledAt: '2025-06-01T00:00:00.000Z', latencyMs: 42, online: true },
      { sampledAt: '2025-06-01T00:05:00.000Z', latencyMs: 48, online: true },
      { sampledAt: '2025-06-01T00:10:00.000Z', latencyMs: 45, online: true },
      { sampledAt: '2025-06-01T00:15:00.000Z', latencyMs: null, online: false },
    ],
  },
  {
    // The seed's review check asks about user 437086154215391233 and answers `exists: true`.
    seed: 'botsondiscord',
    botId: '125367104336691200',
    name: 'AniBot',
    ownerId: '437086154215391233',
    prefix: '!',
    meta: {
      tags: ['anime'],
      shortDescription: 'Anime lookups from AniList',
      inviteUrl: invite('125367104336691200'),
    },
    guildCount: 54783,
    reviews: [['437086154215391233', 5]],
    samples: [],
  },
];

/** BotNexus's cURL sample asks for developer `arcdev`. */
export const DEMO_DEVELOPERS = [
  {
    username: 'arcdev',
    verified: true,
    badge: 'verified_developer',
    apiTier: 'premium',
    userId: '5647382910',
  },
] as const;

/** Registers, approves and fills the demo bots and developers; returns the events written (0 on a rerun). */
export async function loadDemoBots(
  commandBus: UsageRecordingCommandBus,
  context: CommandContext,
): Promise<number> {
  let written = 0;
  const run = async (command: object) =>
    (written += ((await commandBus.execute(command as never)) as CommandResult).eventTypes.length);
  for (const bot of DEMO_BOTS) {
    const { botId, name, ownerId, prefix, meta } = bot;
    await run(new RegisterBotCommand(botId, { name, ownerId, prefix, meta }, context));
    await run(new ApproveBotCommand(botId, context));
    await run(new ReportGuildCountCommand(botId, bot.guildCount, context));
    for (const [userId, rating] of bot.reviews) {
      await run(new RecordBotReviewCommand(botId, userId, rating, 'Finds every anime I ask for', context));
    }
    for (const sample of bot.samples) await run(new SampleBotStatusCommand(botId, sample, context));
    console.log(`${bot.seed.padEnd(14)} bot ${botId} "${name}"`);
  }
  for (const { username, ...status } of DEMO_DEVELOPERS) {
    await run(new RegisterDeveloperCommand(username, status, context));
    console.log(`${'botnexus'.padEnd(14)} developer ${username}`);
  }
  return written;
}
