import { evolvePlayer, initialPlayerState, type PlayerEvent, type PlayerState } from '#domain';
import { playerProjection } from '../player/player.projection';
import type { StreamFold } from './as-of';

/** The `player` read model's fold (the decider's own `evolvePlayer`), over one player stream. */
export const playerAsOfFold: StreamFold<PlayerState & { readonly updatedAt: string | null }> = {
  name: playerProjection.name,
  version: playerProjection.version,
  initial: () => ({ ...initialPlayerState(), updatedAt: null }),
  evolve: (state, event) => ({
    ...evolvePlayer(state, event as unknown as PlayerEvent),
    updatedAt: event.metadata.occurredAt,
  }),
};
