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

export type UserEvent = UserProfileRecorded | UserProfileUpdated;

export interface RecordUserProfile {
  readonly type: 'RecordUserProfile';
  readonly userId: string;
  readonly profile: UserProfile;
}

export type UserCommand = RecordUserProfile;

export const userStreamId = (userId: string): string => `user-${userId}`;
