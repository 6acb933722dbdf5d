import type { DemoClient, DemoOptions, DemoPerson } from './demo-types';
import { clientName, emailFor, industries, personName, regions } from './names';
import type { Random } from './random';
import type { StepLog } from './step-log';

export interface Company {
  readonly admin: DemoPerson;
  readonly managers: DemoPerson[];
  readonly executives: DemoPerson[];
  readonly auditor: DemoPerson;
  readonly salespeople: DemoPerson[];
  readonly clients: DemoClient[];
  readonly people: Map<string, DemoPerson>;
}

/**
 * The people and clients of the simulated company, and the steps that record
 * them. Most clients exist on day 0, each with an owner; the rest arrive over
 * the timeline, a tenth of them through an invoice into the pool.
 */
export const createCompany = (
  options: DemoOptions,
  random: Random,
  log: StepLog,
  days: number,
): Company => {
  const people = new Map<string, DemoPerson>();
  let index = 0;
  const join = (role: DemoPerson['role'], day: number, by: DemoPerson | null) => {
    index += 1;
    const name = role === 'admin' ? 'Demo Administrator' : personName(random);
    const person: DemoPerson = {
      id: log.id('person', index),
      name,
      email: emailFor(name, index),
      role,
      joinedOn: day,
      departsOn: undefined,
      departed: false,
    };
    people.set(person.id, person);
    const at = log.instant(day, 7 * 60 + index / 100);
    log.add(
      at,
      `person-${person.id}`,
      {
        type: 'AddPerson',
        personId: person.id,
        name: person.name,
        email: person.email,
        role,
        occurredAt: log.iso(at),
      },
      by,
      { barrier: true },
    );
    return person;
  };

  // 1. People: an administrator first (added by the system), then everyone else.
  const admin = join('admin', 0, null);
  const executives = Array.from({ length: random.int(1, 2) }, () =>
    join('executive', 0, admin),
  );
  const managers = Array.from({ length: 3 }, () => join('manager', 0, admin));
  const auditor = join('auditor', 0, admin);
  const salespeople = Array.from({ length: options.salespeople }, () =>
    join('salesperson', 0, admin),
  );
  // Two hires later on, and a few departures (with successors, and one without).
  const hires = [Math.floor(days * 0.4), Math.floor(days * 0.7)].map((day) =>
    join('salesperson', day, admin),
  );
  const leavers = salespeople.slice(0, Math.min(3, Math.floor(salespeople.length / 4)));
  leavers.forEach((leaver, position) => {
    leaver.departsOn = Math.floor(days * (0.3 + 0.2 * position)) + 1;
  });
  salespeople.push(...hires);

  // 2. Clients.
  const clients: DemoClient[] = [];
  for (let number = 0; number < options.clients; number += 1) {
    const early = random.chance(0.7);
    const registeredOn = early
      ? random.int(0, 10)
      : random.int(11, Math.max(11, days - 30));
    const owners = salespeople.filter(
      (person) =>
        person.joinedOn <= registeredOn &&
        (person.departsOn === undefined || person.departsOn > registeredOn + 30),
    );
    const pooled = !early && random.chance(0.1);
    const owner = pooled ? null : random.pick(owners);
    const client: DemoClient = {
      id: log.id('client', number),
      name: clientName(random, number),
      registeredOn,
      ownerId: owner?.id ?? null,
      rate: 1 / random.int(14, 50),
      neglectedFrom: random.chance(0.06)
        ? random.int(Math.floor(days / 3), days)
        : undefined,
      key: number % 33 === 5,
      lastOwnerContact: registeredOn,
      releasedOn: pooled ? registeredOn : undefined,
      previousOwnerId: null,
      openQuote: undefined,
      busyUntil: registeredOn + 1,
    };
    clients.push(client);
    const at = log.instant(registeredOn, 8 * 60 + random.int(0, 30));
    log.add(
      at,
      client.id,
      {
        type: 'RegisterClient',
        clientId: client.id,
        name: client.name,
        source: pooled ? 'invoice' : 'sales',
        industry: random.pick(industries),
        region: random.pick(regions),
        ...(owner === undefined || owner === null ? {} : { ownerId: owner.id }),
        occurredAt: log.iso(at),
      },
      owner ?? random.pick(managers),
    );
  }
  return { admin, managers, executives, auditor, salespeople, clients, people };
};
