import {
  playerDecider,
  playerStreamId,
  type Decider,
  type PlayerCommand,
  type PlayerEvent,
  type PlayerState,
} from '#domain';
import type { EventStore } from '#eventstore';
import type { CommandContext } from '../command-handling/command-context';
import type { CommandResult } from '../command-handling/command-result';
import { decideAndAppend } from '../command-handling/decide-and-append';

/** The handler shell for every player command: `player-{guildId}`, the player decider, optimistic append. */
export function decidePlayer(
  store: EventStore,
  command: PlayerCommand,
  context: CommandContext,
  decider: Decider<PlayerState, PlayerCommand, PlayerEvent> = playerDecider,
): Promise<CommandResult> {
  return decideAndAppend(store, decider, playerStreamId(command.guildId), command, context);
}
