import { z } from 'zod';
import type { Command } from '../../domain/commands';
import { normaliseClientName } from './client-names';
import { canonicalJson, deterministicUlid } from './deterministic-ids';
import { instant, optional, text } from './fields';
import {
  type ImportKind,
  invalid,
  type PlannedCommand,
  type RowVerdict,
} from './plan-types';

const schema = z.object({
  name: text(200),
  external_id: optional(text(200)),
  industry: optional(text(200)),
  region: optional(text(200)),
  address: optional(text(4000)),
  owner: optional(z.string().trim()),
  registered_at: optional(instant),
});

export type ClientRow = z.infer<typeof schema>;

/**
 * Clients with their current owner. A row names a client already in the
 * ledger (or earlier in the file) when its external id or its normalised name
 * matches; such a row is reported as a duplicate rather than registered twice.
 * The client id derives from the external id, or from the normalised name.
 */
export const clientsKind: ImportKind<ClientRow> = {
  name: 'clients',
  requiredColumns: ['name'],
  optionalColumns: [
    'external_id',
    'industry',
    'region',
    'address',
    'owner',
    'registered_at',
  ],
  schema,
  createPlanner: ({ index, settings }) => {
    const byName = new Map<string, number>();
    const byExternalId = new Map<string, number>();
    const holdings = new Map<string, number>();
    return (row, line): RowVerdict => {
      const normalisedName = normaliseClientName(row.name);
      const identity =
        row.external_id === undefined
          ? `name:${normalisedName}`
          : `external:${row.external_id}`;
      const clientId = deterministicUlid('client', identity);

      // 1. Duplicates within the file, then against the ledger.
      const earlier =
        (row.external_id === undefined ? undefined : byExternalId.get(row.external_id)) ??
        byName.get(normalisedName);
      if (earlier !== undefined) {
        return invalid(line, 'name', `same client as line ${earlier}`);
      }
      byName.set(normalisedName, line);
      if (row.external_id !== undefined) byExternalId.set(row.external_id, line);
      const existing =
        (row.external_id === undefined
          ? undefined
          : index.clientsByExternalId.get(row.external_id)) ??
        index.clientsByName.get(normalisedName);
      if (existing?.id === clientId) return { kind: 'present', line };
      if (existing !== undefined) {
        return invalid(
          line,
          existing.externalId === row.external_id ? 'external_id' : 'name',
          `duplicate of client ${existing.id} (${existing.name}) already in the ledger`,
        );
      }

      // 2. The owner must be a person of the ledger who has not left, within the cap.
      let ownerId: string | undefined;
      if (row.owner !== undefined) {
        const owner = index.person(row.owner);
        if (owner === undefined) return invalid(line, 'owner', `no person ${row.owner}`);
        if (owner.departed) return invalid(line, 'owner', `${row.owner} has left`);
        if (owner.role !== 'salesperson') {
          return invalid(
            line,
            'owner',
            `${row.owner} is a ${owner.role}; only salespeople own clients`,
          );
        }
        const held =
          (holdings.get(owner.id) ?? index.clientsOwnedBy(owner.id).length) + 1;
        if (held > settings.holdingCap) {
          return invalid(
            line,
            'owner',
            `${row.owner} would hold more than ${settings.holdingCap} clients`,
          );
        }
        holdings.set(owner.id, held);
        ownerId = owner.id;
      }

      // 3. One command registers the client and, with an owner, records an
      // OwnershipAssigned whose reason is `import` (the bus sees source import).
      const register: Command = {
        type: 'RegisterClient',
        clientId,
        name: row.name,
        source: 'import',
        ...(row.external_id === undefined ? {} : { externalId: row.external_id }),
        ...(row.industry === undefined ? {} : { industry: row.industry }),
        ...(row.region === undefined ? {} : { region: row.region }),
        ...(row.address === undefined ? {} : { address: row.address }),
        ...(ownerId === undefined ? {} : { ownerId }),
        ...(row.registered_at === undefined ? {} : { occurredAt: row.registered_at }),
      };
      const commandId = deterministicUlid('import', 'clients', canonicalJson(row));
      const commands: PlannedCommand[] = [{ command: register, commandId, actor: null }];
      return { kind: 'planned', row: { line, key: clientId, wave: 0, commands } };
    };
  },
};
