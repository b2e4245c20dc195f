/**
 * Which fields of which events hold a person's data, and whose. The event store encrypts each such
 * field with a key of its own per person (crypto-shredding): forgetting that key erases the field from
 * every copy of the event at once, history and backups included. docs/PERSONAL-DATA.md explains
 * what is listed here and what is not, and why.
 */
export interface PersonalDataRule {
  readonly eventType: string;
  /** The person the fields belong to, read from the event's data; null when there is none. */
  readonly subjectOf: (data: unknown) => string | null;
  /** Paths inside `data` of string fields (a missing or null field is left alone). */
  readonly paths: readonly (readonly string[])[];
}

/** What a reader sees in place of a personal field once its person's key is forgotten. */
export const ERASED_PERSONAL_DATA = '[erased]';

const field = (name: string) => (data: unknown) => {
  const value = (data as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' ? value : null;
};

export const PERSONAL_DATA_RULES: readonly PersonalDataRule[] = [
  // The Discord tag of a user (what Hush's `GET /v1/users/{id}` shows).
  { eventType: 'UserProfileRecorded', subjectOf: field('userId'), paths: [['username']] },
  { eventType: 'UserProfileUpdated', subjectOf: field('userId'), paths: [['changes', 'username']] },
  // Free text a user wrote about a bot.
  { eventType: 'BotReviewRecorded', subjectOf: field('userId'), paths: [['text']] },
  // A note the key's owner may write; free text, so it may name them.
  { eventType: 'ApiKeyIssued', subjectOf: field('ownerId'), paths: [['label']] },
];
