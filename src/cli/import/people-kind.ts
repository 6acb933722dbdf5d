import { z } from 'zod';
import type { Command } from '../../domain/commands';
import { roleSchema } from '../../domain/events/primitives';
import { canonicalJson, deterministicUlid } from './deterministic-ids';
import { email, instant, optional, text } from './fields';
import { type ImportKind, invalid, type RowVerdict } from './plan-types';

const schema = z.object({
  name: text(200),
  email,
  role: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.enum(roleSchema.options, {
      error: 'expected salesperson, manager, executive, auditor or admin',
    }),
  ),
  external_id: optional(text(200)),
  manager: optional(z.string().trim()),
  joined_at: optional(instant),
});

export type PersonRow = z.infer<typeof schema>;

/**
 * People of our company. The person id derives from the external id when
 * given (it is not stored: PersonJoined has no field for it), else from the
 * email, so a re-import finds the same people. A manager named by email may
 * be in the ledger or earlier or later in the same file.
 */
export const peopleKind: ImportKind<PersonRow> = {
  name: 'people',
  requiredColumns: ['name', 'email', 'role'],
  optionalColumns: ['external_id', 'manager', 'joined_at'],
  schema,
  createPlanner: ({ index }) => {
    const seen = new Map<string, number>();
    const pendingWaves = new Map<string, { id: string; wave: number }>();
    return (row, line): RowVerdict => {
      const first = seen.get(row.email);
      if (first !== undefined) {
        return invalid(line, 'email', `${row.email} is already on line ${first}`);
      }
      seen.set(row.email, line);
      if (index.person(row.email) !== undefined) return { kind: 'present', line };

      let managerId: string | undefined;
      let wave = 0;
      if (row.manager !== undefined) {
        const known = index.person(row.manager);
        const pending = pendingWaves.get(row.manager.toLowerCase());
        if (known === undefined && pending === undefined) {
          return invalid(
            line,
            'manager',
            `no person ${row.manager} in the ledger or earlier in the file`,
          );
        }
        managerId = known?.id ?? pending!.id;
        wave = pending === undefined ? 0 : pending.wave + 1;
      }
      const personId = deterministicUlid(
        'person',
        row.external_id === undefined
          ? `email:${row.email}`
          : `external:${row.external_id}`,
      );
      pendingWaves.set(row.email, { id: personId, wave });
      const command: Command = {
        type: 'AddPerson',
        personId,
        name: row.name,
        email: row.email,
        role: row.role,
        ...(managerId === undefined ? {} : { managerId }),
        ...(row.joined_at === undefined ? {} : { occurredAt: row.joined_at }),
      };
      const commandId = deterministicUlid('import', 'people', canonicalJson(row));
      return {
        kind: 'planned',
        row: {
          line,
          key: personId,
          wave,
          commands: [{ command, commandId, actor: null }],
        },
      };
    };
  },
};
