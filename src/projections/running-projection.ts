import type { ProjectionDefinition } from '../../projections/definition';
import type { LedgerEvent } from '../domain/events/catalogue';
import type { Position } from '../eventstore/port';
import { comparePositions } from '../eventstore/position';
import type { FoldedProjection } from './parallel-fold';
import type { SharedEntities } from './shared-entities';
import { PersistedJson, type ProjectionSave, type StoredCheckpoint } from './storage';

/**
 * One projection at run time: its entities in memory, the keys changed since
 * the last flush, and how far in the log it has folded. The engine hands it
 * only the event types it declares; its position is brought up to the
 * engine's when it is saved, so that skipped events cost nothing.
 */
export class RunningProjection {
  /**
   * The entities by key, for queries and saves. Folding finds them through
   * the engine's shared slots instead (see `SharedEntities`); this map only
   * changes when an entity appears, is replaced or disappears.
   */
  entities = new Map<string, unknown>();
  private dirty = new Set<string>();
  /**
   * Nothing of this projection is persisted yet (it starts from zero, its rows
   * deleted or never written): the next save writes every entity, so changed
   * keys need no tracking until then, which a rebuild would pay on every event.
   */
  private saveAll = true;
  /** Where the projection stands as of its last save (or restore). */
  position: Position | undefined;
  events = 0;
  /** Events up to here are already folded in: it resumed further on than the feed. */
  private skipThrough: Position | undefined;
  /**
   * Folded on another thread and not saved yet: the persisted JSON of every
   * entity as it arrived, saved as it is unless the entity changed since.
   */
  private arrived: ReadonlyMap<string, string> | undefined;
  /**
   * Being folded on another thread: the engine hands this projection no
   * events and saves nothing of it until `install` brings its state.
   */
  parked = false;

  constructor(
    readonly definition: ProjectionDefinition<unknown>,
    /** This projection's place in each slot of `shared`. */
    private readonly index: number,
    private readonly shared: SharedEntities,
  ) {}

  get name(): string {
    return this.definition.name;
  }

  restore(checkpoint: StoredCheckpoint, entities: Map<string, unknown>): void {
    const form = this.definition.stored;
    if (form) {
      for (const [key, stored] of entities) entities.set(key, form.decode(stored, key));
    }
    this.entities = entities;
    this.shared.clear(this.index);
    for (const [key, entity] of entities) this.shared.slotFor(key)[this.index] = entity;
    this.saveAll = false;
    this.position = checkpoint.position;
    this.events = checkpoint.events;
  }

  /**
   * Takes the state another thread folded through `position`: entities in
   * their persisted JSON, as `ProjectionStorage` would load them.
   */
  install(folded: FoldedProjection, position: Position): void {
    const form = this.definition.stored;
    const entities = new Map<string, unknown>();
    this.shared.clear(this.index);
    for (const [key, text] of folded.entries) {
      const stored: unknown = JSON.parse(text);
      const entity = form ? form.decode(stored, key) : stored;
      entities.set(key, entity);
      this.shared.slotFor(key)[this.index] = entity;
    }
    this.entities = entities;
    this.arrived = new Map(folded.entries);
    this.dirty = new Set();
    this.saveAll = false;
    this.skipThrough = undefined;
    this.position = position;
    this.events = folded.events;
    this.parked = false;
  }

  reset(): void {
    this.entities = new Map();
    this.shared.clear(this.index);
    this.arrived = undefined;
    this.parked = false;
    this.dirty = new Set();
    this.saveAll = true;
    this.position = undefined;
    this.skipThrough = undefined;
    this.events = 0;
  }

  /** The feed restarts after `from`: anything up to our own position is skipped. */
  resumeFrom(from: Position | undefined): void {
    const own = this.position;
    this.skipThrough =
      own && (!from || comparePositions(own, from) > 0) ? own : undefined;
  }

  /** Folds the event in, unless this projection already has. */
  apply(event: LedgerEvent, position: Position): void {
    if (this.skipThrough) {
      if (comparePositions(position, this.skipThrough) <= 0) return;
      this.skipThrough = undefined;
    }
    const keys = this.definition.keysOf(event);
    if (keys.length === 0) return;
    this.events += 1;
    const { index } = this;
    for (let k = 0; k < keys.length; k += 1) {
      const key = keys[k]!;
      const slot = this.shared.slotFor(key);
      const entity = slot[index];
      const next = this.definition.evolve(entity, event, key);
      if (next === undefined) {
        if (entity === undefined) continue;
        slot[index] = undefined;
        this.entities.delete(key);
      } else if (next !== entity) {
        slot[index] = next;
        this.entities.set(key, next);
      }
      if (!this.saveAll) this.dirty.add(key);
    }
  }

  /**
   * The changes to persist with the checkpoint at `current` (the engine's
   * position), and forgets them: the caller writes them now.
   */
  takeSave(current: Position | undefined): ProjectionSave {
    const ahead =
      this.skipThrough && (!current || comparePositions(this.skipThrough, current) > 0);
    this.position = ahead ? this.skipThrough : (current ?? this.position);
    const entities = this.entities;
    const dirty = this.dirty;
    const keys = this.saveAll ? entities.keys() : dirty;
    this.dirty = new Set();
    this.saveAll = false;
    const form = this.definition.stored;
    const changes: (readonly [string, unknown])[] = [];
    for (const key of keys) {
      const entity = entities.get(key);
      changes.push([key, form && entity !== undefined ? form.encode(entity) : entity]);
    }
    if (this.arrived) {
      for (const [key, text] of this.arrived) {
        if (!dirty.has(key)) changes.push([key, new PersistedJson(text)]);
      }
      this.arrived = undefined;
    }
    return {
      name: this.name,
      checkpoint: {
        version: this.definition.version,
        settingsKey: this.definition.settingsKey,
        position: this.position,
        events: this.events,
      },
      changes,
    };
  }
}
