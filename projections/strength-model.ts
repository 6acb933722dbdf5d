import type { LedgerEvent } from '../src/domain/events/catalogue';
import type { StrengthModel } from '../src/domain/settings';
import { instantMs } from './definition';

/**
 * The relationship-strength arithmetic of the product brief, pure:
 * `S(t) = sum of w_i * 2^(-(t - t_i) / H)` over interactions with `t_i <= t`,
 * `score = round(100 * (1 - exp(-S / scale)))`.
 */

export const dayMs = 86_400_000;

export type Band = 'strong' | 'moderate' | 'weak' | 'none';

/** One person's share of an interaction: who, how much, when it happened. */
export interface Contribution {
  readonly personId: string;
  readonly weight: number;
  readonly at: number;
}

const reciprocal = (weight: number, clientInitiated: boolean, model: StrengthModel) =>
  clientInitiated ? weight * model.reciprocity : weight;

const shared = (participants: readonly string[], weight: number, at: number) =>
  [...new Set(participants)].map((personId) => ({ personId, weight, at }));

/** What an event adds to which relationships; empty for events that add nothing. */
export const contributionsOf = (
  event: LedgerEvent,
  model: StrengthModel,
): readonly Contribution[] => {
  switch (event.type) {
    case 'ContactLogged': {
      const weight = reciprocal(
        model.weights[event.data.channel],
        event.data.clientInitiated,
        model,
      );
      return shared(event.data.participants, weight, instantMs(event.data.occurredAt));
    }
    case 'VisitLogged': {
      const weight = reciprocal(model.weights.visit, event.data.clientInitiated, model);
      return shared(event.data.participants, weight, instantMs(event.data.occurredAt));
    }
    case 'QuoteIssued':
      return shared(
        [event.data.issuedBy],
        model.weights.quoteIssued,
        instantMs(event.data.occurredAt),
      );
    case 'QuoteAccepted':
      return shared(
        [event.data.issuedBy],
        model.weights.quoteAccepted,
        instantMs(event.data.occurredAt),
      );
    default:
      return [];
  }
};

/** `2^(-elapsed / H)` for an elapsed time in milliseconds. */
export const decay = (elapsedMs: number, model: StrengthModel): number =>
  2 ** (-elapsedMs / (model.halfLifeDays * dayMs));

export const scoreOf = (strength: number, model: StrengthModel): number =>
  Math.round(100 * (1 - Math.exp(-strength / model.scale)));

export const bandOf = (score: number, model: StrengthModel): Band => {
  if (score >= model.bands.strong) return 'strong';
  if (score >= model.bands.moderate) return 'moderate';
  if (score >= 1) return 'weak';
  return 'none';
};
