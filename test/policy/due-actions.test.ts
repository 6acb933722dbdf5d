import type { HandoverRecord, NeglectRecord } from '../../projections';
import { defaultDomainSettings } from '../../src/domain/settings';
import { duePolicyActions, type PolicyState } from '../../src/policy';

const day = 86_400_000;
const start = Date.UTC(2026, 0, 1);
/** The instant `days` days after 2026-01-01. */
const dayAt = (days: number): number => start + days * day;
const iso = (days: number): string => new Date(dayAt(days)).toISOString();
const settings = defaultDomainSettings.pool;

const owned = (overrides: Partial<NeglectRecord> = {}): NeglectRecord => ({
  clientId: 'C1',
  name: 'Acme',
  ownerId: 'alice',
  ownerSince: dayAt(0),
  tenureRevision: 1,
  locked: false,
  lastInteraction: {},
  lastAcceptedQuoteAt: null,
  revision: 1,
  ...overrides,
});

const state = (
  clients: NeglectRecord[],
  handovers: HandoverRecord[] = [],
): PolicyState => ({ clients, handovers });

const on = (days: number, clients: NeglectRecord[]) =>
  duePolicyActions(state(clients), new Date(dayAt(days)), settings);

describe('the pool policy', () => {
  it('releases a client whose owner logged no interaction for 30 days', () => {
    const actions = on(30, [owned()]);
    expect(actions.releases).toMatchObject([
      {
        clientId: 'C1',
        ownerId: 'alice',
        reason: 'neglected-no-interaction',
        since: iso(0),
        dueAt: iso(30),
        revision: 1,
      },
    ]);
    expect(actions.warnings).toEqual([]);
    expect(on(29.99, [owned()]).releases).toEqual([]);
  });

  it('counts 30 days from the owner’s last interaction, not someone else’s', () => {
    const client = owned({ lastInteraction: { alice: dayAt(29), bob: dayAt(40) } });
    expect(on(30, [client]).releases).toEqual([]);
    expect(on(58.99, [client]).releases).toEqual([]);
    expect(on(59, [client]).releases).toMatchObject([
      { reason: 'neglected-no-interaction', since: iso(29), dueAt: iso(59) },
    ]);
    const othersOnly = owned({ lastInteraction: { bob: dayAt(29) } });
    expect(on(30, [othersOnly]).releases).toHaveLength(1);
  });

  it('counts from the ownership start when the owner’s interaction is older', () => {
    const client = owned({ ownerSince: dayAt(10), lastInteraction: { alice: dayAt(2) } });
    expect(on(39.99, [client]).releases).toEqual([]);
    expect(on(40, [client]).releases).toMatchObject([{ since: iso(10) }]);
  });

  it('releases a client without an accepted quote for 90 days, though visited', () => {
    const client = owned({ lastInteraction: { alice: dayAt(85) } });
    expect(on(89.99, [client]).releases).toEqual([]);
    expect(on(90, [client]).releases).toMatchObject([
      { reason: 'neglected-no-accepted-quote', since: iso(0), dueAt: iso(90) },
    ]);
  });

  it('counts 90 days from the last accepted quote when it is after the claim', () => {
    const client = owned({
      lastInteraction: { alice: dayAt(100) },
      lastAcceptedQuoteAt: dayAt(20),
    });
    expect(on(109.99, [client]).releases).toEqual([]);
    expect(on(110, [client]).releases).toMatchObject([
      { reason: 'neglected-no-accepted-quote', since: iso(20) },
    ]);
    const before = owned({
      ownerSince: dayAt(30),
      lastInteraction: { alice: dayAt(100) },
      lastAcceptedQuoteAt: dayAt(20),
    });
    expect(on(119.99, [before]).releases).toEqual([]);
    expect(on(120, [before]).releases).toMatchObject([{ since: iso(30) }]);
  });

  it('warns the owner 7 days before, with the date and the reason', () => {
    expect(on(22.99, [owned()]).warnings).toEqual([]);
    expect(on(23, [owned()])).toMatchObject({
      releases: [],
      warnings: [
        {
          clientId: 'C1',
          ownerId: 'alice',
          reason: 'neglected-no-interaction',
          dueAt: iso(30),
        },
      ],
    });
    const visited = owned({ lastInteraction: { alice: dayAt(80) } });
    expect(on(82.99, [visited]).warnings).toEqual([]);
    expect(on(83, [visited]).warnings).toMatchObject([
      { reason: 'neglected-no-accepted-quote', dueAt: iso(90) },
    ]);
  });

  it('names the missing interaction when both rules come due together', () => {
    const sameDays = { ...settings, noAcceptedQuoteDays: 30 };
    const actions = duePolicyActions(state([owned()]), new Date(dayAt(31)), sameDays);
    expect(actions.releases).toMatchObject([{ reason: 'neglected-no-interaction' }]);
  });

  it('exempts locked clients and ignores pooled ones', () => {
    expect(on(200, [owned({ locked: true })])).toEqual({
      releases: [],
      expiries: [],
      warnings: [],
    });
    const pooled = owned({ ownerId: null, ownerSince: null, tenureRevision: null });
    expect(on(200, [pooled]).releases).toEqual([]);
  });

  it('derives the same command id from the same tenure, another from a new one', () => {
    const first = on(30, [owned()]).releases[0]!;
    expect(on(31, [owned()]).releases[0]!.commandId).toBe(first.commandId);
    const later = owned({ ownerSince: dayAt(1), tenureRevision: 5 });
    expect(on(40, [later]).releases[0]!.commandId).not.toBe(first.commandId);
    const bob = owned({ ownerId: 'bob' });
    expect(on(30, [bob]).releases[0]!.commandId).not.toBe(first.commandId);
  });

  it('follows the configured number of days', () => {
    const custom = { ...settings, noInteractionDays: 10, warnDaysBefore: 2 };
    const at = (days: number) =>
      duePolicyActions(state([owned()]), new Date(dayAt(days)), custom);
    expect(at(7.99).warnings).toEqual([]);
    expect(at(8).warnings).toHaveLength(1);
    expect(at(10).releases).toHaveLength(1);
  });

  it('expires pending handovers past their expiry, and only those', () => {
    const handover = (id: string, status: HandoverRecord['status'], expires: number) =>
      ({
        handoverId: id,
        clientId: 'C1',
        fromOwnerId: 'alice',
        toOwnerId: 'bob',
        requestedBy: 'alice',
        reason: 'moving',
        requestedAt: dayAt(0),
        expiresAt: dayAt(expires),
        status,
        decidedBy: null,
        decidedAt: null,
      }) satisfies HandoverRecord;
    const actions = duePolicyActions(
      state(
        [],
        [
          handover('H2', 'requested', 14),
          handover('H1', 'requested', 10),
          handover('H3', 'approved', 10),
          handover('H4', 'requested', 14.01),
        ],
      ),
      new Date(dayAt(14)),
      settings,
    );
    expect(actions.expiries.map((expiry) => expiry.handoverId)).toEqual(['H1', 'H2']);
    expect(actions.expiries[0]).toMatchObject({ clientId: 'C1', expiresAt: iso(10) });
  });

  it('lists releases and warnings by due date', () => {
    const clients = [
      owned({ clientId: 'C2', ownerSince: dayAt(2) }),
      owned({ clientId: 'C1', ownerSince: dayAt(5) }),
      owned({ clientId: 'C3', ownerSince: dayAt(1) }),
    ];
    const actions = on(33, clients);
    expect(actions.releases.map((release) => release.clientId)).toEqual(['C3', 'C2']);
    expect(actions.warnings.map((warning) => warning.clientId)).toEqual(['C1']);
  });
});
