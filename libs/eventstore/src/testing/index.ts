export { eventStoreContract } from './event-store.contract';
export {
  SubscriptionRecorder,
  sleep,
  testEvent,
  uniqueStreamId,
  useStore,
  waitFor,
  type OpenEventStore,
} from './fixtures';
