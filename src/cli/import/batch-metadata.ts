import { metadataFor } from '../../commands/event-metadata';
import type { CommandContext } from '../../domain/commands';
import type { EventMetadata, EventType } from '../../domain/events';

/**
 * The command bus's metadata (metadataFor) for many commands that differ only
 * in their command id. metadataFor checks every field with the metadata
 * schema; the batch writer calls it thousands of times a second with the same
 * actor, source, type and clock millisecond. So the schema checks one
 * template per such combination, and each command's copy replaces only the
 * three ids, after the same length check the schema makes on them. A context
 * with its own correlation, causation or request id goes to metadataFor.
 */
export class BatchMetadata {
  private readonly templates = new Map<string, EventMetadata>();
  /** The last template used and what it was made for: runs of rows mostly repeat it. */
  private last:
    | {
        readonly template: EventMetadata;
        readonly type: EventType;
        readonly actor: CommandContext['actor'];
        readonly source: CommandContext['source'];
        readonly at: number;
      }
    | undefined;

  of(context: CommandContext, type: EventType): EventMetadata {
    const { commandId } = context;
    if (
      context.correlationId !== undefined ||
      context.causationId !== undefined ||
      context.requestId !== undefined ||
      commandId.length < 1 ||
      commandId.length > 200
    ) {
      return metadataFor(context, type);
    }
    const last = this.last;
    if (
      last !== undefined &&
      last.type === type &&
      last.actor === context.actor &&
      last.source === context.source &&
      last.at === context.now.getTime()
    ) {
      return withIds(last.template, commandId);
    }
    const recordedAt = context.now.toISOString();
    const key = `${type}\u0000${context.actor?.personId ?? ''}\u0000${context.actor?.role ?? ''}\u0000${context.source}\u0000${recordedAt}`;
    let template = this.templates.get(key);
    if (template === undefined) {
      // The clock moves on: keep only the current millisecond's templates.
      if (this.templates.size > 64) this.templates.clear();
      template = metadataFor(context, type);
      this.templates.set(key, template);
    }
    this.last = {
      template,
      type,
      actor: context.actor,
      source: context.source,
      at: context.now.getTime(),
    };
    return withIds(template, commandId);
  }
}

const withIds = (template: EventMetadata, commandId: string): EventMetadata => ({
  ...template,
  commandId,
  correlationId: commandId,
  causationId: commandId,
});
