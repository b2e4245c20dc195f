/** One printed benchmark figure. */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly ok?: boolean;
}

export type Report = (figure: BenchFigure) => void;

export function printFigure(figure: BenchFigure): void {
  const value =
    figure.value >= 100 ? Math.round(figure.value).toLocaleString('en-US') : figure.value.toFixed(2);
  const verdict = figure.ok === undefined ? '' : figure.ok ? '  ok' : '  MISSED';
  const target = figure.target ? `  (target ${figure.target})` : '';
  console.log(`${figure.name.padEnd(58)} ${value.padStart(12)} ${figure.unit.padEnd(10)}${target}${verdict}`);
}
