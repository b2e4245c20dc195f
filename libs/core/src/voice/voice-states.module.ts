import { Module } from '@nestjs/common';
import { GetMemberVoiceChannelHandler, IsVoiceChannelHandler } from './voice-states.handlers';
import { VoiceStates } from './voice-states';

/** The live voice view: the Discord door feeds it, every door queries it on the QueryBus. */
@Module({
  providers: [VoiceStates, GetMemberVoiceChannelHandler, IsVoiceChannelHandler],
  exports: [VoiceStates],
})
export class VoiceStatesModule {}
