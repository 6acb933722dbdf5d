import { stream } from '../../src/domain/events/primitives';
import { at, idOf, type TestLedger } from '../projections/ledger';

export const ana = idOf(1);
export const ben = idOf(2);
export const cy = idOf(3);
export const dee = idOf(4);
export const mona = idOf(9);
export const clients = [0, 1, 2, 3, 4, 5].map((n) => idOf(100 + n));
const names = ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo', 'Foxtrot'];

/**
 * Enough rows for every paged list to span pages: Ana owns three clients
 * (one quiet, one never touched), Ben one that others know better, two sit
 * in the pool, three handovers wait with expiries out of request order.
 */
export const writeListScenario = async (ledger: TestLedger): Promise<void> => {
  await ledger.join([
    [ana, 'Ana', 'salesperson'],
    [ben, 'Ben', 'salesperson'],
    [cy, 'Cy', 'salesperson'],
    [dee, 'Dee', 'salesperson'],
    [mona, 'Mona', 'manager'],
  ]);
  for (const [index, clientId] of clients.entries()) {
    await ledger.write(stream.client(clientId), 'ClientRegistered', {
      clientId,
      name: names[index]!,
      source: 'sales',
      occurredAt: at(index / 10),
    });
  }
  const owners = [ana, ana, ana, ben] as const;
  for (const [index, ownerId] of owners.entries()) {
    await ledger.write(
      stream.client(clients[index]!),
      'OwnershipAssigned',
      {
        clientId: clients[index]!,
        ownerId,
        previousOwnerId: null,
        assignedBy: mona,
        reason: 'assignment',
        occurredAt: at(1 + index),
      },
      { actorId: mona },
    );
  }
  const visits: [number, string, number][] = [
    [0, ana, 90],
    [0, ana, 95],
    [1, ana, 10],
    [3, ben, 50],
    [3, ana, 30],
    [3, cy, 80],
    [3, dee, 85],
    [3, dee, 86],
  ];
  for (const [index, [client, personId, day]] of visits.entries()) {
    await ledger.write(
      stream.client(clients[client]!),
      'VisitLogged',
      {
        clientId: clients[client]!,
        interactionId: idOf(300 + index),
        participants: [personId],
        clientInitiated: false,
        occurredAt: at(day),
      },
      { actorId: personId },
    );
  }
  const handovers: [number, number, number][] = [
    [0, 70, 110],
    [1, 80, 90],
    [3, 75, 120],
  ];
  for (const [index, [client, requested, expires]] of handovers.entries()) {
    const fromOwnerId = owners[client]!;
    await ledger.write(stream.handover(idOf(400 + index)), 'HandoverRequested', {
      handoverId: idOf(400 + index),
      clientId: clients[client]!,
      fromOwnerId,
      toOwnerId: fromOwnerId === ana ? cy : dee,
      requestedBy: mona,
      reason: 'rebalancing',
      expiresAt: at(expires),
      occurredAt: at(requested),
    });
  }
};
