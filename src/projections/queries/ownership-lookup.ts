import type { OwnershipLookup } from '../../domain/commands/lookups';
import type { ReadModels } from '../read-models';

/**
 * The holding-cap lookup for command handling, answered from the current
 * ownership read model (so it trails the log by whatever the engine lags).
 */
export class ReadModelOwnershipLookup implements OwnershipLookup {
  constructor(private readonly models: ReadModels) {}

  async clientsOwnedBy(personId: string): Promise<readonly string[]> {
    const owned: string[] = [];
    for (const client of this.models.clients().values()) {
      // Archived and merged clients accept no activity, so they do not use the cap.
      if (client.ownerId !== personId) continue;
      if (client.archivedAt === null && client.mergedInto === null)
        owned.push(client.clientId);
    }
    return owned.sort();
  }
}
