import { type PolicyReport, renderPolicyReport } from '../../src/policy';

const due = {
  clientId: 'C1',
  name: 'Acme',
  ownerId: 'P1',
  ownerSince: '2026-01-01T00:00:00.000Z',
  reason: 'neglected-no-accepted-quote',
  since: '2026-01-05T00:00:00.000Z',
  dueAt: '2026-04-05T00:00:00.000Z',
} as const;

const report: PolicyReport = {
  at: '2026-04-06T00:00:00.000Z',
  dryRun: false,
  released: [],
  expired: [],
  warnings: [due, { ...due, clientId: 'C2', ownerId: 'P2' }],
  repeated: ['policy-release-1'],
  skipped: [
    { kind: 'release', id: 'C3', code: 'precondition.failed', message: 'Stream moved' },
  ],
};

describe('the policy report as text', () => {
  it('says what was done, whom to warn, and what was skipped', () => {
    const names: Record<string, string> = { P1: 'Alice' };
    expect(renderPolicyReport(report, (id) => names[id] ?? null)).toBe(
      [
        'pool policy at 2026-04-06T00:00:00.000Z',
        'released 0 clients',
        'expired 0 handovers',
        'would warn the owners of 2 clients due for release:',
        '  C1  Acme  owner Alice (P1)  neglected-no-accepted-quote since ' +
          '2026-01-05T00:00:00.000Z, due 2026-04-05T00:00:00.000Z',
        '  C2  Acme  owner P2  neglected-no-accepted-quote since ' +
          '2026-01-05T00:00:00.000Z, due 2026-04-05T00:00:00.000Z',
        '1 action recorded by an earlier run',
        'skipped 1 action (the ledger moved on; next run decides):',
        '  release C3: precondition.failed Stream moved',
        '',
      ].join('\n'),
    );
  });
});
