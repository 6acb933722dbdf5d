export { DuplicateEventIdError } from './errors';
export type { GroupCommitStats } from './group-commit';
export { applyMigrations, type Migration, SchemaTooNewError } from './migrations';
export { openSqliteEventStore, type SqliteEventStoreOptions } from './open';
export { eventStoreComponent } from './schema';
export { SqliteEventStore } from './store';
