import type { Band, ClientRecord } from '../../../projections';
import { dayMs } from '../../../projections';
import { isoOf } from '../../../projections/definition';
import type { StrengthModel } from '../../domain/settings';
import type { ReadModels } from '../read-models';
import { compareText } from './compare-text';
import { keyPersonRisk, pairFactsAt, relationshipsOf } from './relationships';

/** Clients that still take part in business: neither archived nor merged away. */
export const isActive = (client: ClientRecord): boolean =>
  client.archivedAt === null && client.mergedInto === null;

export type RiskReason = 'no-owner-interaction' | 'weak-owner-relationship';

export interface AtRiskClient {
  readonly clientId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly ownerName: string | null;
  readonly locked: boolean;
  readonly lastOwnerInteractionAt: string | null;
  readonly ownerScore: number;
  readonly ownerBand: Band;
  readonly reasons: readonly RiskReason[];
}

export interface AtRiskQuery {
  readonly at: number;
  /** No owner interaction for this many days (default 30). */
  readonly days?: number;
  readonly ownerId?: string;
}

/** The owner's standing with one owned client at `at`, and why it is at risk. */
export const ownerStanding = (
  models: ReadModels,
  client: ClientRecord,
  ownerId: string,
  query: AtRiskQuery,
  model: StrengthModel,
): AtRiskClient => {
  const pair = models.strength(client.clientId)?.people[ownerId];
  const facts = pair ? pairFactsAt(pair, query.at, model) : undefined;
  const last = facts?.last ?? null;
  const score = facts?.score ?? 0;
  const band = facts?.band ?? 'none';
  const reasons: RiskReason[] = [];
  const cutoff = query.at - (query.days ?? 30) * dayMs;
  if (last === null || last < cutoff) reasons.push('no-owner-interaction');
  if (band === 'weak' || band === 'none') reasons.push('weak-owner-relationship');
  return {
    clientId: client.clientId,
    name: client.name,
    ownerId,
    ownerName: models.personName(ownerId),
    locked: client.locked,
    lastOwnerInteractionAt: last === null ? null : isoOf(last),
    ownerScore: score,
    ownerBand: band,
    reasons,
  };
};

const ownedActive = (
  client: ClientRecord,
): client is ClientRecord & { ownerId: string } =>
  client.ownerId !== null && isActive(client);

/** Owned clients whose owner has gone quiet or whose owner relationship is weak. */
export const accountsAtRisk = (
  models: ReadModels,
  query: AtRiskQuery,
  model: StrengthModel,
): AtRiskClient[] => {
  const found: AtRiskClient[] = [];
  const candidates =
    query.ownerId === undefined
      ? models.clients().values()
      : models.clientsOwnedBy(query.ownerId);
  for (const client of candidates) {
    if (!ownedActive(client)) continue;
    const standing = ownerStanding(models, client, client.ownerId, query, model);
    if (standing.reasons.length > 0) found.push(standing);
  }
  return found.sort((a, b) => a.ownerScore - b.ownerScore || compareText(a.name, b.name));
};

export interface KeyPersonEntry {
  readonly clientId: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly personId: string | null;
  readonly personName: string | null;
  readonly reason: string | null;
  readonly share: number;
  readonly ownerNotStrongest: boolean;
}

export interface KeyPersonReport {
  readonly at: string;
  readonly keyPersonRisk: readonly KeyPersonEntry[];
  /** Owned clients whose strongest relationship is not with the owner. */
  readonly ownerNotStrongest: readonly KeyPersonEntry[];
}

/** Where the company's relationship with a client rests on one person. */
export const keyPersonReport = (
  models: ReadModels,
  at: number,
  model: StrengthModel,
): KeyPersonReport => {
  const risky: KeyPersonEntry[] = [];
  const notStrongest: KeyPersonEntry[] = [];
  for (const strength of models.allStrengths()) {
    const client = models.client(strength.clientId);
    if (!client || !isActive(client)) continue;
    const people = relationshipsOf(strength, at, model, models);
    const risk = keyPersonRisk(people, model);
    const strongest = people[0];
    const ownerStrength =
      people.find((p) => p.personId === client.ownerId)?.strength ?? 0;
    const ownerNotStrongest =
      client.ownerId !== null &&
      strongest !== undefined &&
      strongest.strength > ownerStrength;
    const entry: KeyPersonEntry = {
      clientId: client.clientId,
      name: client.name,
      ownerId: client.ownerId,
      personId: risk.personId,
      personName: models.personName(risk.personId),
      reason: risk.reason,
      share: risk.share,
      ownerNotStrongest,
    };
    if (risk.atRisk) risky.push(entry);
    if (ownerNotStrongest && strongest) {
      notStrongest.push({
        ...entry,
        personId: strongest.personId,
        personName: strongest.personName,
        share: strongest.strength / people.reduce((sum, p) => sum + p.strength, 0),
      });
    }
  }
  const byShare = (a: KeyPersonEntry, b: KeyPersonEntry) =>
    b.share - a.share || compareText(a.clientId, b.clientId);
  return {
    at: isoOf(at),
    keyPersonRisk: risky.sort(byShare),
    ownerNotStrongest: notStrongest.sort(byShare),
  };
};
