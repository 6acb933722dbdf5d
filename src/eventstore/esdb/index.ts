export type { EsdbClient } from './client';
export { EsdbEventStore, type EsdbEventStoreOptions } from './event-store';
export { translateEsdbError } from './translate-error';
