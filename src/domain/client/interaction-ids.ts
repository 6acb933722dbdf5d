/**
 * The interaction ids a client has logged, for the `interaction.already-logged`
 * rule. A client logs interactions for years, so adding one must not copy the
 * others: successive versions share one map from id to the order it was added
 * in, and a version holds the ids added before its `size`. Adding to the
 * newest version extends the shared map in place, which no older version can
 * see; adding to an older one (a state evolved twice) copies what it holds.
 * Every version therefore behaves as an immutable set.
 */
export class InteractionIds {
  readonly #order: Map<string, number>;
  readonly size: number;

  private constructor(order: Map<string, number>, size: number) {
    this.#order = order;
    this.size = size;
  }

  static empty(): InteractionIds {
    return new InteractionIds(new Map(), 0);
  }

  has(id: string): boolean {
    const added = this.#order.get(id);
    return added !== undefined && added < this.size;
  }

  /** This set with the id added; the receiver is left as it was. */
  with(id: string): InteractionIds {
    if (this.has(id)) return this;
    // The order numbers are 0..n-1, so a map as large as this version is its own.
    if (this.#order.size === this.size) {
      this.#order.set(id, this.size);
      return new InteractionIds(this.#order, this.size + 1);
    }
    const copy = new Map<string, number>();
    for (const [kept, added] of this.#order) if (added < this.size) copy.set(kept, added);
    copy.set(id, this.size);
    return new InteractionIds(copy, this.size + 1);
  }
}
