import type { DueClient, DueExpiry } from './due-actions';
import type { PolicyReport } from './run-policy';

/** A person's name, when the read models know it. */
export type NameOf = (personId: string) => string | null;

const plural = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? '' : 's'}`;

const personLabel = (nameOf: NameOf, personId: string): string => {
  const name = nameOf(personId);
  return name === null ? personId : `${name} (${personId})`;
};

const clientLine = (nameOf: NameOf, client: DueClient): string =>
  `  ${client.clientId}  ${client.name}  owner ${personLabel(nameOf, client.ownerId)}  ` +
  `${client.reason} since ${client.since}, due ${client.dueAt}\n`;

const expiryLine = (expiry: DueExpiry): string =>
  `  handover ${expiry.handoverId}  client ${expiry.clientId}  ` +
  `expired ${expiry.expiresAt}\n`;

/** "released 2 clients:", with the colon only when lines follow. */
const heading = (verb: string, count: number, noun: string, after = ''): string =>
  `${verb} ${plural(count, noun)}${after}${count > 0 ? ':' : ''}\n`;

/** One run as the operator reads it: what was done (or would be), warned, skipped. */
export const renderPolicyReport = (report: PolicyReport, nameOf: NameOf): string => {
  const { released, expired, warnings, repeated, skipped, dryRun } = report;
  const lines = [
    `pool policy at ${report.at}${dryRun ? ' (dry run: nothing written)' : ''}\n`,
    heading(dryRun ? 'would release' : 'released', released.length, 'client'),
    ...released.map((client) => clientLine(nameOf, client)),
    heading(dryRun ? 'would expire' : 'expired', expired.length, 'handover'),
    ...expired.map(expiryLine),
    heading('would warn the owners of', warnings.length, 'client', ' due for release'),
    ...warnings.map((client) => clientLine(nameOf, client)),
  ];
  if (repeated.length > 0)
    lines.push(`${plural(repeated.length, 'action')} recorded by an earlier run\n`);
  if (skipped.length > 0)
    lines.push(
      heading(
        'skipped',
        skipped.length,
        'action',
        ' (the ledger moved on; next run decides)',
      ),
      ...skipped.map(
        (skip) => `  ${skip.kind} ${skip.id}: ${skip.code} ${skip.message}\n`,
      ),
    );
  return lines.join('');
};
