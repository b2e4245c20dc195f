import { Injectable } from '@nestjs/common';
import { Context, On, type ContextOf } from 'necord';
import { OnlineCountRecorder } from './online-count-recorder';

/** PRESENCE_UPDATE, the firehose: only the live count in memory moves; samples are recorded on a timer. */
@Injectable()
export class PresenceListener {
  constructor(private readonly online: OnlineCountRecorder) {}

  @On('presenceUpdate')
  onPresenceUpdate(@Context() [, presence]: ContextOf<'presenceUpdate'>): void {
    if (!presence.guild) return;
    this.online.sampler.update(presence.guild.id, presence.userId, presence.status !== 'offline');
  }
}
