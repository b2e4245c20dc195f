/**
 * What a figure is held to. Absolute figures move with the machine, so a figure with a natural ceiling
 * is held to a ratio of that ceiling, measured in the same run; the rest keep a bound on their value.
 */
export type BenchTarget =
  { readonly ratioAtLeast: number } | { readonly atLeast: number } | { readonly atMost: number };

/** One printed benchmark figure. Higher is better wherever a ceiling is given, unless `lowerIsBetter`. */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same quantity for the figure's natural ceiling, measured in this run on this machine. */
  readonly ceiling?: number;
  /**
   * A latency or a cost, where less is better: the ratio is then ceiling / value, so on every row a
   * ratio of 1 means as good as the ceiling and less means worse.
   */
  readonly lowerIsBetter?: boolean;
  readonly target?: BenchTarget;
}

export type Report = (figure: BenchFigure) => void;

export type Verdict = 'PASS' | 'BELOW' | undefined;

export function ratioOf(figure: BenchFigure): number | undefined {
  if (figure.ceiling === undefined) return undefined;
  return figure.lowerIsBetter ? figure.ceiling / figure.value : figure.value / figure.ceiling;
}

export function verdictOf(figure: BenchFigure): Verdict {
  const { target } = figure;
  if (!target) return undefined;
  let met: boolean;
  if ('ratioAtLeast' in target) met = (ratioOf(figure) ?? 0) >= target.ratioAtLeast;
  else if ('atLeast' in target) met = figure.value >= target.atLeast;
  else met = figure.value <= target.atMost;
  return met ? 'PASS' : 'BELOW';
}

const COLUMNS = [
  ['figure', 62],
  ['value', 13],
  ['ceiling', 13],
  ['unit', 10],
  ['ratio', 6],
  ['target', 12],
  ['', 5],
] as const;

function row(cells: readonly string[]): string {
  return COLUMNS.map(([, width], i) =>
    i === 0 || i === 3 ? cells[i].padEnd(width) : cells[i].padStart(width),
  )
    .join(' ')
    .trimEnd();
}

/** The table's header; printed once before the first figure. */
export function tableHeader(): string {
  const header = row(COLUMNS.map(([title]) => title));
  return `${header}\n${'-'.repeat(header.length)}`;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(2);
}

function formatTarget(target: BenchTarget | undefined, unit: string): string {
  if (!target) return '';
  if ('ratioAtLeast' in target) return `≥ ${target.ratioAtLeast.toFixed(2)}`;
  if ('atLeast' in target) return `≥ ${formatNumber(target.atLeast)}`;
  return `≤ ${formatNumber(target.atMost)}${unit === 'ms' ? ' ms' : ''}`;
}

/** One table row: value, ceiling, unit, ratio, target and PASS/BELOW. */
export function formatFigure(figure: BenchFigure): string {
  const ratio = ratioOf(figure);
  return row([
    figure.name,
    formatNumber(figure.value),
    figure.ceiling === undefined ? '' : formatNumber(figure.ceiling),
    figure.unit,
    ratio === undefined ? '' : ratio.toFixed(2),
    formatTarget(figure.target, figure.unit),
    verdictOf(figure) ?? '',
  ]);
}
