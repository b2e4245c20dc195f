import type { DecisionContext } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertSnowflake } from '../guild/guild.rules';
import type { RecordBotReview, SampleBotStatus } from './bot.commands';
import type { BotEvent } from './bot.events';
import { assertLatency, assertRating, assertSampledAt, normalizeReviewText } from './bot.rules';
import { requireApproved, requireRegistered, type BotState } from './bot.state';

// Deciding reviews and health samples: the bot decider's two commands with the most rules of their own.

/** How far ahead of the decision a sample may be dated: a clock a little fast is fine, a year is a bug. */
const SAMPLE_CLOCK_SKEW_MS = 60_000;

/** What decides whether a user's new review differs from the one recorded. */
export const reviewFingerprint = (rating: number, text: string | null) => JSON.stringify([rating, text]);

export function review(command: RecordBotReview, state: BotState): BotEvent[] {
  assertSnowflake(command.userId, 'userId');
  assertRating(command.rating);
  const text = normalizeReviewText(command.text);
  const bot = requireApproved(state, command.botId);
  if (bot.reviews.get(command.userId) === reviewFingerprint(command.rating, text)) return [];
  const { botId, userId, rating } = command;
  return [{ type: 'BotReviewRecorded', data: { botId, userId, rating, text } }];
}

export function sample(command: SampleBotStatus, state: BotState, context: DecisionContext): BotEvent[] {
  const sampledAt = command.sampledAt ?? context.now;
  assertSampledAt(sampledAt);
  assertLatency(command.latencyMs);
  const invalid = (code: string, message: string, field: string) =>
    new DomainError('invalid', code, message, field);
  if (typeof command.online !== 'boolean')
    throw invalid('invalid_online', 'online must be true or false', 'online');
  const commandsOk = command.commandsOk ?? command.online;
  if (typeof commandsOk !== 'boolean') {
    throw invalid('invalid_commands_ok', 'commands OK must be true or false', 'commandsOk');
  }
  if (!command.online && (commandsOk || command.latencyMs !== null)) {
    throw invalid('offline_sample', 'an offline bot has no latency and answers no command', 'online');
  }
  const at = Date.parse(sampledAt);
  if (at > Date.parse(context.now) + SAMPLE_CLOCK_SKEW_MS) {
    throw invalid('sample_in_future', 'the sample time is in the future', 'sampledAt');
  }
  const bot = requireRegistered(state, command.botId);
  // Samples arrive in time order; a repeated or late one is dropped so a retried report counts once.
  if (bot.lastSampledAt !== null && at <= Date.parse(bot.lastSampledAt)) return [];
  const data = {
    botId: command.botId,
    sampledAt: new Date(at).toISOString(),
    latencyMs: command.latencyMs,
    online: command.online,
    commandsOk,
  };
  return [{ type: 'BotStatusSampled', data }];
}
