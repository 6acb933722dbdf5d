import type { Company } from './company';
import type { DemoClient, DemoPerson } from './demo-types';
import { Ownership } from './ownership-moves';
import type { Random } from './random';
import { availableSalespeople, isActive } from './simulate';
import type { StepLog } from './step-log';

const channels = { call: 40, email: 25, message: 10, meeting: 10, visit: 15 } as const;
const summaries = [
  'Discussed next quarter volumes',
  'Followed up on delivery delays',
  'Presented the new product line',
  'Reviewed pricing and payment terms',
  'Checked in after the last order',
];

/**
 * What happens on one simulated day: owners call and visit their clients,
 * issue quotes that are later revised, accepted or lost; executives visit key
 * accounts; managers move accounts and settle disputes (see Ownership).
 */
export class DailyActivity {
  /** Ownership decisions due on a day, then quote follow-ups, which must see the new owner. */
  private readonly followUps = new Map<number, (() => void)[]>();
  private readonly quoteFollowUps = new Map<number, (() => void)[]>();
  private readonly ownership: Ownership;
  private interactionCount = 0;

  constructor(
    private readonly company: Company,
    private readonly random: Random,
    private readonly log: StepLog,
    private readonly days: number,
  ) {
    this.ownership = new Ownership(company, random, log, (day, work) =>
      this.later(day, work),
    );
  }

  later(day: number, work: () => void, queue = this.followUps): void {
    const list = queue.get(day);
    if (list === undefined) queue.set(day, [work]);
    else list.push(work);
  }

  departures(day: number): void {
    this.ownership.departures(day);
  }

  clientDay(client: DemoClient, day: number): void {
    // Strategic accounts are locked by a manager the day after they arrive.
    if (client.key && day === client.registeredOn + 1) {
      const at = this.log.instant(day, 11 * 60);
      this.log.add(
        at,
        client.id,
        {
          type: 'LockClient',
          clientId: client.id,
          reason: 'Strategic account',
          occurredAt: this.log.iso(at),
        },
        this.random.pick(this.company.managers),
      );
    }
    const owner =
      client.ownerId === null ? undefined : this.company.people.get(client.ownerId);
    if (owner === undefined || !isActive(owner, day)) return;
    const neglected = client.neglectedFrom !== undefined && day >= client.neglectedFrom;
    if (!neglected) {
      const overdue = day - client.lastOwnerContact >= 27;
      if (overdue || this.random.chance(client.rate))
        this.interaction(client, day, [owner]);
      if (client.openQuote === undefined && this.random.chance(1 / 60)) {
        this.issueQuote(client, owner, day);
      }
    }
    if (client.key && day % 90 === client.registeredOn % 90) {
      const executive = this.random.pick(this.company.executives);
      this.interaction(client, day, [executive, owner], 'visit');
    }
  }

  companyDay(day: number): void {
    for (const work of this.followUps.get(day) ?? []) work();
    this.followUps.delete(day);
    this.ownership.companyDay(day, this.days, (client, people, when) =>
      this.interaction(client, when, people),
    );
    for (const work of this.quoteFollowUps.get(day) ?? []) work();
    this.quoteFollowUps.delete(day);
  }

  interaction(
    client: DemoClient,
    day: number,
    participants: readonly DemoPerson[],
    forced?: 'visit',
  ): void {
    const [actor] = participants;
    if (actor === undefined) return;
    this.interactionCount += 1;
    const channel = forced ?? this.random.weighted(channels);
    const occurred = this.log.instant(day, 9 * 60 + this.random.int(0, 540));
    // About one in a hundred is recorded a few days late, as happens in life.
    // Nothing may change hands before it is recorded, or its actor could lose the right.
    const late =
      actor.departsOn === undefined &&
      client.neglectedFrom === undefined &&
      client.busyUntil < day &&
      this.random.chance(0.01);
    const delay = late ? this.random.int(2, 5) : 0;
    if (late) client.busyUntil = day + delay + 1;
    const at = occurred + delay * 86_400_000;
    const shared = {
      clientId: client.id,
      interactionId: this.log.id('interaction', this.interactionCount),
      participants: participants.map((person) => person.id),
      clientInitiated: this.random.chance(0.25),
      summary: this.random.pick(summaries),
      occurredAt: this.log.iso(occurred),
    };
    this.log.add(
      at,
      client.id,
      channel === 'visit'
        ? { type: 'LogVisit', ...shared, location: 'Client site' }
        : { type: 'LogContact', ...shared, channel },
      actor,
    );
    if (participants.some((person) => person.id === client.ownerId)) {
      client.lastOwnerContact = Math.max(client.lastOwnerContact, day);
    }
  }

  private issueQuote(client: DemoClient, owner: DemoPerson, day: number): void {
    const quoteId = this.log.id('quote', client.id, day);
    const amount = this.random.int(20, 500) * 100;
    const at = this.log.instant(day, 10 * 60 + this.random.int(0, 400));
    client.openQuote = { id: quoteId, issuedBy: owner.id };
    this.log.add(
      at,
      client.id,
      {
        type: 'IssueQuote',
        clientId: client.id,
        quoteId,
        amount,
        currency: 'EUR',
        description: 'Annual supply agreement',
        occurredAt: this.log.iso(at),
      },
      owner,
    );
    const closeDay = day + this.random.int(7, 30);
    if (this.random.chance(0.25)) {
      const reviseDay = day + this.random.int(2, 6);
      this.later(
        reviseDay,
        () => {
          const actor = this.actorFor(client, reviseDay);
          const revisedAt = this.log.instant(reviseDay, 13 * 60);
          if (actor === undefined || client.openQuote?.id !== quoteId) return;
          this.log.add(
            revisedAt,
            client.id,
            {
              type: 'ReviseQuote',
              clientId: client.id,
              quoteId,
              amount: Math.round(amount * 0.92),
              reason: 'Volume discount',
              occurredAt: this.log.iso(revisedAt),
            },
            actor,
          );
        },
        this.quoteFollowUps,
      );
    }
    this.later(
      closeDay,
      () => this.closeQuote(client, quoteId, closeDay),
      this.quoteFollowUps,
    );
  }

  private closeQuote(client: DemoClient, quoteId: string, day: number): void {
    if (client.openQuote?.id !== quoteId) return;
    client.openQuote = undefined;
    const outcome = this.random.weighted({ accepted: 55, lost: 35, open: 10 });
    const actor = this.actorFor(client, day);
    if (outcome === 'open' || actor === undefined || day > this.days) return;
    const at = this.log.instant(day, 15 * 60 + this.random.int(0, 120));
    this.log.add(
      at,
      client.id,
      outcome === 'accepted'
        ? {
            type: 'AcceptQuote',
            clientId: client.id,
            quoteId,
            occurredAt: this.log.iso(at),
          }
        : {
            type: 'LoseQuote',
            clientId: client.id,
            quoteId,
            reason: 'Competitor was cheaper',
            occurredAt: this.log.iso(at),
          },
      actor,
    );
  }

  /** The owner when active, else a manager: someone allowed to act on the client. */
  private actorFor(client: DemoClient, day: number): DemoPerson | undefined {
    const owner =
      client.ownerId === null ? undefined : this.company.people.get(client.ownerId);
    if (owner !== undefined && isActive(owner, day)) return owner;
    return availableSalespeople(this.company, day).length > 0
      ? this.random.pick(this.company.managers)
      : undefined;
  }
}
