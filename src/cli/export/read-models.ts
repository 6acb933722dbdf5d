import type { StrengthModel } from '../../domain/settings';
import { ownershipChanges } from '../../projections/queries/audit';
import { toClientView } from '../../projections/queries/client-directory';
import { toCsv } from '../../projections/queries/csv';
import { accountsAtRisk, keyPersonReport } from '../../projections/queries/dashboards';
import { ownershipIntervals } from '../../projections/queries/ownership-history';
import { pendingHandovers, poolClients } from '../../projections/queries/pool';
import { activityReport } from '../../projections/queries/portfolio';
import { clientRelationships } from '../../projections/queries/relationships';
import type { ReadModels } from '../../projections/read-models';

type Row = Readonly<Record<string, unknown>>;

export interface ReadModelExport {
  readonly description: string;
  rows(models: ReadModels, at: number, model: StrengthModel): Row[];
}

const sortedClients = (models: ReadModels) =>
  [...models.clients().values()].sort((a, b) => a.name.localeCompare(b.name));

/** The read models `custody export <name>` writes, one row per line of CSV. */
export const readModelExports: Readonly<Record<string, ReadModelExport>> = {
  clients: {
    description: 'the client directory with current owners',
    rows: (models) =>
      sortedClients(models).map((client) => ({ ...toClientView(client, models) })),
  },
  'ownership-history': {
    description: 'who owned each client when, as intervals',
    rows: (models) =>
      sortedClients(models).flatMap((client) =>
        ownershipIntervals(models, client.clientId).map((interval) => ({
          clientId: client.clientId,
          clientName: client.name,
          ...interval,
        })),
      ),
  },
  'ownership-changes': {
    description: 'every ownership change with actor, approver and reason',
    rows: (models) => ownershipChanges(models).map((entry) => ({ ...entry })),
  },
  strength: {
    description: 'relationship strength of every person with every client',
    rows: (models, at, model) =>
      sortedClients(models).flatMap((client) => {
        const relationships = clientRelationships(models, client.clientId, at, model);
        return relationships.people.map((person) => ({
          clientId: client.clientId,
          clientName: client.name,
          ownerId: relationships.ownerId,
          isOwner: person.personId === relationships.ownerId,
          ...person,
        }));
      }),
  },
  'at-risk': {
    description: 'owned accounts at risk (no owner interaction, weak owner relationship)',
    rows: (models, at, model) =>
      accountsAtRisk(models, { at }, model).map((row) => ({ ...row })),
  },
  'key-person': {
    description: 'clients whose relationship rests on one person',
    rows: (models, at, model) =>
      keyPersonReport(models, at, model).keyPersonRisk.map((row) => ({ ...row })),
  },
  pool: {
    description: 'clients nobody owns',
    rows: (models) => poolClients(models).map((row) => ({ ...row })),
  },
  handovers: {
    description: 'pending handovers',
    rows: (models, at) => pendingHandovers(models, at).map((row) => ({ ...row })),
  },
  activity: {
    description: 'interactions, quotes and results per person over the whole history',
    rows: (models, at) =>
      activityReport(models, { from: 0, to: at }).map((row) => ({ ...row })),
  },
};

const cellOf = (value: unknown) =>
  value === null || value === undefined || typeof value !== 'object'
    ? (value as string | number | boolean | null | undefined)
    : JSON.stringify(value);

/** CSV with the columns of the first row; nested values as JSON text. */
export const rowsToCsv = (
  rows: readonly Row[],
  fallbackColumns: readonly string[] = [],
) => {
  const columns = rows[0] === undefined ? fallbackColumns : Object.keys(rows[0]);
  return toCsv(
    columns,
    rows.map((row) => columns.map((column) => cellOf(row[column]))),
  );
};
