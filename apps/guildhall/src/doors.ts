import type { GuildhallConfig } from '#config';

/** The doors one process opens onto the shared core. */
export interface Doors {
  readonly http: boolean;
  readonly discord: boolean;
}

/**
 * Embedded default: every door that is configured. HTTP unless `HTTP_DOOR=off`; Discord when
 * `DISCORD_TOKEN` is set (the gateway) or the voice worker runs here (`PLAYER_WORKER`).
 */
export function doorsFor(config: GuildhallConfig): Doors {
  return { http: config.httpDoor, discord: Boolean(config.discord) || config.playerWorker };
}
