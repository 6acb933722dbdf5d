import type { ProjectionDefinition } from '../../projections/definition';
import type { LedgerEvent } from '../domain/events/catalogue';
import type { Position } from '../eventstore/port';
import { comparePositions } from '../eventstore/position';
import type { ProjectionSave, StoredCheckpoint } from './storage';

/**
 * One projection at run time: its entities in memory, the keys changed since
 * the last flush, and how far in the log it has folded.
 */
export class RunningProjection {
  entities = new Map<string, unknown>();
  private dirty = new Set<string>();
  position: Position | undefined;
  events = 0;
  /** Set after a restore: events up to here are already folded in. */
  private skipThrough: Position | undefined;

  constructor(readonly definition: ProjectionDefinition<unknown>) {}

  get name(): string {
    return this.definition.name;
  }

  restore(checkpoint: StoredCheckpoint, entities: Map<string, unknown>): void {
    this.entities = entities;
    this.position = checkpoint.position;
    this.skipThrough = checkpoint.position;
    this.events = checkpoint.events;
  }

  reset(): void {
    this.entities = new Map();
    this.dirty = new Set();
    this.position = undefined;
    this.skipThrough = undefined;
    this.events = 0;
  }

  /** Folds the event in, unless this projection already has (it resumed further on). */
  apply(event: LedgerEvent | undefined, position: Position): void {
    if (this.skipThrough) {
      // Another projection resumed from further back; this one waits for its own point.
      if (comparePositions(position, this.skipThrough) <= 0) return;
      this.skipThrough = undefined;
    }
    this.position = position;
    if (!event) return;
    const keys = this.definition.keysOf(event);
    if (keys.length === 0) return;
    this.events += 1;
    for (const key of keys) {
      const entity = this.entities.get(key);
      const next = this.definition.evolve(entity, event, key);
      if (next === undefined) {
        if (entity === undefined) continue;
        this.entities.delete(key);
      } else if (next !== entity) {
        this.entities.set(key, next);
      }
      this.dirty.add(key);
    }
  }

  /** The changes to persist, and forgets them (the caller writes them now). */
  takeSave(): ProjectionSave {
    const keys = this.dirty;
    this.dirty = new Set();
    const entities = this.entities;
    return {
      name: this.name,
      checkpoint: {
        version: this.definition.version,
        settingsKey: this.definition.settingsKey,
        position: this.position,
        events: this.events,
      },
      changes: [...keys].map((key) => [key, entities.get(key)] as const),
    };
  }
}
