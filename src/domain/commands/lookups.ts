/**
 * What command handling needs to know beyond one stream, answered by the
 * read models. A read model trails the log by a little, so a rule checked
 * through a lookup (the holding cap) can be passed by two commands racing on
 * different clients; rules on one client never depend on a lookup.
 */
export interface OwnershipLookup {
  /** Ids of the clients the person owns now, according to the current-ownership read model. */
  clientsOwnedBy(personId: string): Promise<readonly string[]>;
}
