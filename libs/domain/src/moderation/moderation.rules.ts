import { DomainError } from '../shared/domain-error';
import { assertPlainText } from '../shared/plain-text';
import { GUILD_LIMITS } from '../guild/guild.rules';
import { TIMEOUT_REASONS, type TimeoutReason } from './moderation.events';

/** Limits on what auto-moderation records; Discord caps a timeout at 28 days. */
export const MODERATION_LIMITS = {
  maxTimeoutSeconds: 28 * 24 * 60 * 60,
  maxSpamMessages: 1_000,
  maxSpamWindowSeconds: 3_600,
} as const;

const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, field);

/** A term as the guild's word list holds it: 1–50 characters of plain text. */
export function assertTerm(term: unknown): asserts term is string {
  if (typeof term !== 'string' || term.trim().length === 0 || term.length > GUILD_LIMITS.wordMaxLength) {
    throw invalid('invalid_term', `term must be 1–${GUILD_LIMITS.wordMaxLength} characters`, 'term');
  }
  assertPlainText(term, 'term');
}

export function assertReason(reason: unknown): asserts reason is TimeoutReason {
  if (!(TIMEOUT_REASONS as readonly unknown[]).includes(reason)) {
    throw invalid('invalid_reason', `reason must be one of ${TIMEOUT_REASONS.join(', ')}`, 'reason');
  }
}

export function assertWholeNumber(value: unknown, field: string, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(
      `invalid_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
      `${field} must be an integer from ${min} to ${max}`,
      field,
    );
  }
}
