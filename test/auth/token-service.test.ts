import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTokenService } from '../../src/auth/token-service';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import {
  addPerson,
  eventually,
  openStoreAndTokens,
  systemMetadata,
} from '../http/fixtures';

const personEvent = (personId: string, type: string, data: Record<string, unknown>) => ({
  type,
  data: { personId, occurredAt: new Date().toISOString(), ...data },
  metadata: systemMetadata(),
});

describe('token service', () => {
  let env: Awaited<ReturnType<typeof openStoreAndTokens>>;
  beforeEach(async () => {
    env = await openStoreAndTokens();
  });
  afterEach(() => env.close());

  it('issues a prefixed token that authenticates as its person and role', async () => {
    const personId = await addPerson(env.store, 'salesperson');
    const issued = await env.tokens.issueToken({ personId, label: 'laptop' });

    expect(issued.token).toMatch(/^cst_[A-Za-z0-9_-]{43}$/);
    expect(env.tokens.authenticate(issued.token)).toEqual({
      personId,
      role: 'salesperson',
      tokenId: issued.tokenId,
    });
    const lastCharacter = issued.token.endsWith('A') ? 'B' : 'A';
    const altered = `${issued.token.slice(0, -1)}${lastCharacter}`;
    expect(env.tokens.authenticate(altered)).toBeUndefined();
  });

  it('stores only the hash of the token, in an audited event', async () => {
    const personId = await addPerson(env.store, 'manager');
    const issued = await env.tokens.issueToken({ personId, label: 'laptop' });
    const [event] = await env.store.readStream(`token-${issued.tokenId}`);

    expect(event?.type).toBe('TokenIssued');
    expect(JSON.stringify([event?.data, event?.metadata])).not.toContain(issued.token);
    expect(event?.data.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(event?.metadata.source).toBe('cli');
  });

  it('refuses unknown and departed people', async () => {
    const personId = await addPerson(env.store, 'salesperson');
    await env.store.append(`person-${personId}`, [
      personEvent(personId, 'PersonDeparted', { successorId: null }),
    ]);

    await expect(env.tokens.issueToken({ personId })).rejects.toMatchObject({
      code: 'person.departed',
    });
    await expect(
      env.tokens.issueToken({ personId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
    ).rejects.toMatchObject({ code: 'person.not-found' });
    await expect(env.tokens.issueToken({ personId: 'nope' })).rejects.toMatchObject({
      kind: 'validation',
    });
  });

  it('revokes a token, once', async () => {
    const personId = await addPerson(env.store, 'salesperson');
    const issued = await env.tokens.issueToken({ personId });

    await expect(env.tokens.revokeToken(issued.tokenId)).resolves.toEqual({
      revoked: true,
    });
    await expect(env.tokens.revokeToken(issued.tokenId)).resolves.toEqual({
      revoked: false,
    });
    expect(env.tokens.authenticate(issued.token)).toBeUndefined();
    expect(env.tokens.listTokens()).toEqual([
      expect.objectContaining({ tokenId: issued.tokenId, active: false }),
    ]);
    await expect(
      env.tokens.revokeToken('01ARZ3NDEKTSV4RRFFQ69G5FAV'),
    ).rejects.toMatchObject({
      code: 'token.not-found',
    });
  });

  it('follows role changes and departures of the token’s person', async () => {
    const personId = await addPerson(env.store, 'salesperson');
    const issued = await env.tokens.issueToken({ personId });

    await env.store.append(`person-${personId}`, [
      personEvent(personId, 'PersonRoleChanged', {
        role: 'manager',
        previousRole: 'salesperson',
      }),
    ]);
    await eventually(() => env.tokens.authenticate(issued.token)?.role === 'manager');

    await env.store.append(`person-${personId}`, [
      personEvent(personId, 'PersonDeparted', { successorId: null }),
    ]);
    await eventually(() => env.tokens.authenticate(issued.token) === undefined);
    expect(env.tokens.listTokens()[0]).toMatchObject({ active: false, role: 'manager' });
  });
});

describe('token service across processes', () => {
  it('sees tokens issued and revoked by another process on the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'custody-tokens-'));
    const path = join(dir, 'ledger.db');
    const server = openSqliteEventStore({ path, pollIntervalMs: 20 });
    const cli = openSqliteEventStore({ path, pollIntervalMs: 20 });
    const serverTokens = await openTokenService({ store: server });
    const cliTokens = await openTokenService({ store: cli });
    try {
      const personId = await addPerson(cli, 'auditor');
      const issued = await cliTokens.issueToken({ personId });
      await eventually(() => serverTokens.authenticate(issued.token) !== undefined);
      expect(serverTokens.authenticate(issued.token)?.role).toBe('auditor');

      await cliTokens.revokeToken(issued.tokenId);
      await eventually(() => serverTokens.authenticate(issued.token) === undefined);

      // A fresh process replays what is stored.
      const later = await openTokenService({ store: cli });
      expect(later.listTokens()).toHaveLength(1);
      expect(later.hasPeople()).toBe(true);
      await later.close();
    } finally {
      await serverTokens.close();
      await cliTokens.close();
      await server.close();
      await cli.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
