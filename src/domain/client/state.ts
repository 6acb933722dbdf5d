import type { InteractionIds } from './interaction-ids';

/**
 * A client as command handling sees it: enough to enforce the rules, no more.
 * Read models hold the rest. Maps are plain records, replaced on change, so
 * a state is never mutated once built; the interaction ids, which grow with
 * the client's whole history, are a set whose versions share storage.
 */

export interface QuoteState {
  readonly status: 'open' | 'accepted' | 'lost';
  readonly issuedBy: string;
  readonly amount: number;
  readonly currency: string;
}

export interface DisputeState {
  readonly claimantId: string;
  readonly status: 'open' | 'resolved';
}

export interface LastRelease {
  readonly previousOwnerId: string;
  readonly at: string;
}

export interface RegisteredClient {
  readonly status: 'active' | 'archived' | 'merged';
  readonly clientId: string;
  readonly name: string;
  /** `null`: the client is in the pool. */
  readonly ownerId: string | null;
  readonly locked: boolean;
  readonly survivorId: string | null;
  /** The latest release to the pool, for the claim-back cooldown. */
  readonly lastRelease: LastRelease | null;
  readonly quotes: Readonly<Record<string, QuoteState>>;
  readonly disputes: Readonly<Record<string, DisputeState>>;
  readonly interactions: InteractionIds;
}

export type ClientState = { readonly status: 'unregistered' } | RegisteredClient;

export const initialClientState: ClientState = { status: 'unregistered' };
