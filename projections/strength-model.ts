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

/** One interaction's weight, shared by each person named (duplicates possible). */
export interface Interaction {
  readonly people: readonly string[];
  readonly weight: number;
  readonly at: number;
}

/** What an event adds, and to whom; `undefined` for events that add nothing. */
export const contributionOf = (
  event: LedgerEvent,
  model: StrengthModel,
): Interaction | undefined => {
  switch (event.type) {
    case 'ContactLogged':
      return {
        people: event.data.participants,
        weight: reciprocal(
          model.weights[event.data.channel],
          event.data.clientInitiated,
          model,
        ),
        at: instantMs(event.data.occurredAt),
      };
    case 'VisitLogged':
      return {
        people: event.data.participants,
        weight: reciprocal(model.weights.visit, event.data.clientInitiated, model),
        at: instantMs(event.data.occurredAt),
      };
    case 'QuoteIssued':
      return {
        people: [event.data.issuedBy],
        weight: model.weights.quoteIssued,
        at: instantMs(event.data.occurredAt),
      };
    case 'QuoteAccepted':
      return {
        people: [event.data.issuedBy],
        weight: model.weights.quoteAccepted,
        at: instantMs(event.data.occurredAt),
      };
    default:
      return undefined;
  }
};

/** What an event adds to which relationships, one entry per person; empty for none. */
export const contributionsOf = (
  event: LedgerEvent,
  model: StrengthModel,
): readonly Contribution[] => {
  const interaction = contributionOf(event, model);
  if (!interaction) return [];
  const { weight, at } = interaction;
  return [...new Set(interaction.people)].map((personId) => ({ personId, weight, at }));
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
