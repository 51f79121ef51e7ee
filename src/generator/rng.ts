import { createHash } from 'node:crypto';

/**
 * xoshiro128** (Blackman and Vigna): small, fast, and good enough for synthetic data. The generator
 * never touches Math.random: every choice comes from an Rng seeded from the history's seed, so the
 * same seed always gives the same history.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(words: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words;
    // An all-zero state would only ever yield zeros.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 0x9e3779b9;
  }

  /**
   * An independent stream per name (`Rng.of(seed, 'agreement', 17)`): each agreement draws from
   * its own stream, so its plan does not depend on how many numbers other parts consumed.
   */
  static of(...parts: readonly (string | number)[]): Rng {
    const digest = createHash('sha256').update(parts.join('/')).digest();
    return new Rng([digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12)]);
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of `entries`, each with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let target = this.next() * total;
    for (const [item, weight] of entries) {
      target -= weight;
      if (target < 0) return item;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('Rng.weighted from an empty list');
    return last[0];
  }

  /** Up to `count` distinct items, each drawn with probability proportional to its weight. */
  weightedDistinct<T>(entries: readonly (readonly [T, number])[], count: number): T[] {
    const left = [...entries];
    const chosen: T[] = [];
    while (chosen.length < count && left.length > 0) {
      const item = this.weighted(left);
      chosen.push(item);
      left.splice(left.findIndex(([candidate]) => candidate === item), 1);
    }
    return chosen;
  }

  /** Waiting time of a Poisson process with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** A weighted draw over a large, fixed list (countries, municipalities): binary search on the running total. */
export class WeightedTable<T> {
  private readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, weight]) => weight > 0);
    if (kept.length === 0) throw new Error('WeightedTable needs at least one positive weight');
    this.items = kept.map(([item]) => item);
    this.cumulative = new Float64Array(kept.length);
    let total = 0;
    kept.forEach(([, weight], index) => {
      total += weight;
      this.cumulative[index] = total;
    });
  }

  draw(rng: Rng): T {
    const target = rng.next() * (this.cumulative[this.cumulative.length - 1] as number);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low] as T;
  }
}
