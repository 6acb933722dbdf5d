import type { Principal } from '../http/route';

/** Turns a presented bearer token into the caller, or `undefined` when not valid. */
export interface Authenticator {
  authenticate(token: string): Principal | undefined | Promise<Principal | undefined>;
}
