import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in the package's own package.json (dist/apps/cli/src → the package root). */
export function cliVersion(root = join(__dirname, '..', '..', '..', '..')): string {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return version;
}
