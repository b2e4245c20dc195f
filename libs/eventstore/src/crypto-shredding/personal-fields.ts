/** What the store must know of a personal field: the event type, whose it is, and where it is. */
export interface PersonalFieldRule {
  readonly eventType: string;
  readonly subjectOf: (data: unknown) => string | null;
  readonly paths: readonly (readonly string[])[];
}

type Transform = (value: unknown, path: string) => unknown;

/**
 * Copies `data` with `transform` applied at each path that exists, sharing everything it does not
 * touch; returns `data` itself when no value changed.
 */
export async function mapPaths(
  data: unknown,
  paths: readonly (readonly string[])[],
  transform: Transform,
): Promise<unknown> {
  let result = data;
  for (const path of paths) result = await mapPath(result, path, 0, transform);
  return result;
}

async function mapPath(
  node: unknown,
  path: readonly string[],
  depth: number,
  transform: Transform,
): Promise<unknown> {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  const key = path[depth];
  if (!Object.hasOwn(node, key)) return node;
  const value = (node as Record<string, unknown>)[key];
  const next: unknown =
    depth === path.length - 1
      ? await transform(value, path.join('.'))
      : await mapPath(value, path, depth + 1, transform);
  return next === value ? node : { ...node, [key]: next };
}
