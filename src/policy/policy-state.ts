import type { ReadModels } from '../projections/read-models';
import type { PolicyState } from './due-actions';

/** The policy's view of the read models the projection engine keeps. */
export const policyStateOf = (
  models: Pick<ReadModels, 'neglect' | 'handovers'>,
): PolicyState => ({
  clients: models.neglect(),
  handovers: models.handovers(),
});
