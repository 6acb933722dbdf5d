import type { HandoverRecord, NeglectRecord } from '../../projections';
import { neglectProjection } from '../../projections/neglect';
import type { EntitySource, ReadModels } from '../projections/read-models';
import type { PolicyState } from './due-actions';

/** The policy's view of the read models the projection engine keeps. */
export const policyStateOf = (source: EntitySource): PolicyState => ({
  clients: source.entities<NeglectRecord>(neglectProjection.name).values(),
  handovers: source.entities<HandoverRecord>('handovers').values(),
});

/**
 * The entity source behind a ReadModels, for the query route: ReadModels has
 * no accessor for the neglect read model yet, so this reads the source it
 * wraps. Replace with a `neglect()` accessor on ReadModels when it gets one.
 */
export const entitySourceOf = (models: ReadModels): EntitySource =>
  (models as unknown as { readonly source: EntitySource }).source;
