import type { Runtime } from '../../src/runtime';

/** The small company the browser test looks at, with the ids it needs. */
export interface SeededCompany {
  /** A manager's bearer token, as pasted into the dashboard. */
  readonly managerToken: string;
  /** Ana's token: a salesperson's view. */
  readonly anaToken: string;
  readonly ana: string;
  readonly ben: string;
  /** Owned by Ana, with contacts (one recorded late); its name holds markup. */
  readonly acme: string;
  readonly acmeName: string;
  /** Owned by Ben, with a handover to Ana awaiting a decision. */
  readonly borealis: string;
  /** Registered by Ana, then released by her into the pool. */
  readonly cobalt: string;
}

const hoursAgo = (hours: number) =>
  new Date(Date.now() - hours * 3_600_000).toISOString();

/** A command over HTTP, as the dashboard's users would have sent it; fails loudly. */
const commandSender =
  (url: string) =>
  async (auth: string, path: string, body: object): Promise<Record<string, string>> => {
    const response = await fetch(`${url}/v1${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`POST ${path} → ${response.status}: ${await response.text()}`);
    }
    return ((await response.json()) as { ids: Record<string, string> }).ids;
  };

/**
 * Three people and three clients through the API, then waits until the read
 * models hold all of it, so that the first page the browser opens is complete.
 */
export const seedCompany = async (runtime: Runtime): Promise<SeededCompany> => {
  const send = commandSender(runtime.url);
  const admin = runtime.bootstrapToken!.token;
  const person = async (name: string, role: string) => {
    const { personId } = await send(admin, '/people', {
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
      role,
    });
    const { token } = await runtime.tokens.issueToken({
      personId: personId!,
      label: 'dashboard test',
    });
    return { personId: personId!, token };
  };
  const manager = await person('Maria Manager', 'manager');
  const ana = await person('Ana Alvarez', 'salesperson');
  const ben = await person('Ben Brandt', 'salesperson');

  const acmeName = 'Acme <b>Steel</b> & Co';
  const client = async (name: string, owner: { personId: string; token: string }) =>
    (await send(owner.token, '/clients', { name, ownerId: owner.personId })).clientId!;
  const acme = await client(acmeName, ana);
  const borealis = await client('Borealis Foods', ben);
  const cobalt = await client('Cobalt Labs', ana);

  await send(ana.token, `/clients/${acme}/contacts`, {
    channel: 'call',
    summary: 'Quarterly review',
    occurredAt: hoursAgo(50),
  });
  await send(ana.token, `/clients/${acme}/visits`, {
    location: 'Plant 2',
    occurredAt: hoursAgo(1),
  });
  await send(ben.token, `/clients/${borealis}/contacts`, {
    channel: 'email',
    occurredAt: hoursAgo(2),
  });
  await send(ana.token, `/clients/${cobalt}/release`, { note: 'Not my sector' });
  await send(ben.token, '/handovers', {
    clientId: borealis,
    toOwnerId: ana.personId,
    reason: 'Ana covers the region now',
  });

  const head = await runtime.store.headPosition();
  if (head !== undefined) await runtime.engine.waitForPosition(head, 10_000);
  return {
    managerToken: manager.token,
    anaToken: ana.token,
    ana: ana.personId,
    ben: ben.personId,
    acme,
    acmeName,
    borealis,
    cobalt,
  };
};
