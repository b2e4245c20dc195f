import { Module } from '@nestjs/common';
import { ActivityListener } from './activity/activity.listener';
import { GatewayCommands } from './gateway-commands';
import { GuildListener } from './guild.listener';
import { MemberListener } from './member.listener';
import { OnlineCountRecorder } from './presence/online-count-recorder';
import { PresenceListener } from './presence/presence.listener';
import { VoiceStateListener } from './voice-state.listener';

/** Gateway events become commands on the bus (guilds, members, activity) or live views (presences, voice). */
@Module({
  providers: [
    GatewayCommands,
    OnlineCountRecorder,
    GuildListener,
    MemberListener,
    PresenceListener,
    ActivityListener,
    VoiceStateListener,
  ],
})
export class ListenersModule {}
