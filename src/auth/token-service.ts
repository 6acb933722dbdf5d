import { ulid } from 'ulid';
import { shortTextSchema, stream, ulidSchema } from '../domain/events/primitives';
import { CustodyError } from '../errors';
import { StreamNotFoundError } from '../eventstore/errors';
import type { EventStore, RecordedEvent } from '../eventstore/port';
import type { Principal } from '../http/route';
import { type Logger, silentLogger } from '../log';
import type { Authenticator } from './authenticator';
import { followStreams } from './follow-streams';
import { foldStanding, type PersonStanding } from './person-standing';
import {
  type TokenActor,
  tokenEvent,
  tokenStream,
  tokenStreamPrefix,
} from './token-events';
import { TokenIndex, type TokenRecord } from './token-index';
import { generateTokenSecret, hashTokenSecret } from './token-secret';

export interface IssuedToken {
  readonly tokenId: string;
  /** The secret itself: shown once, never stored. */
  readonly token: string;
  readonly personId: string;
  readonly role: PersonStanding['role'];
}

export interface TokenSummary extends Omit<TokenRecord, 'hash'> {
  /** The person's role now, which is what the token grants. */
  readonly role: PersonStanding['role'] | null;
  readonly active: boolean;
}

export interface TokenService extends Authenticator {
  authenticate(token: string): Principal | undefined;
  issueToken(input: {
    readonly personId: string;
    readonly label?: string;
    readonly by?: TokenActor;
  }): Promise<IssuedToken>;
  /** `revoked` is false when the token had been revoked already. */
  revokeToken(tokenId: string, by?: TokenActor): Promise<{ readonly revoked: boolean }>;
  listTokens(): TokenSummary[];
  /**
   * Re-reads one person's stream, so that a role change or departure made
   * in this process applies to their tokens at once, not when the
   * subscription delivers it.
   */
  refreshPerson(personId: string): Promise<void>;
  /** True once any person has joined: the ledger has been set up. */
  hasPeople(): boolean;
  close(): Promise<void>;
}

const operator: TokenActor = { actor: null, source: 'cli' };

const checkId = (value: string, path: string): void => {
  if (!ulidSchema.safeParse(value).success) {
    throw new CustodyError('validation', 'validation.failed', `${path} must be a ULID`, {
      path,
    });
  }
};

const readStandingOf = async (
  store: EventStore,
  personId: string,
): Promise<PersonStanding | undefined> => {
  try {
    return foldStanding(await store.readStream(stream.person(personId)));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
};

const readTokenStream = async (store: EventStore, tokenId: string) => {
  try {
    return await store.readStream(tokenStream(tokenId));
  } catch (error) {
    if (error instanceof StreamNotFoundError) {
      throw new CustodyError('not-found', 'token.not-found', `No token ${tokenId}`, {
        path: 'tokenId',
      });
    }
    throw error;
  }
};

/**
 * Opens the token service: replays the token and person streams into memory,
 * then keeps following them. Resolves once the replay is complete.
 */
export const openTokenService = async (options: {
  readonly store: EventStore;
  readonly logger?: Logger;
  readonly now?: () => Date;
}): Promise<TokenService> => {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const index = new TokenIndex();
  const follower = followStreams(
    store,
    [tokenStreamPrefix, stream.person('')],
    (event: RecordedEvent) => index.apply(event),
    options.logger ?? silentLogger,
  );
  await follower.caughtUp;

  return {
    authenticate: (token) => index.authenticate(token),

    async issueToken({ personId, label = 'token', by = operator }) {
      checkId(personId, 'personId');
      const parsedLabel = shortTextSchema.safeParse(label);
      if (!parsedLabel.success) {
        throw new CustodyError(
          'validation',
          'validation.failed',
          'label must be 1 to 200 characters',
          {
            path: 'label',
          },
        );
      }
      // The person stream, not the index, decides: it is never behind.
      const standing = await readStandingOf(store, personId);
      if (standing === undefined) {
        throw new CustodyError('not-found', 'person.not-found', `No person ${personId}`, {
          path: 'personId',
        });
      }
      if (standing.departed) {
        throw new CustodyError('rule', 'person.departed', `Person ${personId} has left`, {
          path: 'personId',
        });
      }

      const tokenId = ulid();
      const token = generateTokenSecret();
      const at = now();
      const data = {
        tokenId,
        personId,
        role: standing.role,
        hash: hashTokenSecret(token),
        label: parsedLabel.data,
        occurredAt: at.toISOString(),
      };
      await store.append(
        tokenStream(tokenId),
        [tokenEvent('TokenIssued', data, by, at)],
        {
          expectedRevision: 'no_stream',
        },
      );
      index.setStanding(personId, standing);
      index.addToken(data);
      return { tokenId, token, personId, role: standing.role };
    },

    async revokeToken(tokenId, by = operator) {
      checkId(tokenId, 'tokenId');
      const events = await readTokenStream(store, tokenId);
      if (events.some((event) => event.type === 'TokenRevoked'))
        return { revoked: false };
      const at = now();
      const data = { tokenId, occurredAt: at.toISOString() };
      await store.append(
        tokenStream(tokenId),
        [tokenEvent('TokenRevoked', data, by, at)],
        {
          expectedRevision: events.length - 1,
        },
      );
      index.revoke(tokenId, data.occurredAt);
      return { revoked: true };
    },

    listTokens: () =>
      index.list().map(({ hash: _hash, ...record }) => {
        const standing = index.standingOf(record.personId);
        return {
          ...record,
          role: standing?.role ?? null,
          active:
            record.revokedAt === null && standing !== undefined && !standing.departed,
        };
      }),

    async refreshPerson(personId) {
      const standing = await readStandingOf(store, personId);
      if (standing !== undefined) index.setStanding(personId, standing);
    },

    hasPeople: () => index.peopleCount > 0,

    close: () => follower.close(),
  };
};
