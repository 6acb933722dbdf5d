import {
  authorisationMatrix,
  authorise,
  authoriseHistoricalImport,
  authoriseRole,
  authoriseStanding,
} from '../../src/domain/authorisation';
import type { Actor } from '../../src/domain/client/decision-context';
import { evolveClient } from '../../src/domain/client/evolve';
import { type ClientState, initialClientState } from '../../src/domain/client/state';
import { type Command, commandSchemas } from '../../src/domain/commands/commands';
import type { ClientEvent } from '../../src/domain/events';
import { parseEvent } from '../../src/domain/events';
import { evolveHandover, initialHandoverState } from '../../src/domain/handover/state';
import { aliceOwns, clientId, registered } from './client-fixtures';
import { catchError, daysBefore, type PersonName, people, testId } from './decider-spec';

const actor = (name: PersonName): Actor => ({
  personId: people[name].id,
  role: people[name].role,
});
const fold = (...events: ClientEvent[]): ClientState =>
  events.reduce(evolveClient, initialClientState);
const alicesClient = fold(...aliceOwns);
const refusal = (run: () => void) => catchError(run).code;

const contact = (participants?: string[]): Command => ({
  type: 'LogContact',
  clientId,
  channel: 'call',
  clientInitiated: false,
  occurredAt: daysBefore(1),
  ...(participants ? { participants } : {}),
});

describe('the role matrix', () => {
  it('lets auditors run no command at all', () => {
    expect(authorisationMatrix.auditor.commands).toEqual([]);
    const release = { type: 'ReleaseClient', clientId } as const;
    const error = catchError(() => authoriseRole(release, actor('otto'), 'api'));
    expect(error).toMatchObject({ kind: 'forbidden', code: 'auth.forbidden' });
    expect(error.details).toEqual({ command: 'ReleaseClient', role: 'auditor' });
  });

  it('lets somebody run every command', () => {
    const allowed = new Set(
      Object.values(authorisationMatrix).flatMap((entry) => entry.commands),
    );
    expect([...allowed].sort()).toEqual(Object.keys(commandSchemas).sort());
  });

  it('names only known commands, and each entry has a rule', () => {
    for (const entry of Object.values(authorisationMatrix)) {
      expect(entry.rule.length).toBeGreaterThan(0);
      for (const type of entry.commands) expect(commandSchemas).toHaveProperty(type);
    }
  });

  it('keeps people management with admins and pool duties with the system', () => {
    const leave = {
      type: 'RecordDeparture',
      personId: people.alice.id,
      successorId: null,
    } as const;
    expect(refusal(() => authoriseRole(leave, actor('carol'), 'api'))).toBe(
      'auth.forbidden',
    );
    expect(() => authoriseRole(leave, actor('ada'), 'api')).not.toThrow();
    const neglect = {
      type: 'ReleaseNeglectedClient',
      clientId,
      reason: 'neglected-no-interaction',
    } as const;
    expect(() => authoriseRole(neglect, null, 'policy')).not.toThrow();
    expect(refusal(() => authoriseRole(neglect, actor('carol'), 'api'))).toBe(
      'auth.forbidden',
    );
    expect(
      refusal(() => authoriseRole({ type: 'ClaimClient', clientId }, null, 'policy')),
    ).toBe('auth.forbidden');
  });

  it('lets executives log interactions and nothing else on clients', () => {
    expect(() =>
      authorise(contact(), actor('erin'), 'api', { client: alicesClient }),
    ).not.toThrow();
    expect(
      refusal(() =>
        authoriseRole({ type: 'ClaimClient', clientId }, actor('erin'), 'api'),
      ),
    ).toBe('auth.forbidden');
  });

  it('refuses a departed actor, whatever the token says', () => {
    const gone = {
      status: 'departed',
      personId: people.alice.id,
      name: 'Alice',
      role: 'salesperson',
    } as const;
    expect(refusal(() => authoriseStanding(actor('alice'), gone))).toBe(
      'person.departed',
    );
    expect(() =>
      authoriseStanding(actor('alice'), { ...gone, status: 'active' }),
    ).not.toThrow();
    expect(() => authoriseStanding(actor('alice'), { status: 'unknown' })).not.toThrow();
  });

  it('allows old interactions through imports only', () => {
    expect(refusal(() => authoriseHistoricalImport(true, 'api'))).toBe('auth.forbidden');
    expect(() => authoriseHistoricalImport(true, 'import')).not.toThrow();
  });
});

