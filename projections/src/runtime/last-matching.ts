import type { EventStore, SubscriptionFilter } from '#eventstore';
import { NO_CHECKPOINT } from './checkpoint-store';
import { matchesFilter } from './sqlite-projection';

const PAGE = 1_000;

/**
 * The position of the last event after `after` and up to `position` that `filter` admits
 * (NO_CHECKPOINT when none), or `position` itself when that cannot be told from one page of the
 * store or `position` lies past its head: the caller then waits for `position` as such.
 */
export async function lastMatchingUpTo(
  store: EventStore,
  filter: SubscriptionFilter,
  after: number | undefined,
  position: number,
): Promise<number> {
  if (position > (await store.headPosition())) return position;
  const page = await store.readAll({ after, maxCount: PAGE });
  if (page.length === PAGE && page[page.length - 1].position < position) return position;
  let needed = NO_CHECKPOINT;
  for (const event of page) {
    if (event.position > position) break;
    if (matchesFilter(filter, event)) needed = event.position;
  }
  return needed;
}
