import { DomainError } from '../shared/domain-error';
import type { BotDetails, BotMeta } from './bot.events';

/**
 * A bot folded from its stream. Reviews and commands are kept as fingerprints: deciding only needs to
 * know whether a new one differs, and the read model holds the rest.
 */
export type BotState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly botId: string;
      readonly details: BotDetails;
      readonly meta: BotMeta;
      readonly approved: boolean;
      readonly guildCount: number | null;
      readonly commands: string | null;
      readonly reviews: ReadonlyMap<string, string>;
      readonly lastSampledAt: string | null;
    };

export type RegisteredBot = Extract<BotState, { status: 'registered' }>;

export function requireRegistered(state: BotState, botId: string): RegisteredBot {
  if (state.status === 'unregistered') {
    throw new DomainError('not_found', 'bot_not_found', `bot ${botId} not found`);
  }
  return state;
}

/** Bots on Discord answers 404 for an unapproved bot: to everyone but its owner it does not exist yet. */
export function requireApproved(state: BotState, botId: string): RegisteredBot {
  const bot = requireRegistered(state, botId);
  if (!bot.approved) throw new DomainError('not_found', 'bot_not_approved', `bot ${botId} is not approved`);
  return bot;
}
