import { argument as arg, type PrefixCommand } from '../commands/prefix/prefix-command';
import type { KeyActions } from './key-actions';

/** `h!api-key` (sent in a DM: the key comes back in the DM), `h!keys`, `h!revokekey <key id>`. */
export function keyPrefixCommands(keys: KeyActions): PrefixCommand[] {
  return [
    { name: 'api-key', aliases: ['apikey'], run: (i) => keys.accountKey(i) },
    { name: 'keys', run: (i) => keys.listKeys(i) },
    { name: 'revokekey', usage: '<key id>', run: (i, m) => keys.revokeKey(i, arg(m, 0)) },
  ];
}
