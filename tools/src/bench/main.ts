/**
 * `npm run bench`: runs every benchmark section (or those named on the command line, e.g.
 * `npm run bench -- core`) and prints one table. Sections measure; they never assert.
 */
import { formatTable, type BenchRow, type BenchSection } from './table.js';

const sections: Record<string, () => Promise<BenchSection>> = {
  data: async () => (await import('./data.js')).dataBench,
  encoding: async () => (await import('./encoding.js')).encodingBench,
  tfjs: async () => (await import('./tfjs.js')).tfjsBench,
  serve: async () => (await import('./serve.js')).serveBench,
  core: async () => (await import('./core.js')).coreBench,
  train: async () => (await import('./train.js')).trainBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in sections));
  if (unknown.length > 0) {
    console.error(
      `unknown bench section(s): ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`,
    );
    process.exit(2);
  }
  const rows: BenchRow[] = [];
  for (const [name, load] of Object.entries(sections)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    console.error(`bench: ${name}...`);
    rows.push(...(await (await load())()));
  }
  console.log(formatTable(rows));
}

await main();
