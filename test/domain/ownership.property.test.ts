import fc from 'fast-check';
import type { Command } from '../../src/domain/commands/commands';
import type { ClientEvent } from '../../src/domain/events';
import { CustodyError } from '../../src/errors';
import { clientId, clientSpec, registered } from './client-fixtures';
import { decisionContext, type PersonName, people } from './decider-spec';

/**
 * Any sequence of ownership commands, by anyone, leaves the client with at
 * most one owner, and every change starts from the owner the history says
 * it had: claims only from the pool, releases only of owned, unlocked
 * clients, assignments naming the owner they replace.
 */

const step = fc.record({
  actor: fc.constantFrom<PersonName>('alice', 'bob', 'carol', 'dave'),
  kind: fc.constantFrom('claim', 'release', 'assign', 'lock', 'unlock'),
  target: fc.constantFrom<PersonName>('alice', 'bob', 'erin'),
});

const commandOf = (kind: string, target: PersonName): Command => {
  switch (kind) {
    case 'claim':
      return { type: 'ClaimClient', clientId };
    case 'release':
      return { type: 'ReleaseClient', clientId };
    case 'assign':
      return { type: 'AssignOwner', clientId, ownerId: people[target].id };
    case 'lock':
      return { type: 'LockClient', clientId, reason: 'key account' };
    default:
      return { type: 'UnlockClient', clientId };
  }
};

/** The decision, or none when a rule refuses it. */
const decide = (history: ClientEvent[], command: Command, actor: PersonName) => {
  try {
    return clientSpec
      .given(...history)
      .when(command, decisionContext({ actor }))
      .events();
  } catch (error) {
    if (error instanceof CustodyError) return [];
    throw error;
  }
};

it('never gives a client two owners; every change starts from the current owner', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const history: ClientEvent[] = [registered()];
      let owner: string | null = null;
      let locked = false;
      for (const { actor, kind, target } of steps) {
        for (const event of decide(history, commandOf(kind, target), actor)) {
          switch (event.type) {
            case 'ClientClaimed':
              expect(owner).toBeNull();
              owner = event.data.ownerId;
              break;
            case 'OwnershipAssigned':
              expect(event.data.previousOwnerId).toBe(owner);
              expect(event.data.ownerId).not.toBe(owner);
              owner = event.data.ownerId;
              break;
            case 'ClientReleasedToPool':
              expect(event.data.previousOwnerId).toBe(owner);
              expect(locked).toBe(false);
              owner = null;
              break;
            case 'ClientLocked':
            case 'ClientUnlocked':
              locked = event.type === 'ClientLocked';
              break;
            default:
              throw new Error(`unexpected ${event.type}`);
          }
          expect(owner === null || owner !== people.erin.id).toBe(true);
          history.push(event);
        }
      }
    }),
  );
});
