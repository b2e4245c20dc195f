import type { TimeoutReason } from './moderation.events';

/** Record that the word filter matched `term` in a message (the message itself is not kept). */
export interface FilterMessage {
  readonly type: 'FilterMessage';
  readonly guildId: string;
  readonly channelId: string;
  readonly messageId: string;
  readonly userId: string;
  readonly term: string;
}

/** Time a member out for `durationSeconds`, because `messages` came within `windowSeconds`. */
export interface TimeOutMember {
  readonly type: 'TimeOutMember';
  readonly guildId: string;
  readonly channelId: string;
  readonly userId: string;
  readonly reason: TimeoutReason;
  readonly durationSeconds: number;
  readonly messages: number;
  readonly windowSeconds: number;
}

export type ModerationCommand = FilterMessage | TimeOutMember;
