export { startFakeEsdb, systemEvent, type FakeEsdbOptions, type FakeEsdbServer } from './fake-esdb-server';
export type { StoredEvent } from './fake-log';
