import { describe } from 'node:test';
import { appendContract } from './contract/append.contract';
import { concurrencyContract } from './contract/concurrency.contract';
import { idempotencyContract } from './contract/idempotency.contract';
import { readContract } from './contract/read.contract';
import { subscribeDeliveryContract } from './contract/subscribe-delivery.contract';
import { subscribeLifecycleContract } from './contract/subscribe-lifecycle.contract';
import { closeContract } from './contract/close.contract';
import { truncateContract } from './contract/truncate.contract';
import type { OpenEventStore } from './fixtures';

/**
 * Registers the behaviour every EventStore adapter must share. `open` is called once per group of tests;
 * each test writes to streams with random names, so the suite also runs against a shared server that
 * already holds events. Positions are only assumed to increase, never to be contiguous. `close()` must be
 * idempotent: the close group closes its store and `dispose` may close it again.
 */
export function eventStoreContract(adapterName: string, open: OpenEventStore): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    appendContract(open);
    idempotencyContract(open);
    readContract(open);
    subscribeDeliveryContract(open);
    subscribeLifecycleContract(open);
    concurrencyContract(open);
    truncateContract(open);
    closeContract(open);
  });
}
