import { cpus } from 'node:os';
import { formatFigure, tableHeader, verdictOf, type Report } from './report';
import { run as eventStore } from './eventstore.bench';
import { run as projection } from './projection.bench';
import { run as http } from './http.bench';
import { run as ratelimit } from './ratelimit.bench';
import { run as player } from './player.bench';
import { run as analytics } from './analytics.bench';
import { run as gateway } from './gateway.bench';
import { run as sse } from './sse.bench';
import { run as asOf } from './as-of.bench';
import { run as metrics } from './metrics.bench';
import { run as webhooks } from './webhooks.bench';

const SUITES: Record<string, (report: Report) => Promise<void>> = {
  eventstore: eventStore,
  projection,
  http,
  ratelimit,
  player,
  analytics,
  gateway,
  sse,
  'as-of': asOf,
  metrics,
  webhooks,
};

/**
 * `npm run bench [suite…]`: runs every suite (or the named ones) and prints one table row per figure,
 * each with its same-run ceiling and the ratio where it has one.
 */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(SUITES);
  const unknown = names.filter((name) => !SUITES[name]);
  if (unknown.length > 0) {
    throw new Error(`unknown suite ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  }
  console.log(
    `Guildhall benchmarks — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
      new Date().toISOString(),
  );
  console.log('Absolute figures move with the machine; the ratios to the same-run ceilings do not.\n');
  console.log(tableHeader());
  let passed = 0;
  let below = 0;
  for (const name of names) {
    console.log(`# ${name}`);
    await SUITES[name]((figure) => {
      const verdict = verdictOf(figure);
      if (verdict === 'PASS') passed++;
      if (verdict === 'BELOW') below++;
      console.log(formatFigure(figure));
    });
  }
  console.log(`\n${passed} target(s) met, ${below} below target.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
