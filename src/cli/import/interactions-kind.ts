import { z } from 'zod';
import type { Command } from '../../domain/commands';
import { contactChannelSchema } from '../../domain/events/primitives';
import { deterministicUlid } from './deterministic-ids';
import { flag, instant, list, optional, required, text } from './fields';
import { resolveOpenClient, resolvePeople } from './participants';
import { type ImportKind, invalid, type RowVerdict } from './plan-types';

const interactionType = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.union([contactChannelSchema, z.literal('visit')], {
    error: 'expected call, email, message, meeting or visit',
  }),
);

const schema = z.object({
  client: text(200),
  type: interactionType,
  occurred_at: required(instant),
  participants: list(z.string().min(1).max(200), 20).refine((items) => items.length > 0, {
    message: 'names nobody of our company',
  }),
  client_initiated: flag,
  summary: optional(text(4000)),
  location: optional(text(200)),
  contacts: optional(list(text(200), 50)),
  interaction_id: optional(text(200)),
});

export type InteractionRow = z.infer<typeof schema>;

/**
 * Historical contacts and visits, with their original dates: these commands
 * run as an authorised historical import, the one exception to the age limit.
 * The interaction id derives from `interaction_id` (the source system's id)
 * when given, else from the whole row, so a re-import records nothing new.
 * They run with no actor: an import records other people's history, and the
 * participants are as the file gives them.
 */
export const interactionsKind: ImportKind<InteractionRow> = {
  name: 'interactions',
  requiredColumns: ['client', 'type', 'occurred_at', 'participants'],
  optionalColumns: [
    'client_initiated',
    'summary',
    'location',
    'contacts',
    'interaction_id',
  ],
  schema,
  repeatingColumns: ['client', 'type', 'participants', 'client_initiated'],
  createPlanner: ({ index, now, settings }) => {
    const seen = new Map<string, number>();
    const latest = now.getTime() + settings.clockSkewSeconds * 1000;
    return (row, line): RowVerdict => {
      const resolved = resolveOpenClient(index, row.client);
      if (!resolved.ok) return invalid(line, 'client', resolved.reason);
      const { client } = resolved;
      if (Date.parse(row.occurred_at) > latest) {
        return invalid(line, 'occurred_at', `${row.occurred_at} is in the future`);
      }
      const people = resolvePeople(index, row.participants);
      if (!people.ok) return invalid(line, 'participants', people.reason);

      // The source system's id when given, else every field of the row, in a fixed order.
      const identity =
        row.interaction_id ??
        [
          client.id,
          row.type,
          row.occurred_at,
          people.ids.join(','),
          row.client_initiated,
          row.summary ?? '',
          row.location ?? '',
          (row.contacts ?? []).join(','),
        ].join('\u001f');
      const interactionId = deterministicUlid('interaction', identity);
      const first = seen.get(interactionId);
      if (first !== undefined)
        return invalid(line, undefined, `duplicate of line ${first}`);
      seen.set(interactionId, line);
      if (index.interactions.has(interactionId)) return { kind: 'present', line };

      const command = interactionCommand(row, client.id, interactionId, people.ids);
      // Derived from the interaction id, itself derived from the row: stable across imports.
      const commandId = `import-interaction-${interactionId}`;
      return {
        kind: 'planned',
        row: {
          line,
          key: client.id,
          wave: 0,
          commands: [{ command, commandId, actor: null }],
        },
      };
    };
  },
};

/**
 * The command of one row, its optional fields set only when given. Built
 * field by field rather than by spreading: this runs for every row of files
 * of hundreds of thousands of rows.
 */
const interactionCommand = (
  row: InteractionRow,
  clientId: string,
  interactionId: string,
  participants: string[],
): Command => {
  if (row.type === 'visit') {
    const visit: Mutable<Extract<Command, { type: 'LogVisit' }>> = {
      type: 'LogVisit',
      clientId,
      interactionId,
      participants,
      clientInitiated: row.client_initiated,
      occurredAt: row.occurred_at,
    };
    if (row.summary !== undefined) visit.summary = row.summary;
    if (row.location !== undefined) visit.location = row.location;
    if (row.contacts !== undefined) visit.attendees = row.contacts;
    return visit;
  }
  const contact: Mutable<Extract<Command, { type: 'LogContact' }>> = {
    type: 'LogContact',
    clientId,
    interactionId,
    participants,
    clientInitiated: row.client_initiated,
    occurredAt: row.occurred_at,
    channel: row.type,
  };
  if (row.summary !== undefined) contact.summary = row.summary;
  if (row.contacts !== undefined) contact.clientContacts = row.contacts;
  return contact;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
