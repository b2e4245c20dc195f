import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { SampleOnlineCountCommand } from '#core';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { GatewayCommands, gatewayContext } from '../gateway-commands';
import { OnlineSampler } from './online-sampler';

/** Checks at least this often whether a sample is due, so a sample is never much later than its interval. */
const MAX_TICK_MS = 5_000;

/**
 * Holds the live online count of every guild on this process's shards and records the due samples
 * (`DISCORD_PRESENCE_SAMPLE_MS`) on a timer, one command per guild whose count moved; the changed
 * counts are recorded once more on shutdown.
 */
@Injectable()
export class OnlineCountRecorder implements OnModuleInit, OnApplicationShutdown {
  readonly sampler: OnlineSampler;
  private readonly tickMs: number;
  private timer: NodeJS.Timeout | undefined;
  private recording: Promise<void> | undefined;

  constructor(
    @Inject(GUILDHALL_CONFIG) config: GuildhallConfig,
    private readonly commands: GatewayCommands,
  ) {
    const intervalMs = config.discord?.presenceSampleMs ?? 300_000;
    this.sampler = new OnlineSampler(intervalMs);
    this.tickMs = Math.min(intervalMs, MAX_TICK_MS);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.recordDue(false), this.tickMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.recording;
    await this.recordDue(true);
  }

  private async recordDue(force: boolean): Promise<void> {
    if (this.recording) return;
    this.recording = (async () => {
      for (const { guildId, onlineCount } of this.sampler.takeDue(Date.now(), force)) {
        const command = new SampleOnlineCountCommand(guildId, onlineCount, gatewayContext());
        await this.commands.run(command, `online count of guild ${guildId}`);
      }
    })();
    try {
      await this.recording;
    } finally {
      this.recording = undefined;
    }
  }
}
