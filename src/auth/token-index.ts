import type { RecordedEvent } from '../eventstore/port';
import type { Principal } from '../http/route';
import { evolveStanding, type PersonStanding } from './person-standing';
import type { TokenIssuedData } from './token-events';
import { hashTokenSecret, looksLikeToken } from './token-secret';

export interface TokenRecord {
  readonly tokenId: string;
  readonly personId: string;
  readonly label: string;
  readonly issuedAt: string;
  readonly hash: string;
  readonly revokedAt: string | null;
}

/**
 * Tokens and the standing of their people, in memory, folded from the token
 * and person streams. Applying an event twice changes nothing, so the
 * service may apply its own writes at once and again when they come back
 * through the subscription.
 */
export class TokenIndex {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly byHash = new Map<string, string>();
  private readonly people = new Map<string, PersonStanding>();

  get peopleCount(): number {
    return this.people.size;
  }

  apply(event: Pick<RecordedEvent, 'type' | 'data'>): void {
    const data = event.data;
    if (event.type === 'TokenIssued') {
      this.addToken(data as unknown as TokenIssuedData);
    } else if (event.type === 'TokenRevoked') {
      this.revoke(String(data.tokenId), String(data.occurredAt));
    } else if (typeof data.personId === 'string') {
      const next = evolveStanding(this.people.get(data.personId), event);
      if (next !== undefined) this.people.set(data.personId, next);
    }
  }

  setStanding(personId: string, standing: PersonStanding): void {
    this.people.set(personId, standing);
  }

  addToken(data: TokenIssuedData): void {
    if (this.tokens.has(data.tokenId)) return;
    this.tokens.set(data.tokenId, {
      tokenId: data.tokenId,
      personId: data.personId,
      label: data.label,
      issuedAt: data.occurredAt,
      hash: data.hash,
      revokedAt: null,
    });
    this.byHash.set(data.hash, data.tokenId);
  }

  revoke(tokenId: string, at: string): void {
    const token = this.tokens.get(tokenId);
    if (token === undefined || token.revokedAt !== null) return;
    this.tokens.set(tokenId, { ...token, revokedAt: at });
  }

  standingOf(personId: string): PersonStanding | undefined {
    return this.people.get(personId);
  }

  list(): TokenRecord[] {
    return [...this.tokens.values()].sort((a, b) => a.tokenId.localeCompare(b.tokenId));
  }

  /** The caller a token stands for; unknown, revoked or departed people's tokens fail. */
  authenticate(token: string): Principal | undefined {
    if (!looksLikeToken(token)) return undefined;
    const tokenId = this.byHash.get(hashTokenSecret(token));
    const record = tokenId === undefined ? undefined : this.tokens.get(tokenId);
    if (record === undefined || record.revokedAt !== null) return undefined;
    const standing = this.people.get(record.personId);
    if (standing === undefined || standing.departed) return undefined;
    return { personId: record.personId, role: standing.role, tokenId: record.tokenId };
  }
}
