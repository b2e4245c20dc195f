import { DomainError } from '../shared/domain-error';
import type {
  ClearQueue,
  EnqueueTracks,
  MoveTrack,
  RemoveTrack,
  SetFairShare,
  SetLoopMode,
  ShuffleQueue,
} from './player.commands';
import type { PlayerEvent } from './player.events';
import { assertOneOf, invalid, knownTrackIds, normalizeTrack } from './player.rules';
import type { PlayerState } from './player.state';
import { LOOP_MODES, PLAYER_LIMITS, QUEUE_PLACEMENTS, type Track } from './player.track';

function queuedIndex(state: PlayerState, trackId: unknown): number {
  const index = state.queue.findIndex((t) => t.trackId === trackId);
  if (index < 0) {
    throw new DomainError(
      'not_found',
      'track_not_queued',
      `track ${String(trackId)} is not in the queue`,
      'trackId',
    );
  }
  return index;
}

export function enqueue(command: EnqueueTracks, state: PlayerState): PlayerEvent[] {
  const placement = assertOneOf(command.placement, QUEUE_PLACEMENTS, 'placement');
  if (!Array.isArray(command.tracks) || command.tracks.length === 0) {
    throw invalid('no_tracks', 'tracks must hold at least one track', 'tracks');
  }
  const tracks: Track[] = command.tracks.map((t, i) => normalizeTrack(t, `tracks[${i}]`));
  const seen = knownTrackIds(state);
  for (const { trackId } of tracks) {
    if (seen.has(trackId)) {
      throw new DomainError(
        'conflict',
        'duplicate_track_id',
        `track id ${trackId} is already used`,
        'tracks',
      );
    }
    seen.add(trackId);
  }
  const { maxQueueLength } = PLAYER_LIMITS;
  if (state.queue.length + tracks.length > maxQueueLength) {
    throw invalid('queue_full', `the queue holds at most ${maxQueueLength} tracks`, 'tracks');
  }
  return [{ type: 'TracksQueued', data: { guildId: command.guildId, tracks, placement } }];
}

export function remove(command: RemoveTrack, state: PlayerState): PlayerEvent[] {
  queuedIndex(state, command.trackId);
  return [{ type: 'TrackRemoved', data: { guildId: command.guildId, trackId: command.trackId } }];
}

export function move(command: MoveTrack, state: PlayerState): PlayerEvent[] {
  const fromIndex = queuedIndex(state, command.trackId);
  const { toIndex } = command;
  const last = state.queue.length - 1;
  if (typeof toIndex !== 'number' || !Number.isInteger(toIndex) || toIndex < 0 || toIndex > last) {
    throw invalid('invalid_index', `toIndex must be a queue position from 0 to ${last}`, 'toIndex');
  }
  if (toIndex === fromIndex) return [];
  return [
    { type: 'TrackMoved', data: { guildId: command.guildId, trackId: command.trackId, fromIndex, toIndex } },
  ];
}

export function shuffle(command: ShuffleQueue, state: PlayerState): PlayerEvent[] {
  const order = command.order;
  const queued = new Set(state.queue.map((t) => t.trackId));
  const permutation =
    Array.isArray(order) &&
    order.length === queued.size &&
    new Set(order).size === order.length &&
    order.every((id) => queued.has(id));
  if (!permutation) throw invalid('invalid_order', 'order must list every queued track id once', 'order');
  if (order.every((id, i) => state.queue[i].trackId === id)) return [];
  return [{ type: 'QueueShuffled', data: { guildId: command.guildId, order: [...order] } }];
}

export function clear(command: ClearQueue, state: PlayerState): PlayerEvent[] {
  if (state.queue.length === 0) return [];
  const clearedTrackIds = state.queue.map((t) => t.trackId);
  return [{ type: 'QueueCleared', data: { guildId: command.guildId, clearedTrackIds } }];
}

export function setLoop(command: SetLoopMode, state: PlayerState): PlayerEvent[] {
  const mode = assertOneOf(command.mode, LOOP_MODES, 'mode');
  if (mode === state.loop) return [];
  return [{ type: 'LoopModeChanged', data: { guildId: command.guildId, mode } }];
}

export function setFairShare(command: SetFairShare, state: PlayerState): PlayerEvent[] {
  if (typeof command.enabled !== 'boolean') {
    throw invalid('invalid_enabled', 'enabled must be true or false', 'enabled');
  }
  if (command.enabled === state.fairShare) return [];
  return [{ type: 'FairShareChanged', data: { guildId: command.guildId, enabled: command.enabled } }];
}
