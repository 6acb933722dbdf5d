import type { Company } from './company';
import type { DemoClient, DemoPerson } from './demo-types';
import type { Random } from './random';
import { availableSalespeople, isActive, ownedBy } from './simulate';
import type { StepLog } from './step-log';

type Interact = (client: DemoClient, people: readonly DemoPerson[], day: number) => void;
const holdingCap = 200;

/**
 * How accounts change hands in the simulation: departures with successors,
 * handovers requested and decided by two different managers, disputes raised
 * and resolved, neglected accounts released by the pool policy and claimed
 * back from the pool, strategic accounts locked.
 */
export class Ownership {
  constructor(
    private readonly company: Company,
    private readonly random: Random,
    private readonly log: StepLog,
    private readonly later: (day: number, work: () => void) => void,
  ) {}

  departures(day: number): void {
    const leavers = this.company.salespeople.filter((person) => person.departsOn === day);
    leavers.forEach((leaver, position) => {
      const last = this.company.salespeople
        .filter((p) => p.departsOn !== undefined)
        .at(-1);
      const candidates = availableSalespeople(this.company, day).filter(
        (p) => p !== leaver,
      );
      const successor =
        leaver === last || candidates.length === 0 ? null : this.random.pick(candidates);
      const at = this.log.instant(day, 6 * 60 + position);
      this.log.add(
        at,
        `person-${leaver.id}`,
        {
          type: 'RecordDeparture',
          personId: leaver.id,
          successorId: successor?.id ?? null,
          reason: successor
            ? 'Left the company; accounts go to a colleague'
            : 'Left the company',
          occurredAt: this.log.iso(at),
        },
        this.company.admin,
        { barrier: true },
      );
      leaver.departed = true;
      for (const client of ownedBy(this.company, leaver.id)) {
        client.previousOwnerId = leaver.id;
        client.ownerId = successor?.id ?? null;
        client.releasedOn = successor ? undefined : day;
        client.lastOwnerContact = day;
      }
    });
  }

  companyDay(day: number, days: number, interact: Interact): void {
    if (this.random.chance(60 / 730)) this.handover(day);
    if (this.random.chance(20 / 730) && day < days - 12) this.dispute(day, interact);
    if (day % 7 === 3) this.releaseNeglected(day);
    this.claimFromPool(day);
  }