describe('salespeople act on their own clients', () => {
  const ownWork: Command[] = [
    { type: 'ReleaseClient', clientId },
    { type: 'IssueQuote', clientId, amount: 1, currency: 'EUR' },
    { type: 'ChangeClientDetails', clientId, changes: { name: 'Acme' } },
    { type: 'RequestHandover', clientId, toOwnerId: people.bob.id, reason: 'region' },
  ];

  it('the owner may, a colleague may not, a manager may', () => {
    for (const command of ownWork) {
      expect(() =>
        authorise(command, actor('alice'), 'api', { client: alicesClient }),
      ).not.toThrow();
      expect(
        refusal(() => authorise(command, actor('bob'), 'api', { client: alicesClient })),
      ).toBe('ownership.not-owner');
      expect(() =>
        authorise(command, actor('carol'), 'api', { client: alicesClient }),
      ).not.toThrow();
    }
  });

  it('may name only themselves as owner of a new client', () => {
    const register = (ownerId: string): Command => ({
      type: 'RegisterClient',
      name: 'New',
      source: 'sales',
      ownerId,
    });
    const none = { client: initialClientState };
    expect(() =>
      authorise(register(people.alice.id), actor('alice'), 'api', none),
    ).not.toThrow();
    expect(
      refusal(() => authorise(register(people.bob.id), actor('alice'), 'api', none)),
    ).toBe('auth.forbidden');
  });

  it('cancel only handovers they requested', () => {
    const handover = evolveHandover(
      initialHandoverState,
      parseEvent('HandoverRequested', {
        handoverId: testId('h'),
        clientId,
        fromOwnerId: people.alice.id,
        toOwnerId: people.bob.id,
        requestedBy: people.alice.id,
        reason: 'region',
        expiresAt: daysBefore(-3),
        occurredAt: daysBefore(1),
      }),
    );
    const cancel = { type: 'CancelHandover', handoverId: testId('h') } as const;
    expect(() => authorise(cancel, actor('alice'), 'api', { handover })).not.toThrow();
    expect(refusal(() => authorise(cancel, actor('bob'), 'api', { handover }))).toBe(
      'auth.forbidden',
    );
    expect(() => authorise(cancel, actor('carol'), 'api', { handover })).not.toThrow();
  });
});

describe('interactions are logged by those who took part', () => {
  it('the actor must be a participant, whatever the role', () => {
    for (const name of ['alice', 'carol', 'erin'] as const)
      expect(
        refusal(() =>
          authorise(contact([people.bob.id]), actor(name), 'api', {
            client: alicesClient,
          }),
        ),
      ).toBe('interaction.not-participant');
  });

  it('a salesperson logs on a colleague client only together with its owner', () => {
    const facts = { client: alicesClient };
    expect(refusal(() => authorise(contact(), actor('bob'), 'api', facts))).toBe(
      'ownership.not-owner',
    );
    const joint = contact([people.bob.id, people.alice.id]);
    expect(() => authorise(joint, actor('bob'), 'api', facts)).not.toThrow();
  });

  it('a salesperson claims a pooled client before logging on it', () => {
    const error = catchError(() =>
      authorise(contact(), actor('alice'), 'api', { client: fold(registered()) }),
    );
    expect(error.code).toBe('ownership.not-owner');
    expect(error.message).toMatch(/claim/i);
  });

  it('imports record other people as participants', () => {
    expect(() =>
      authorise(contact([people.bob.id]), null, 'import', { client: alicesClient }),
    ).not.toThrow();
  });

  it('imports are authorised as the operator, whoever they name as actor', () => {
    const quote = { type: 'IssueQuote', clientId, amount: 1, currency: 'EUR' } as const;
    const facts = { client: alicesClient };
    expect(() => authorise(quote, actor('bob'), 'import', facts)).not.toThrow();
    const claim = { type: 'ClaimClient', clientId } as const;
    expect(refusal(() => authorise(claim, actor('bob'), 'import', facts))).toBe(
      'auth.forbidden',
    );
  });
});
