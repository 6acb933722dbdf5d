import { toLedgerEvent } from '../../domain/events';
import type { EventStore } from '../../eventstore/port';
import { auditEntryOf, defaultLateAfterMs } from '../../projections/queries/audit';
import type { Output } from '../output';
import { rowsToCsv } from './read-models';

/**
 * The audit trail of the whole ledger: every Custody event with its stream,
 * actor, source, both instants and whether it was recorded late. Read from
 * the log itself, in global order, and written in chunks so that a large log
 * never sits in memory whole. Token events carry no business facts and are
 * left out.
 */
export const exportAuditTrail = async (
  store: EventStore,
  output: Output,
  format: 'csv' | 'json',
): Promise<number> => {
  let count = 0;
  let chunk: Record<string, unknown>[] = [];
  const write = async (last: boolean) => {
    if (format === 'csv') {
      const csv = rowsToCsv(chunk);
      // The header once, on the first chunk.
      await output.write(
        count === chunk.length ? csv : csv.slice(csv.indexOf('\r\n') + 2),
      );
    } else {
      const lines = chunk.map((row) => JSON.stringify(row));
      const prefix = count === chunk.length ? '[\n' : ',\n';
      await output.write(`${prefix}${lines.join(',\n')}${last ? '\n]\n' : ''}`);
    }
    chunk = [];
  };
  for await (const recorded of store.readAll()) {
    const event = toLedgerEvent(recorded);
    if (event === undefined) continue;
    chunk.push({ stream: event.stream, ...auditEntryOf(event, defaultLateAfterMs) });
    count += 1;
    if (chunk.length === 1000) await write(false);
  }
  if (chunk.length > 0) await write(true);
  else if (format === 'json') await output.write(count === 0 ? '[]\n' : '\n]\n');
  return count;
};
