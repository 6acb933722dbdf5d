import type { Command } from '../../src/domain/commands/commands';
import type { CommandBus } from '../../src/domain/commands/context';
import { alice, bob, dayAt, iso, mona, openPolicyLedger } from './policy-fixture';

type Ledger = Awaited<ReturnType<typeof openPolicyLedger>>;

const releasesIn = async (ledger: Ledger, clientId: string) =>
  (await ledger.events(clientId)).filter(
    (event) => event.type === 'ClientReleasedToPool',
  );

describe('running the pool policy', () => {
  let ledger: Ledger;
  beforeEach(async () => {
    ledger = await openPolicyLedger();
  });
  afterEach(() => ledger.close());

  it('releases a neglected client once, however often it runs', async () => {
    const clientId = await ledger.client(0);

    const first = await ledger.policy({ now: dayAt(31) });
    expect(first.released).toMatchObject([
      { clientId, ownerId: alice, reason: 'neglected-no-interaction', dueAt: iso(30) },
    ]);
    const head = await ledger.head();
    const [release] = await releasesIn(ledger, clientId);
    expect(release).toMatchObject({
      data: { previousOwnerId: alice, reason: 'neglected-no-interaction' },
      metadata: {
        actorId: null,
        source: 'policy',
        commandId: first.released[0]!.commandId,
      },
    });

    const second = await ledger.policy({ now: dayAt(31) });
    const third = await ledger.policy({ now: dayAt(60) });
    expect([second.released, third.released]).toEqual([[], []]);
    expect(await ledger.head()).toEqual(head);
    expect(await releasesIn(ledger, clientId)).toHaveLength(1);
  });

  it('releases once when two runs decide at the same time', async () => {
    const clientId = await ledger.client(0);
    const [one, two] = await Promise.all([
      ledger.policy({ now: dayAt(31) }),
      ledger.policy({ now: dayAt(31) }),
    ]);
    // Both decided the same release under the same command id; the store kept
    // one (an append of event ids it holds is a no-op), whichever run reports it.
    for (const report of [one, two])
      expect(report.released.length + report.repeated.length).toBe(1);
    expect(await releasesIn(ledger, clientId)).toHaveLength(1);
    expect(ledger.readModels.client(clientId)?.ownerId).toBeNull();
  });

  it('writes nothing in a dry run, but reports what it would do', async () => {
    const clientId = await ledger.client(0);
    const head = await ledger.head();
    const report = await ledger.policy({ now: dayAt(31), dryRun: true });
    expect(report.released).toMatchObject([{ clientId }]);
    expect(await ledger.head()).toEqual(head);
  });

  it('does not release a client whose owner changed between two runs', async () => {
    const clientId = await ledger.client(0);
    const early = await ledger.policy({ now: dayAt(25) });
    expect(early.warnings).toMatchObject([{ clientId, ownerId: alice, dueAt: iso(30) }]);
    await ledger.run(mona, 26, { type: 'AssignOwner', clientId, ownerId: bob });

    const late = await ledger.policy({ now: dayAt(31) });
    expect(late.released).toEqual([]);
    expect(late.warnings).toEqual([]);
    expect(await releasesIn(ledger, clientId)).toEqual([]);
    // Bob's own 30 days count from the day he became the owner.
    const bobs = await ledger.policy({ now: dayAt(56) });
    expect(bobs.released).toMatchObject([{ clientId, ownerId: bob, since: iso(26) }]);
  });

  it('skips a release when the owner changes after the models were read', async () => {
    const clientId = await ledger.client(0);
    // Another writer moves the client to Bob between the decision and the append.
    const racing: CommandBus = {
      async execute(command: Command, context) {
        if (command.type === 'ReleaseNeglectedClient')
          await ledger.bus.execute(
            { type: 'AssignOwner', clientId, ownerId: bob },
            {
              actor: { personId: mona, role: 'manager' },
              commandId: 'race',
              source: 'api',
              now: dayAt(31),
            },
          );
        return ledger.bus.execute(command, context);
      },
    };
    const report = await ledger.policy({ now: dayAt(31) }, racing);
    expect(report.released).toEqual([]);
    expect(report.skipped).toMatchObject([
      { kind: 'release', id: clientId, code: 'precondition.failed' },
    ]);
    expect(await releasesIn(ledger, clientId)).toEqual([]);
    expect(ledger.readModels.client(clientId)?.ownerId).toBe(bob);
  });

  it('leaves locked clients with their owner', async () => {
    const clientId = await ledger.client(0);
    await ledger.run(mona, 1, { type: 'LockClient', clientId, reason: 'strategic' });
    const report = await ledger.policy({ now: dayAt(200) });
    expect(report.released).toEqual([]);
    expect(ledger.readModels.client(clientId)?.ownerId).toBe(alice);
  });

  it('keeps a client its owner visits and sells to', async () => {
    const clientId = await ledger.client(0);
    await ledger.run(alice, 20, {
      type: 'LogVisit',
      clientId,
      clientInitiated: false,
      occurredAt: iso(20),
    });
    expect((await ledger.policy({ now: dayAt(31) })).released).toEqual([]);
    expect((await ledger.policy({ now: dayAt(50) })).released).toMatchObject([
      { clientId, since: iso(20) },
    ]);
  });

  it('expires pending handovers once they are past their expiry', async () => {
    const clientId = await ledger.client(0);
    const requested = await ledger.run(alice, 1, {
      type: 'RequestHandover',
      clientId,
      toOwnerId: bob,
      reason: 'Bob covers the region now',
    });
    const handoverId = requested.ids.handoverId!;
    expect((await ledger.policy({ now: dayAt(14.99) })).expired).toEqual([]);

    const report = await ledger.policy({ now: dayAt(15) });
    expect(report.expired).toMatchObject([{ handoverId, clientId, expiresAt: iso(15) }]);
    const head = await ledger.head();
    expect((await ledger.policy({ now: dayAt(16) })).expired).toEqual([]);
    expect(await ledger.head()).toEqual(head);
    const handover = [...ledger.readModels.handovers()].find(
      (record) => record.handoverId === handoverId,
    );
    expect(handover?.status).toBe('expired');
  });
});
