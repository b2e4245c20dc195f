/** Messages between the SSE benchmark and the server process it measures (over the IPC channel). */
export type SseBenchRequest =
  { readonly kind: 'append' } | { readonly kind: 'memory' } | { readonly kind: 'stop' };

export type SseBenchReply =
  | { readonly kind: 'ready'; readonly path: string; readonly authorization: string | undefined }
  | { readonly kind: 'appended' }
  | { readonly kind: 'memory'; readonly rss: number; readonly heapUsed: number };

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes of one machine. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/** Collects garbage (the child runs with --expose-gc) and reports what the process holds. */
export function memoryAfterGc(): SseBenchReply {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { kind: 'memory', rss, heapUsed };
}
