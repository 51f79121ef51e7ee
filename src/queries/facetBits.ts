/**
 * Facet filters as bit masks: the projections keep a state's or theme's membership as one bit of
 * a number per agreement, so a filter over several values is one AND. Shared by the agreement and
 * timeline searches, which must read a filter the same way.
 */

/** The bits of the values a filter lists, and whether one of them has no bit (matches nothing). */
export interface FacetBits {
  readonly bits: number;
  readonly other: boolean;
}

/** Undefined when the filter does not constrain this facet. */
export const bitsOf = <T>(values: Iterable<T> | undefined, bit: (value: T) => number | undefined): FacetBits | undefined => {
  if (values === undefined) return undefined;
  let bits = 0;
  let other = false;
  for (const value of values) {
    const found = bit(value);
    if (found === undefined) other = true;
    else bits |= found;
  }
  return { bits, other };
};

/** The bit of an INEGI state code ("01"–"32"); undefined for anything else. */
export const stateBit = (value: string | number): number | undefined => {
  const state = Number(value);
  return typeof value === 'string' && /^\d{2}$/.test(value) && state >= 1 && state <= 32 ? 1 << (state - 1) : undefined;
};
