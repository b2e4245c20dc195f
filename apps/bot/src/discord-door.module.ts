import { Module } from '@nestjs/common';
import { PlayerWorkerModule } from './voice/player-worker.module';

/**
 * The Discord door, over the buses of the core (CoreModule) that the composition root provides.
 * Today it holds the voice player worker (`voice/`), which plays only where `PLAYER_WORKER` says;
 * the gateway listeners and the slash and prefix commands join it in `listeners/` and `commands/`.
 */
@Module({
  imports: [PlayerWorkerModule.forRoot()],
})
export class DiscordDoorModule {}
