import type { DomainEvent } from '../shared/decider';
import type { ApiKeyTier } from '../apikey/apikey.rules';
import type { DeveloperBadge } from './developer.rules';

/** What BotNexus's `GET /v1/developers/{username}/status` reports about a developer. */
export interface DeveloperStatus {
  /** The developer's Discord account, when known. */
  readonly userId: string | null;
  readonly verified: boolean;
  /** The badge shown beside the name; only a verified developer has one. */
  readonly badge: DeveloperBadge | null;
  /** The API access tier, in the rate-limit tiers' vocabulary. */
  readonly apiTier: ApiKeyTier;
}

export type DeveloperRegistered = DomainEvent<
  'DeveloperRegistered',
  { readonly username: string } & DeveloperStatus
>;
/** Only the fields that changed. */
export type DeveloperStatusChanged = DomainEvent<
  'DeveloperStatusChanged',
  { readonly username: string; readonly changes: Partial<DeveloperStatus> }
>;

export type DeveloperEvent = DeveloperRegistered | DeveloperStatusChanged;

export const DEVELOPER_EVENT_TYPES = [
  'DeveloperRegistered',
  'DeveloperStatusChanged',
] as const satisfies readonly DeveloperEvent['type'][];

/** Registers a developer or brings their status up to date; idempotent. */
export interface RegisterDeveloper {
  readonly type: 'RegisterDeveloper';
  readonly username: string;
  readonly userId?: string | null;
  readonly verified: boolean;
  readonly badge?: string | null;
  /** Defaults to `free`. */
  readonly apiTier?: string;
}

export type DeveloperCommand = RegisterDeveloper;

export const developerStreamId = (username: string): string => `developer-${username}`;
