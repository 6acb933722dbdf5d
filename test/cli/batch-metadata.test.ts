import { BatchMetadata } from '../../src/cli/import/batch-metadata';
import { metadataFor } from '../../src/commands/event-metadata';
import type { CommandContext } from '../../src/domain/commands';
import type { EventType } from '../../src/domain/events';

const owner = { personId: '01HZX3Q4Y8N6V2K9R5T7W1M3PB', role: 'salesperson' } as const;

const context = (
  commandId: string,
  at: string,
  actor: CommandContext['actor'],
): CommandContext => ({
  actor,
  commandId,
  source: 'import',
  now: new Date(at),
  historicalImport: true,
});

describe('batch metadata', () => {
  it('equals the command bus’s metadata however type, actor and clock change', () => {
    const metadata = new BatchMetadata();
    const steps: [CommandContext, EventType][] = [
      [context('c-1', '2025-01-01T00:00:00.000Z', null), 'ContactLogged'],
      [context('c-2', '2025-01-01T00:00:00.000Z', null), 'ContactLogged'],
      [context('c-3', '2025-01-01T00:00:00.000Z', null), 'VisitLogged'],
      [context('c-4', '2025-01-01T00:00:00.001Z', null), 'VisitLogged'],
      [context('c-5', '2025-01-01T00:00:00.001Z', owner), 'VisitLogged'],
      // An equal actor in another object, then the first actor again.
      [context('c-6', '2025-01-01T00:00:00.001Z', { ...owner }), 'VisitLogged'],
      [context('c-7', '2025-01-01T00:00:00.001Z', null), 'VisitLogged'],
      [context('c-8', '2025-01-01T00:00:00.000Z', null), 'ContactLogged'],
    ];
    for (const [given, type] of steps) {
      expect(metadata.of(given, type)).toEqual(metadataFor(given, type));
    }
  });

  it('gives every event its own metadata object', () => {
    const metadata = new BatchMetadata();
    const first = metadata.of(
      context('c-1', '2025-01-01T00:00:00.000Z', null),
      'QuoteIssued',
    );
    const second = metadata.of(
      context('c-2', '2025-01-01T00:00:00.000Z', null),
      'QuoteIssued',
    );
    expect(first).not.toBe(second);
    expect(first.commandId).toBe('c-1');
    expect(second.causationId).toBe('c-2');
  });
});
