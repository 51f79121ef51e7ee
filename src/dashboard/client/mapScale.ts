/* How the map shades its states: quantile classes of the non-zero counts. No DOM here. */

export interface ShadeClass {
  /** 1 (lightest) to `classes` (darkest); 0 is kept for a zero count. */
  readonly index: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Up to `classes` classes over the non-zero counts, each holding about as many states, so a few
 * very active states (Mexico City, Jalisco) do not wash every other state out to the lightest
 * shade. Classes never overlap and cover every count from 1 to the largest.
 */
export const shadeClasses = (counts: readonly number[], classes = 5): readonly ShadeClass[] => {
  const values = counts.filter((count) => count > 0).sort((a, b) => a - b);
  if (values.length === 0) return [];
  const uppers: number[] = [];
  for (let index = 1; index <= classes; index += 1) {
    const upper = values[Math.min(values.length - 1, Math.ceil((index * values.length) / classes) - 1)] as number;
    if (uppers.length === 0 || upper > (uppers[uppers.length - 1] as number)) uppers.push(upper);
  }
  return uppers.map((to, index) => ({ index: index + 1, from: index === 0 ? 1 : (uppers[index - 1] as number) + 1, to }));
};

/** The class a count falls in: 0 for zero. */
export const shadeOf = (count: number, classes: readonly ShadeClass[]): number =>
  count <= 0 ? 0 : (classes.find((shade) => count <= shade.to)?.index ?? classes.length);
