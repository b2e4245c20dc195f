import { integerVar, readEnv, type EnvValues } from './env-values';

/** The rules auto-moderation enforces where a guild turned it on (its settings say where, these say how). */
export interface AutoModConfig {
  /** Spam protection trips on this many messages from one member… */
  readonly spamMessages: number;
  /** …within this many seconds. */
  readonly spamWindowSeconds: number;
  /** How long a spammer is timed out (Discord allows up to 28 days). */
  readonly timeoutSeconds: number;
}

export const AUTOMOD_ENV = {
  AUTOMOD_SPAM_MESSAGES: integerVar(5, 2, 1_000),
  AUTOMOD_SPAM_WINDOW_SECONDS: integerVar(5, 1, 3_600),
  AUTOMOD_TIMEOUT_SECONDS: integerVar(600, 1, 28 * 24 * 60 * 60),
};

export const autoModConfigOf = (values: EnvValues<typeof AUTOMOD_ENV>): AutoModConfig => ({
  spamMessages: values.AUTOMOD_SPAM_MESSAGES,
  spamWindowSeconds: values.AUTOMOD_SPAM_WINDOW_SECONDS,
  timeoutSeconds: values.AUTOMOD_TIMEOUT_SECONDS,
});

/** `AUTOMOD_SPAM_MESSAGES` (5), `AUTOMOD_SPAM_WINDOW_SECONDS` (5), `AUTOMOD_TIMEOUT_SECONDS` (600). */
export function loadAutoModConfig(env: NodeJS.ProcessEnv = process.env): AutoModConfig {
  return autoModConfigOf(readEnv(env, AUTOMOD_ENV));
}
