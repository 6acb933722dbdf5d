import type { CommandContext } from '../domain/commands/context';
import {
  type EventMetadata,
  type EventType,
  eventMetadataSchema,
  eventSchemaVersions,
} from '../domain/events';

/** Metadata for an event the command writes; the actor comes from the context alone. */
export const metadataFor = (context: CommandContext, type: EventType): EventMetadata =>
  eventMetadataSchema.parse({
    actorId: context.actor?.personId ?? null,
    actorRole: context.actor?.role ?? null,
    commandId: context.commandId,
    correlationId: context.correlationId ?? context.commandId,
    causationId: context.causationId ?? context.commandId,
    source: context.source,
    schemaVersion: eventSchemaVersions[type],
    recordedAt: context.now.toISOString(),
    ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
  });
