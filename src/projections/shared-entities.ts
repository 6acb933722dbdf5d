/**
 * The entities of every projection, one slot per key: `slotFor(key)[n]` is
 * projection n's entity under that key. Most events concern one client, and
 * most projections key their entities by client, so an event's projections
 * find their entities through one lookup of its key instead of one each.
 * With hundreds of megabytes of state those lookups miss the CPU caches; in
 * a rebuild they cost more than most of the folding itself.
 */
export class SharedEntities {
  private readonly slots = new Map<string, unknown[]>();
  // The last two keys asked for: an event's projections ask for the same one or
  // two keys (its client, its person) one after the other.
  private recentKey = '';
  private recentSlot: unknown[] | undefined;
  private previousKey = '';
  private previousSlot: unknown[] | undefined;

  constructor(private readonly width: number) {}

  slotFor(key: string): unknown[] {
    if (key === this.recentKey && this.recentSlot) return this.recentSlot;
    if (key === this.previousKey && this.previousSlot) {
      const slot = this.previousSlot;
      this.previousKey = this.recentKey;
      this.previousSlot = this.recentSlot;
      this.recentKey = key;
      this.recentSlot = slot;
      return slot;
    }
    let slot = this.slots.get(key);
    if (!slot) {
      slot = new Array<unknown>(this.width).fill(undefined);
      this.slots.set(key, slot);
    }
    this.previousKey = this.recentKey;
    this.previousSlot = this.recentSlot;
    this.recentKey = key;
    this.recentSlot = slot;
    return slot;
  }

  /** Forgets projection `index`'s entities, for a reset or a restore. */
  clear(index: number): void {
    for (const slot of this.slots.values()) slot[index] = undefined;
  }
}