  /** An owned, settled client whose owner stays a while; undefined if none turns up. */
  private settledClient(day: number): DemoClient | undefined {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const client = this.random.pick(this.company.clients);
      const owner = client.ownerId ? this.company.people.get(client.ownerId) : undefined;
      if (
        owner !== undefined &&
        client.registeredOn < day &&
        client.busyUntil < day &&
        isActive(owner, day + 24)
      ) {
        return client;
      }
    }
    return undefined;
  }

  private handover(day: number): void {
    const client = this.settledClient(day);
    if (client === undefined) return;
    const target = this.newOwner(client, day);
    if (target === undefined) return;
    const handoverId = this.log.id('handover', client.id, day);
    const [requester, approver] = this.twoManagers();
    const at = this.log.instant(day, 12 * 60);
    this.log.add(
      at,
      client.id,
      {
        type: 'RequestHandover',
        handoverId,
        clientId: client.id,
        toOwnerId: target.id,
        reason: 'Rebalancing portfolios',
        occurredAt: this.log.iso(at),
      },
      requester,
    );
    const decideDay = day + this.random.int(1, 5);
    client.busyUntil = decideDay + 1;
    const outcome = this.random.weighted({ approve: 70, reject: 20, cancel: 10 });
    this.later(decideDay, () => {
      const at2 = this.log.instant(decideDay, 7 * 60 + 30);
      const when = this.log.iso(at2);
      if (outcome === 'approve') {
        this.log.add(
          at2,
          client.id,
          { type: 'ApproveHandover', handoverId, occurredAt: when },
          approver,
        );
        client.previousOwnerId = client.ownerId;
        client.ownerId = target.id;
        client.lastOwnerContact = decideDay;
      } else if (outcome === 'reject') {
        this.log.add(
          at2,
          client.id,
          {
            type: 'RejectHandover',
            handoverId,
            reason: 'The client asked to stay',
            occurredAt: when,
          },
          approver,
        );
      } else {
        this.log.add(
          at2,
          client.id,
          { type: 'CancelHandover', handoverId, occurredAt: when },
          requester,
        );
      }
    });
  }

  private dispute(day: number, interact: Interact): void {
    const client = this.settledClient(day);
    if (client === undefined) return;
    const claimant = this.newOwner(client, day);
    if (claimant === undefined) return;
    // A salesperson logs on a colleague's client only together with its owner.
    const owner = this.company.people.get(client.ownerId ?? '');
    if (owner === undefined) return;
    interact(client, [claimant, owner], day);
    interact(client, [claimant, owner], day + 1);
    const disputeId = this.log.id('dispute', client.id, day);
    const raisedAt = this.log.instant(day + 2, 16 * 60);
    this.log.add(
      raisedAt,
      client.id,
      {
        type: 'RaiseDispute',
        clientId: client.id,
        disputeId,
        argument: 'I have been the one talking to them for weeks',
        occurredAt: this.log.iso(raisedAt),
      },
      claimant,
    );
    const resolveDay = day + this.random.int(4, 10);
    client.busyUntil = resolveDay + 1;
    const awarded = this.random.chance(0.4);
    this.later(resolveDay, () => {
      const at = this.log.instant(resolveDay, 7 * 60 + 40);
      this.log.add(
        at,
        client.id,
        {
          type: 'ResolveDispute',
          clientId: client.id,
          disputeId,
          outcome: awarded ? 'awarded' : 'rejected',
          reason: awarded
            ? 'The history shows the claimant holds the relationship'
            : 'The owner is active',
          occurredAt: this.log.iso(at),
        },
        this.random.pick(this.company.managers),
      );
      if (awarded) {
        client.previousOwnerId = client.ownerId;
        client.ownerId = claimant.id;
        client.lastOwnerContact = resolveDay;
      }
    });
  }

  private releaseNeglected(day: number): void {
    for (const client of this.company.clients) {
      if (client.ownerId === null || client.key || client.busyUntil >= day) continue;
      if (client.neglectedFrom === undefined || day - client.lastOwnerContact <= 31)
        continue;
      const at = this.log.instant(day, 5 * 60);
      this.log.add(
        at,
        client.id,
        {
          type: 'ReleaseNeglectedClient',
          clientId: client.id,
          reason: 'neglected-no-interaction',
          occurredAt: this.log.iso(at),
        },
        null,
        { source: 'policy' },
      );
      client.previousOwnerId = client.ownerId;
      client.ownerId = null;
      client.releasedOn = day;
    }
  }

  private claimFromPool(day: number): void {
    for (const client of this.company.clients) {
      if (client.ownerId !== null || client.releasedOn === undefined) continue;
      if (day - client.releasedOn < 10 || !this.random.chance(0.08)) continue;
      const claimant = this.newOwner(client, day);
      if (claimant === undefined) continue;
      const at = this.log.instant(day, 7 * 60 + 50 + this.random.int(0, 9));
      this.log.add(
        at,
        client.id,
        { type: 'ClaimClient', clientId: client.id, occurredAt: this.log.iso(at) },
        claimant,
      );
      client.ownerId = claimant.id;
      client.releasedOn = undefined;
      client.lastOwnerContact = day;
      client.neglectedFrom = undefined;
      client.busyUntil = day + 1;
    }
  }

  /** A salesperson other than the current and previous owner, under the holding cap. */
  private newOwner(client: DemoClient, day: number): DemoPerson | undefined {
    const held = new Map<string, number>();
    for (const each of this.company.clients) {
      if (each.ownerId !== null)
        held.set(each.ownerId, (held.get(each.ownerId) ?? 0) + 1);
    }
    const candidates = availableSalespeople(this.company, day).filter(
      (person) =>
        person.id !== client.ownerId &&
        person.id !== client.previousOwnerId &&
        (held.get(person.id) ?? 0) < holdingCap - 5,
    );
    return candidates.length === 0 ? undefined : this.random.pick(candidates);
  }

  private twoManagers(): [DemoPerson, DemoPerson] {
    const first = this.random.pick(this.company.managers);
    const others = this.company.managers.filter((manager) => manager !== first);
    return [first, this.random.pick(others)];
  }
}
