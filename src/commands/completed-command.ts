import type { IdPurpose } from '../domain/client/decision-context';
import type { Command } from '../domain/commands/commands';
import { deriveUlid } from './derived-ids';

/** Optional ids of things a command creates, and what each is derived as. */
const createdIds: Partial<Record<Command['type'], readonly [string, IdPurpose]>> = {
  RegisterClient: ['clientId', 'client'],
  LogContact: ['interactionId', 'interaction'],
  LogVisit: ['interactionId', 'interaction'],
  IssueQuote: ['quoteId', 'quote'],
  RaiseDispute: ['disputeId', 'dispute'],
  RequestHandover: ['handoverId', 'handover'],
  AddPerson: ['personId', 'person'],
};

const idFields = [
  'clientId',
  'survivorId',
  'personId',
  'handoverId',
  'quoteId',
  'interactionId',
  'disputeId',
] as const;

/**
 * The command with the id of what it creates filled in (derived from the
 * command id when the caller named none), and the ids the outcome reports.
 */
export const completeCommand = (
  command: Command,
  commandId: string,
): { readonly command: Command; readonly ids: Readonly<Record<string, string>> } => {
  const created = createdIds[command.type];
  const fields = command as unknown as Record<string, unknown>;
  const completed =
    created && fields[created[0]] === undefined
      ? ({ ...command, [created[0]]: deriveUlid(commandId, created[1]) } as Command)
      : command;
  const values = completed as unknown as Record<string, unknown>;
  const ids: Record<string, string> = {};
  for (const field of idFields) {
    const value = values[field];
    if (typeof value === 'string') ids[field] = value;
  }
  return { command: completed, ids };
};
