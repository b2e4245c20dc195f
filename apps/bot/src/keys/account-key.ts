import { IssueApiKeyCommand } from '#core';
import type { CommandContext } from '#core';
import type { DiscordKeyPlan } from './discord-key-plan';

/** What the `h!api-key` prefix command knows about its message. */
export interface AccountKeyInvocation {
  readonly userId: string;
  /** The guild the message was sent in; null in a DM. */
  readonly guildId: string | null;
}

export const ACCOUNT_KEY_LABEL = 'Discord h!api-key';

export const ACCOUNT_KEY_REFUSALS = {
  notInDm:
    'For your safety, API keys are only handed out in private: send `h!api-key` to me in a direct message.',
} as const;

/**
 * `h!api-key` (Hexify): an account key (no guild, free tier) for whoever asks in a DM. Asked in a
 * guild channel it is refused, so a key is never posted where others can read it.
 */
export function planAccountKey(invocation: AccountKeyInvocation, context: CommandContext): DiscordKeyPlan {
  if (invocation.guildId !== null) return { kind: 'refuse', message: ACCOUNT_KEY_REFUSALS.notInDm };
  return {
    kind: 'issue',
    command: new IssueApiKeyCommand(
      invocation.userId,
      { guildId: null, tier: 'free', label: ACCOUNT_KEY_LABEL },
      context,
    ),
  };
}
