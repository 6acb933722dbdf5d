/**
 * `npm run bench`: runs every part of the benchmark in one process, prints a
 * table, and with `--json` prints one JSON object with every figure as the
 * last line. Each part measures its own baseline in the same run, so the
 * figures to compare across machines are the ratios.
 *
 * `npm run bench -- --only store,api` runs some parts only.
 */
import { runApiBench } from './api';
import { runImportBench } from './import';
import { runProjectionBench } from './projections';
import type { BenchResult } from './report';
import { runStoreBench } from './store';

interface Part {
  readonly name: string;
  run(): Promise<BenchResult>;
}

const parts: readonly Part[] = [
  { name: 'store', run: () => runStoreBench() },
  { name: 'api', run: () => runApiBench() },
  { name: 'projections', run: () => runProjectionBench() },
  { name: 'import', run: () => runImportBench() },
];

const formatNumber = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);

const printTable = (results: readonly BenchResult[]): void => {
  const lines = [['part', 'measurement', 'value', 'unit', 'ratio', 'against']];
  for (const result of results) {
    for (const row of result.rows) {
      lines.push([
        result.part,
        row.label,
        formatNumber(row.value),
        row.unit,
        row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}x`,
        row.against ?? '',
      ]);
    }
  }
  const widths = lines[0]!.map((_, column) =>
    Math.max(...lines.map((line) => line[column]!.length)),
  );
  for (const [index, line] of lines.entries()) {
    console.log(line.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',') : undefined;
  const selected = parts.filter((part) => !only || only.includes(part.name));

  const results: BenchResult[] = [];
  for (const part of selected) {
    console.error(`bench: running ${part.name}...`);
    results.push(await part.run());
  }

  printTable(results);
  if (json) {
    const figures = Object.assign({}, ...results.map((result) => result.figures));
    console.log(JSON.stringify(figures));
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
