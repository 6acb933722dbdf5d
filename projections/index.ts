import type { StrengthModel } from '../src/domain/settings';
import { activityProjection } from './activity';
import { clientDirectoryProjection } from './client-directory';
import type { ProjectionDefinition } from './definition';
import { handoversProjection } from './handovers';
import { neglectProjection } from './neglect';
import { ownershipHistoryProjection } from './ownership-history';
import { peopleProjection } from './people';
import { quotesProjection } from './quotes';
import { relationshipStrengthProjection } from './relationship-strength';

export * from './activity';
export * from './client-directory';
export * from './definition';
export * from './handovers';
export * from './neglect';
export * from './ownership-history';
export * from './people';
export * from './quotes';
export * from './relationship-strength';
export * from './strength-model';

/** Every projection Custody runs, for the given strength model. */
export const allProjections = (
  model: StrengthModel,
): readonly ProjectionDefinition<unknown>[] =>
  [
    peopleProjection,
    clientDirectoryProjection,
    ownershipHistoryProjection,
    relationshipStrengthProjection(model),
    quotesProjection,
    handoversProjection,
    activityProjection,
    neglectProjection,
  ] as readonly ProjectionDefinition<unknown>[];
