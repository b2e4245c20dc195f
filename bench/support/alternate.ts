/** A measurement that answers a rate: higher is better. */
export type Measure = () => Promise<number> | number;

/**
 * Runs every contender once per round, in turn, for `rounds` rounds, and keeps each one's best rate.
 * Side by side, a slow spell of the machine hits both a figure and its ceiling; and since other work
 * on a shared machine only ever slows a round down, the best round is the steadiest estimate.
 */
export async function bestOfAlternating<K extends string>(
  rounds: number,
  contenders: Record<K, Measure>,
): Promise<Record<K, number>> {
  const names = Object.keys(contenders) as K[];
  const best = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
  for (let round = 0; round < rounds; round++) {
    for (const name of names) best[name] = Math.max(best[name], await contenders[name]());
  }
  return best;
}
