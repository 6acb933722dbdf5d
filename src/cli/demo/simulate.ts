import type { Company } from './company';
import { createCompany } from './company';
import { DailyActivity } from './daily-activity';
import type { DemoClient, DemoOptions, DemoPerson, DemoStep } from './demo-types';
import { Random } from './random';
import { dayMs, StepLog } from './step-log';

export interface DemoPlan {
  readonly steps: readonly DemoStep[];
  readonly company: Company;
  readonly start: Date;
  readonly end: Date;
}

/**
 * Simulates the company day by day and returns every command it issued, in
 * the order of their simulated instants. Only the generator's own model of
 * the ledger decides what happens, so the same options give the same steps.
 */
export const simulateCompany = (options: DemoOptions): DemoPlan => {
  const random = new Random(options.seed);
  const endDay = Math.floor(options.end.getTime() / dayMs) * dayMs;
  const days = Math.max(30, Math.round(options.months * 30.4));
  const start = endDay - days * dayMs;
  const log = new StepLog(options.seed, start);
  const company = createCompany(options, random, log, days);
  const activity = new DailyActivity(company, random, log, days);

  for (let day = 0; day <= days; day += 1) {
    // Ownership moves first, early in the day, so the day's activity sees the new owners.
    activity.departures(day);
    activity.companyDay(day);
    for (const client of company.clients) {
      if (client.registeredOn >= day) continue;
      activity.clientDay(client, day);
    }
  }

  const steps = [...log.steps].sort((a, b) => a.at - b.at);
  return { steps, company, start: new Date(start), end: new Date(endDay) };
};

export const isActive = (person: DemoPerson, day: number): boolean =>
  person.joinedOn <= day && (person.departsOn === undefined || person.departsOn > day);

/** Salespeople who may take on a client on this day and stay a while. */
export const availableSalespeople = (company: Company, day: number): DemoPerson[] =>
  company.salespeople.filter(
    (person) =>
      isActive(person, day) &&
      (person.departsOn === undefined || person.departsOn > day + 21),
  );

export const ownedBy = (company: Company, personId: string): DemoClient[] =>
  company.clients.filter((client) => client.ownerId === personId);
