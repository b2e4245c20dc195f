import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GetMemberVoiceChannelQuery, IsVoiceChannelQuery } from './voice-states.queries';
import { VoiceStates } from './voice-states';

@QueryHandler(GetMemberVoiceChannelQuery)
export class GetMemberVoiceChannelHandler implements IQueryHandler<GetMemberVoiceChannelQuery> {
  constructor(private readonly voiceStates: VoiceStates) {}

  execute({ guildId, userId }: GetMemberVoiceChannelQuery): Promise<string | null | undefined> {
    return Promise.resolve(this.voiceStates.channelOf(guildId, userId));
  }
}

@QueryHandler(IsVoiceChannelQuery)
export class IsVoiceChannelHandler implements IQueryHandler<IsVoiceChannelQuery> {
  constructor(private readonly voiceStates: VoiceStates) {}

  execute({ guildId, channelId }: IsVoiceChannelQuery): Promise<boolean | undefined> {
    return Promise.resolve(this.voiceStates.isVoiceChannel(guildId, channelId));
  }
}
