import type { GuildhallConfig } from '#config';

/** The doors one process opens onto the shared core. */
export interface Doors {
  readonly http: boolean;
  readonly discord: boolean;
}

/**
 * Embedded default: every door that is configured. HTTP unless `HTTP_DOOR=off`; Discord where the
 * voice worker runs (`PLAYER_WORKER`, on by default when `DISCORD_TOKEN` is set).
 */
export function doorsFor(config: GuildhallConfig): Doors {
  return { http: config.httpDoor, discord: config.playerWorker };
}
