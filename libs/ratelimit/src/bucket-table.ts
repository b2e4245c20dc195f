// Buckets of the in-memory limiter. Two choices keep the hot path lean:
// - one Map per policy name keyed by the caller's key, instead of one Map keyed by `${name}:${key}`,
//   spares a string concatenation whose flattening and hashing cost more than the rest of a check;
// - the Maps hold slot numbers (small integers, stored unboxed) into one Float64Array of TATs, so an
//   update is an array write: a Map of doubles would box a fresh number on every set, and those
//   boxes, held by a long-lived Map, become old-generation garbage.
const MIN_CAPACITY = 1024;

export class BucketTable {
  /** TAT in microseconds per slot; replaced when it grows or shrinks, so read it through the table. */
  tats = new Float64Array(MIN_CAPACITY);
  private readonly byPolicy = new Map<string, Map<string, number>>();
  private readonly free: number[] = [];
  private highWater = 0;
  private live = 0;
  private policies: MapIterator<Map<string, number>> | undefined;
  private current: Map<string, number> | undefined;
  private entries: MapIterator<[string, number]> | undefined;

  /** Slots of one policy name's buckets, by key; created on first use. */
  of(policyName: string): Map<string, number> {
    let slots = this.byPolicy.get(policyName);
    if (slots === undefined) {
      slots = new Map();
      this.byPolicy.set(policyName, slots);
    }
    return slots;
  }

  /** Stores a TAT for a key that has no slot yet. */
  add(slots: Map<string, number>, key: string, tatUs: number): void {
    let slot = this.free.pop();
    if (slot === undefined) {
      if (this.highWater === this.tats.length) this.resize(this.tats.length * 2);
      slot = this.highWater++;
    }
    this.tats[slot] = tatUs;
    slots.set(key, slot);
    this.live++;
  }

  get size(): number {
    return this.live;
  }

  /**
   * Deletes buckets whose TAT is at or before `nowUs` (full again, so the same as absent), examining at
   * most `budget` entries from where the last call stopped and wrapping around once.
   */
  sweep(nowUs: number, budget: number): number {
    let evicted = 0;
    let examined = 0;
    let wrapped = false;
    while (examined < budget) {
      if (this.entries === undefined || this.current === undefined) {
        this.policies ??= this.byPolicy.values();
        let next = this.policies.next();
        if (next.done) {
          if (wrapped) break;
          wrapped = true;
          this.policies = this.byPolicy.values();
          next = this.policies.next();
          if (next.done) break;
        }
        this.current = next.value;
        this.entries = this.current.entries();
      }
      const entry = this.entries.next();
      if (entry.done) {
        this.entries = undefined;
        continue;
      }
      examined++;
      const [key, slot] = entry.value;
      // Deleting the entry just returned is safe for a live Map iterator.
      if (this.tats[slot] <= nowUs) {
        this.current.delete(key);
        this.free.push(slot);
        this.live--;
        evicted++;
      }
    }
    if (this.tats.length > MIN_CAPACITY && this.live < this.tats.length / 4) this.compact();
    return evicted;
  }

  // Renumbers live slots densely into a smaller array, so memory follows the live count back down.
  private compact(): void {
    const old = this.tats;
    this.tats = new Float64Array(Math.max(MIN_CAPACITY, this.live * 2));
    let next = 0;
    for (const slots of this.byPolicy.values()) {
      // Re-setting an existing key keeps its place, so iterators held by the sweep stay valid.
      for (const [key, slot] of slots) {
        this.tats[next] = old[slot];
        slots.set(key, next++);
      }
    }
    this.highWater = next;
    this.free.length = 0;
  }

  private resize(capacity: number): void {
    const grown = new Float64Array(capacity);
    grown.set(this.tats.subarray(0, this.highWater));
    this.tats = grown;
  }
}
