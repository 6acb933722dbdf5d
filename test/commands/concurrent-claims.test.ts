import { stream } from '../../src/domain/events';
import { isCustodyError } from '../../src/errors';
import { testId } from '../domain/decider-spec';
import { context, type Fixture, openFixture, storeKinds } from './bus-fixture';

const clientId = testId('contested');
const salespeople = Array.from({ length: 20 }, (_, index) => testId(`seller-${index}`));

describe.each(storeKinds)('on %s', (_kind, base) => {
  let fixture: Fixture;
  beforeEach(async () => {
    fixture = await openFixture({ base });
    for (const [index, personId] of salespeople.entries())
      await fixture.bus.execute(
        {
          type: 'AddPerson',
          personId,
          name: `Seller ${index}`,
          email: `seller${index}@example.com`,
          role: 'salesperson',
        },
        context(null),
      );
    await fixture.bus.execute(
      { type: 'RegisterClient', clientId, name: 'Contested Ltd', source: 'sales' },
      context('carol'),
    );
  });
  afterEach(() => fixture.close());

  it('20 salespeople claiming one pool client at once leave exactly one owner', async () => {
    const results = await Promise.allSettled(
      salespeople.map((personId) =>
        fixture.bus.execute(
          { type: 'ClaimClient', clientId },
          { ...context(null), actor: { personId, role: 'salesperson' }, source: 'api' },
        ),
      ),
    );

    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason] : [],
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const error of lost) {
      expect(isCustodyError(error)).toBe(true);
      expect(['ownership.already-owned', 'store.wrong-expected-revision']).toContain(
        error.code,
      );
    }

    const claims = (await fixture.events(stream.client(clientId))).filter(
      (event) => event.type === 'ClientClaimed',
    );
    expect(claims).toHaveLength(1);
    const winner = claims[0]!.data as { ownerId: string };
    expect(await fixture.lookup.clientsOwnedBy(winner.ownerId)).toEqual([clientId]);
  });
});
