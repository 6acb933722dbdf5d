import { interactionsKind } from '../../src/cli/import/interactions-kind';
import { LedgerIndex } from '../../src/cli/import/ledger-index';
import { defaultDomainSettings } from '../../src/domain/settings';

const personId = '01HZX3Q4Y8N6V2K9R5T7W1M3PB';
const clientId = '01HZX3Q4Y8N6V2K9R5T7W1M3PC';

const planner = () => {
  const index = new LedgerIndex();
  index.apply('PersonJoined', {
    personId,
    name: 'Otto Berg',
    email: 'otto@example.com',
    role: 'salesperson',
  });
  index.apply('ClientRegistered', { clientId, name: 'Acme Ltd', externalId: 'C-1' });
  return interactionsKind.createPlanner({
    index,
    settings: defaultDomainSettings,
    now: new Date('2025-01-01T00:00:00Z'),
  });
};

const commandOf = (values: Record<string, string>) => {
  const row = interactionsKind.schema.parse(values);
  const verdict = planner()(row, 2);
  if (verdict.kind !== 'planned') throw new Error(`not planned: ${verdict.kind}`);
  return verdict.row.commands[0]?.command;
};

describe('interaction rows', () => {
  it('plan a visit with its optional fields, and none it was not given', () => {
    const base = {
      client: 'C-1',
      type: 'visit',
      occurred_at: '2024-02-03T13:00:00Z',
      participants: 'otto@example.com',
    };
    const full = commandOf({
      ...base,
      client_initiated: 'yes',
      summary: 'Site tour',
      location: 'Leeds',
      contacts: 'Ann; Bo',
    });
    expect(full).toStrictEqual({
      type: 'LogVisit',
      clientId,
      interactionId: expect.any(String),
      participants: [personId],
      clientInitiated: true,
      occurredAt: '2024-02-03T13:00:00.000Z',
      summary: 'Site tour',
      location: 'Leeds',
      attendees: ['Ann', 'Bo'],
    });
    expect(commandOf(base)).toStrictEqual({
      type: 'LogVisit',
      clientId,
      interactionId: expect.any(String),
      participants: [personId],
      clientInitiated: false,
      occurredAt: '2024-02-03T13:00:00.000Z',
    });
  });

  it('plan a contact with its channel and the client’s contacts', () => {
    expect(
      commandOf({
        client: 'C-1',
        type: 'Email',
        occurred_at: '2024-02-03',
        participants: 'otto@example.com',
        summary: 'Price list',
        contacts: 'Ann',
      }),
    ).toStrictEqual({
      type: 'LogContact',
      clientId,
      interactionId: expect.any(String),
      participants: [personId],
      clientInitiated: false,
      occurredAt: '2024-02-03T00:00:00.000Z',
      channel: 'email',
      summary: 'Price list',
      clientContacts: ['Ann'],
    });
  });
});
