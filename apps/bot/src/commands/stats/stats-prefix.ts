import type { PrefixCommand } from '../prefix/prefix-command';
import type { StatsActions } from './stats-actions';

export function statsPrefixCommands(stats: StatsActions): PrefixCommand[] {
  return [
    { name: 'stats', run: (i) => stats.stats(i) },
    { name: 'analytics', run: (i) => stats.analytics(i) },
  ];
}
