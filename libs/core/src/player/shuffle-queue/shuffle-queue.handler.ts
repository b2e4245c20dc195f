import { randomInt } from 'node:crypto';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { playerDecider, type Decider, type PlayerCommand, type PlayerEvent, type PlayerState } from '#domain';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { ShuffleQueueCommand } from './shuffle-queue.command';

/** Draws an integer in [0, max): injectable so tests can fix the shuffle. */
export const SHUFFLE_RANDOM = Symbol('SHUFFLE_RANDOM');
export type RandomInt = (max: number) => number;

/** Fisher–Yates over the queued ids. */
export function shuffledIds(ids: readonly string[], random: RandomInt): string[] {
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

@CommandHandler(ShuffleQueueCommand)
export class ShuffleQueueHandler implements ICommandHandler<ShuffleQueueCommand> {
  private readonly random: RandomInt;

  constructor(
    private readonly store: EventStore,
    @Optional() @Inject(SHUFFLE_RANDOM) random?: RandomInt,
  ) {
    this.random = random ?? randomInt;
  }

  execute({ guildId, context }: ShuffleQueueCommand) {
    // The order is drawn against the very state the decider sees (and drawn again on a retry), while
    // deciding itself stays pure: the permutation reaches it as an argument.
    const shuffling: Decider<PlayerState, PlayerCommand, PlayerEvent> = {
      ...playerDecider,
      decide: (command, state, ctx) =>
        playerDecider.decide(
          {
            ...command,
            order: shuffledIds(
              state.queue.map((t) => t.trackId),
              this.random,
            ),
          } as PlayerCommand,
          state,
          ctx,
        ),
    };
    return decidePlayer(this.store, { type: 'ShuffleQueue', guildId, order: [] }, context, shuffling);
  }
}
