import type { DomainEvent } from '../shared/decider';

/** What the platform knows of a Discord user: the tag it shows and the platform roles it grants. */
export interface UserProfile {
  readonly username: string;
  readonly roles: readonly string[];
}

export type UserProfileRecorded = DomainEvent<
  'UserProfileRecorded',
  { readonly userId: string } & UserProfile
>;
/** Only the fields that changed. */
export type UserProfileUpdated = DomainEvent<
  'UserProfileUpdated',
  { readonly userId: string; readonly changes: Partial<UserProfile> }
>;
/**
 * The user's personal-data key was forgotten: every personal field written before now reads as
 * erased. Carries none of the data, only who and when (read models rewrite what they hold).
 */
export type PersonalDataErased = DomainEvent<
  'PersonalDataErased',
  { readonly userId: string; readonly at: string; readonly keysForgotten: number }
>;

export type UserEvent = UserProfileRecorded | UserProfileUpdated | PersonalDataErased;

export const USER_EVENT_TYPES = [
  'UserProfileRecorded',
  'UserProfileUpdated',
  'PersonalDataErased',
] as const satisfies readonly UserEvent['type'][];

export interface RecordUserProfile {
  readonly type: 'RecordUserProfile';
  readonly userId: string;
  readonly profile: UserProfile;
}

/** Records that a user's personal data was erased; the key is forgotten before, by the handler. */
export interface RecordPersonalDataErasure {
  readonly type: 'RecordPersonalDataErasure';
  readonly userId: string;
  readonly keysForgotten: number;
}

export type UserCommand = RecordUserProfile | RecordPersonalDataErasure;

export const userStreamId = (userId: string): string => `user-${userId}`;
