import Table from 'cli-table3';

/**
 * Rows under a header, in cli-table3's box: plain text without colours, so piped output and logs
 * stay readable; columns as wide as their widest cell, nothing wrapped or cut.
 */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const box = new Table({ head: [...head], style: { head: [], border: [], compact: true } });
  box.push(...rows.map((row) => [...row]));
  return box.toString();
}
