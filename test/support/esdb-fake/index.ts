export { startFakeEsdb, systemEvent, type FakeEsdbOptions, type FakeEsdbServer } from './fake-esdb-server';
export type { FakeLog, StoredEvent } from './fake-log';
