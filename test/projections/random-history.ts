import fc from 'fast-check';
import { stream } from '../../src/domain/events/primitives';
import { at, idOf, type TestLedger } from './ledger';

/** One step of a random history; the interpreter turns it into valid events. */
export interface Step {
  readonly kind: number;
  readonly client: number;
  readonly person: number;
  readonly other: number;
  readonly day: number;
  readonly late: number;
  readonly flag: boolean;
}

export const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  kind: fc.integer({ min: 0, max: 9 }),
  client: fc.nat(3),
  person: fc.nat(2),
  other: fc.nat(2),
  day: fc.integer({ min: 1, max: 200 }),
  late: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
  flag: fc.boolean(),
});

type Write = (ledger: TestLedger) => Promise<unknown>;

/**
 * Turns steps into writes that respect the ledger's rules (one owner, claims
 * from the pool only...), skipping steps that would break them. Interactions
 * get random occurredAt days and late recordings, so arrive out of order.
 */
export const interpret = (steps: readonly Step[]): Write[] => {
  const people = [idOf(1), idOf(2), idOf(3)];
  const owner = new Map<string, string | null>();
  const openQuotes = new Map<string, string[]>();
  const writes: Write[] = [];
  let counter = 1_000;
  people.forEach((personId, index) => {
    writes.push((ledger) =>
      ledger.write(stream.person(personId), 'PersonJoined', {
        personId,
        name: `Person ${index}`,
        email: `p${index}@example.com`,
        role: 'salesperson',
        occurredAt: at(0),
      }),
    );
  });
  for (const step of steps) {
    const clientId = idOf(100 + step.client);
    const s = stream.client(clientId);
    const person = people[step.person]!;
    const other = people[step.other]!;
    const when = at(step.day);
    const recordedAt = at(step.day + step.late);
    counter += 1;
    const id = idOf(counter);
    if (!owner.has(clientId)) {
      owner.set(clientId, null);
      writes.push((l) =>
        l.write(s, 'ClientRegistered', {
          clientId,
          name: `Client ${step.client}`,
          source: 'sales',
          occurredAt: at(0),
        }),
      );
    }
    const held = owner.get(clientId) ?? null;
    switch (step.kind) {
      case 0:
      case 1:
        if (held === person) break;
        owner.set(clientId, person);
        writes.push((l) =>
          l.write(
            s,
            'OwnershipAssigned',
            {
              clientId,
              ownerId: person,
              previousOwnerId: held,
              assignedBy: other,
              reason: 'assignment',
              occurredAt: when,
            },
            { actorId: other, recordedAt },
          ),
        );
        break;
      case 2:
        if (held === null || held === other) break;
        owner.set(clientId, other);
        writes.push((l) =>
          l.write(s, 'OwnershipTransferred', {
            clientId,
            fromOwnerId: held,
            toOwnerId: other,
            reason: 'handover',
            approvedBy: person,
            occurredAt: when,
          }),
        );
        break;
      case 3:
        if (held === null) break;
        owner.set(clientId, null);
        writes.push((l) =>
          l.write(s, 'ClientReleasedToPool', {
            clientId,
            previousOwnerId: held,
            reason: 'owner-released',
            occurredAt: when,
          }),
        );
        break;
      case 4:
        if (held !== null) break;
        owner.set(clientId, person);
        writes.push((l) =>
          l.write(s, 'ClientClaimed', { clientId, ownerId: person, occurredAt: when }),
        );
        break;
      case 5:
      case 6:
        writes.push((l) =>
          l.write(
            s,
            'ContactLogged',
            {
              clientId,
              interactionId: id,
              channel: step.flag ? 'call' : 'email',
              participants: step.person === step.other ? [person] : [person, other],
              clientInitiated: step.flag,
              occurredAt: when,
            },
            { actorId: person, recordedAt },
          ),
        );
        break;
      case 7:
        writes.push((l) =>
          l.write(
            s,
            'VisitLogged',
            {
              clientId,
              interactionId: id,
              participants: [person],
              clientInitiated: step.flag,
              occurredAt: when,
            },
            { recordedAt },
          ),
        );
        break;
      case 8: {
        const quotes = openQuotes.get(clientId) ?? [];
        openQuotes.set(clientId, quotes);
        const open = quotes.shift();
        if (open === undefined) {
          quotes.push(id);
          writes.push((l) =>
            l.write(s, 'QuoteIssued', {
              clientId,
              quoteId: id,
              issuedBy: person,
              amount: step.day * 100,
              currency: 'EUR',
              occurredAt: when,
            }),
          );
        } else {
          writes.push((l) =>
            step.flag
              ? l.write(s, 'QuoteAccepted', {
                  clientId,
                  quoteId: open,
                  issuedBy: person,
                  amount: step.day * 90,
                  currency: 'EUR',
                  occurredAt: when,
                })
              : l.write(s, 'QuoteLost', {
                  clientId,
                  quoteId: open,
                  issuedBy: person,
                  occurredAt: when,
                }),
          );
        }
        break;
      }
      default:
        if (held === null || held === other) break;
        writes.push(async (l) => {
          await l.write(stream.handover(id), 'HandoverRequested', {
            handoverId: id,
            clientId,
            fromOwnerId: held,
            toOwnerId: other,
            requestedBy: held,
            reason: 'Moving on',
            expiresAt: at(step.day + 14),
            occurredAt: when,
          });
          if (step.flag) {
            await l.write(stream.handover(id), 'HandoverRejected', {
              handoverId: id,
              clientId,
              rejectedBy: person,
              reason: 'Not now',
              occurredAt: when,
            });
          }
        });
    }
  }
  return writes;
};
