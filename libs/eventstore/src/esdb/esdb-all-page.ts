import { BACKWARDS, FORWARDS, type EventStoreDBClient, type ReadPosition } from '@eventstore/db-client';
import type { RecordedEvent } from '../envelope';
import { translateError } from './esdb-errors';
import { fromResolved, toPosition } from './esdb-mapping';

/** One page of `$all`: every entry keeps its position, `event` is undefined for system events. */
export type AllPage = { event: RecordedEvent | undefined; position: number }[];

/** Reads one page of `$all`, keeping system events as position-only entries so paging can step past them. */
export async function readAllPage(
  client: EventStoreDBClient,
  from: ReadPosition,
  maxCount: number,
  backwards: boolean,
): Promise<AllPage> {
  try {
    const read = client.readAll({
      fromPosition: from,
      maxCount,
      direction: backwards ? BACKWARDS : FORWARDS,
    });
    const page: AllPage = [];
    for await (const resolved of read) {
      page.push({ event: fromResolved(resolved), position: toPosition(resolved.event?.position?.commit) });
    }
    return page;
  } catch (error) {
    throw translateError(error);
  }
}
