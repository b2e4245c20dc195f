import { SingleBar, Presets } from 'cli-progress';
import type { Projections } from '#core';

/** Rebuilds one projection, or all, from position 0, drawing a progress bar per projection. */
export async function replay(projections: Projections, target: string): Promise<void> {
  const names = target === 'all' ? projections.names() : [target];
  const unknown = names.filter((name) => !projections.names().includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown projection ${unknown.join(', ')}; known: ${projections.names().join(', ')}, all`,
    );
  }
  for (const name of names) {
    const bar = new SingleBar(
      {
        format: `${name.padEnd(12)} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left`,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      },
      Presets.shades_classic,
    );
    bar.start(1, 0);
    const started = performance.now();
    let applied: number;
    try {
      applied = await projections.rebuild(name, (done, total) => {
        bar.setTotal(Math.max(total, 1));
        bar.update(done);
      });
    } finally {
      bar.stop(); // its redraw timer would otherwise keep the process alive after a failure
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`${name}: rebuilt from ${applied} events in ${seconds.toFixed(1)} s`);
  }
}
