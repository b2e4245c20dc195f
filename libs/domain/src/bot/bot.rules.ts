import { assertPlainText } from '../shared/plain-text';
import { DomainError } from '../shared/domain-error';
import type { BotMeta } from './bot.events';

/** Limits the domain enforces on a bot's profile, reviews and samples; exported for the doors' docs. */
export const BOT_LIMITS = {
  nameMaxLength: 32,
  prefixMaxLength: 32,
  maxTags: 10,
  tagMaxLength: 30,
  shortDescriptionMaxLength: 200,
  inviteUrlMaxLength: 512,
  reviewTextMaxLength: 2_000,
  /** A latency above a minute is a broken probe, not a slow bot. */
  latencyMaxMs: 60_000,
} as const;

const L = BOT_LIMITS;
const INVITE_HOSTS = new Set(['discord.com', 'www.discord.com', 'discordapp.com', 'www.discordapp.com']);
const INVITE_PATH = /^\/(api\/(v\d+\/)?)?oauth2\/authorize\/?$/;

const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, field);

const length = (text: string): number => [...text].length;

export function normalizeBotName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || length(value.trim()) > L.nameMaxLength) {
    throw invalid('invalid_name', `name must be 1–${L.nameMaxLength} characters`, 'name');
  }
  assertPlainText(value, 'name');
  return value.trim();
}

export function normalizeBotPrefix(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '' || length(value) > L.prefixMaxLength) {
    throw invalid('invalid_prefix', `prefix must be 1–${L.prefixMaxLength} characters, or null`, 'prefix');
  }
  assertPlainText(value, 'prefix');
  return value;
}

/** Trimmed, lowercased and de-duplicated (first kept): tags are matched case-insensitively by search. */
export function normalizeTags(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid('invalid_tags', 'tags must be a list of strings', 'tags');
  const tags = new Set<string>();
  for (const raw of value) {
    const tag = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (tag === '' || length(tag) > L.tagMaxLength) {
      throw invalid('invalid_tag', `each tag must be 1–${L.tagMaxLength} characters`, 'tags');
    }
    assertPlainText(tag, 'tags');
    tags.add(tag);
  }
  if (tags.size > L.maxTags) throw invalid('too_many_tags', `a bot has at most ${L.maxTags} tags`, 'tags');
  return [...tags];
}

/** Trimmed; empty means none. */
export function normalizeShortDescription(value: unknown): string {
  if (typeof value !== 'string' || length(value.trim()) > L.shortDescriptionMaxLength) {
    throw invalid(
      'invalid_short_description',
      `the short description must be at most ${L.shortDescriptionMaxLength} characters`,
      'shortDescription',
    );
  }
  assertPlainText(value, 'shortDescription', { multiline: true });
  return value.trim();
}

/**
 * Only a Discord OAuth2 authorize URL over https whose `client_id` is this bot: a directory listing
 * must never send users to another bot, or to a look-alike phishing page. Null clears it.
 */
export function normalizeInviteUrl(value: unknown, botId: string): string | null {
  if (value === null) return null;
  const refuse = () =>
    invalid(
      'invalid_invite_url',
      `the invite URL must be an https://discord.com/oauth2/authorize URL with client_id=${botId}`,
      'inviteUrl',
    );
  if (typeof value !== 'string' || value.length > L.inviteUrlMaxLength) throw refuse();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse();
  }
  const ok =
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    INVITE_HOSTS.has(url.hostname) &&
    INVITE_PATH.test(url.pathname) &&
    url.searchParams.get('client_id') === botId;
  if (!ok) throw refuse();
  return url.toString();
}

/** Validates each present field of a metadata change and returns it in stored form. */
export function normalizeMetaChanges(changes: Partial<BotMeta>, botId: string): Partial<BotMeta> {
  const input = changes ?? {};
  const out: { -readonly [K in keyof BotMeta]?: BotMeta[K] } = {};
  if (input.tags !== undefined) out.tags = normalizeTags(input.tags);
  if (input.shortDescription !== undefined) {
    out.shortDescription = normalizeShortDescription(input.shortDescription);
  }
  if (input.inviteUrl !== undefined) out.inviteUrl = normalizeInviteUrl(input.inviteUrl, botId);
  return out;
}

export function assertGuildCount(value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(
      'invalid_guild_count',
      'the guild count must be a whole number of at least 0',
      'guildCount',
    );
  }
}

export function assertRating(value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw invalid('invalid_rating', 'rating must be a whole number from 1 to 5', 'rating');
  }
}

/** Trimmed; blank or absent means a rating without text. */
export function normalizeReviewText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || length(value.trim()) > L.reviewTextMaxLength) {
    throw invalid('invalid_text', `text must be at most ${L.reviewTextMaxLength} characters`, 'text');
  }
  assertPlainText(value, 'text', { multiline: true });
  return value.trim() === '' ? null : value.trim();
}

export function assertLatency(value: unknown): asserts value is number | null {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > L.latencyMaxMs) {
    throw invalid('invalid_latency', `the latency must be 0–${L.latencyMaxMs} ms, or null`, 'latencyMs');
  }
}

export function assertSampledAt(value: unknown): asserts value is string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw invalid('invalid_sampled_at', 'the sample time must be an ISO 8601 time', 'sampledAt');
  }
}

/** Lists compared in order: tag order is how the page shows them. */
export const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);
