import { printFigure, type Report } from './report';
import { run as eventStore } from './eventstore.bench';
import { run as projection } from './projection.bench';
import { run as http } from './http.bench';
import { run as ratelimit } from './ratelimit.bench';
import { run as player } from './player.bench';
import { run as analytics } from './analytics.bench';
import { run as gateway } from './gateway.bench';

const SUITES: Record<string, (report: Report) => Promise<void>> = {
  eventstore: eventStore,
  projection,
  http,
  ratelimit,
  player,
  analytics,
  gateway,
};

/** `npm run bench [suite…]`: runs every suite (or the named ones) and prints one line per figure. */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(SUITES);
  console.log(`Guildhall benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  let missed = 0;
  for (const name of names) {
    const suite = SUITES[name];
    if (!suite) throw new Error(`unknown suite ${name}; known: ${Object.keys(SUITES).join(', ')}`);
    console.log(`\n# ${name}`);
    await suite((figure) => {
      if (figure.ok === false) missed++;
      printFigure(figure);
    });
  }
  console.log(missed === 0 ? '\nAll targets met.' : `\n${missed} target(s) missed.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
