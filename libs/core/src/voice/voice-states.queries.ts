import { Query } from '@nestjs/cqrs';

/** The voice channel a member is in: its id, `null` when in none, `undefined` when this process cannot know. */
export class GetMemberVoiceChannelQuery extends Query<string | null | undefined> {
  constructor(
    readonly guildId: string,
    readonly userId: string,
  ) {
    super();
  }
}

/** Whether a channel is a voice channel of the guild; `undefined` when this process cannot know. */
export class IsVoiceChannelQuery extends Query<boolean | undefined> {
  constructor(
    readonly guildId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
