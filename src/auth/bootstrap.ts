import type { CommandBus } from '../domain/commands/context';
import type { Logger } from '../log';
import type { IssuedToken, TokenService } from './token-service';

/**
 * A fixed command id for the first administrator: should two processes start
 * on an empty ledger at once, the command bus records the person once and
 * only the process that recorded it issues the token.
 */
export const bootstrapCommandId = '00000000000000000000000001';

export const bootstrapAdmin = {
  name: 'Administrator',
  email: 'admin@custody.local',
} as const;

/**
 * On a ledger with no people at all, adds an administrator and issues them a
 * token, so that the first start can be used at once. Returns the token
 * (to be shown once) or `undefined` when the ledger was set up already.
 */
export const bootstrapLedger = async (deps: {
  readonly bus: CommandBus;
  readonly tokens: TokenService;
  readonly logger: Logger;
  readonly now?: Date;
}): Promise<IssuedToken | undefined> => {
  if (deps.tokens.hasPeople()) return undefined;

  const outcome = await deps.bus.execute(
    { type: 'AddPerson', ...bootstrapAdmin, role: 'admin' },
    {
      actor: null,
      commandId: bootstrapCommandId,
      correlationId: bootstrapCommandId,
      source: 'system',
      now: deps.now ?? new Date(),
    },
  );
  if (outcome.replayed) return undefined;

  const personId = outcome.ids.personId ?? outcome.stream.replace(/^person-/, '');
  const issued = await deps.tokens.issueToken({
    personId,
    label: 'bootstrap administrator',
    by: { actor: null, source: 'system' },
  });
  deps.logger.info(
    { personId, tokenId: issued.tokenId },
    'ledger bootstrapped with an admin',
  );
  return issued;
};
