import { bundledMnistPaths, type DatasetDeclarations, type DatasetSource } from '@s4nn/data';
import { UsageError } from './usage-error.js';

const BUNDLED = /^mnist:(train|test)$/;

/** The files a command reads and the source to hand to `readDataset`. */
export interface ResolvedSources {
  source: DatasetSource;
  files: string[];
}

/**
 * Reads the `<source...>` arguments of a command: one dataset file (`.csv` with a label column,
 * `.arrow`, `.parquet`, an MNIST `*-images-idx3-ubyte[.gz]`), the bundled `mnist:train` or
 * `mnist:test`, or a pair: the notebook's features and labels CSVs, or IDX images and labels.
 * Declarations (shape, range, label column) apply to CSV input only.
 */
export function resolveSources(
  args: readonly string[],
  declarations: DatasetDeclarations & { labelColumn?: string },
): ResolvedSources {
  const isCsv = (path: string) => path.toLowerCase().endsWith('.csv');
  const declared = Object.values(declarations).some((value) => value !== undefined);
  if (declared && !args.every(isCsv)) {
    throw new UsageError('--shape, --value-range and --label-column apply to CSV sources only');
  }
  if (args.length === 1) {
    const bundled = BUNDLED.exec(args[0]);
    if (bundled) {
      const paths = bundledMnistPaths(bundled[1] as 'train' | 'test');
      return { source: paths, files: [paths.images, paths.labels] };
    }
    return { source: { path: args[0], ...declarations }, files: [args[0]] };
  }
  if (args.length === 2 && args.every(isCsv) && declarations.labelColumn === undefined) {
    const [features, labels] = args;
    return { source: { features, labels, ...declarations }, files: [features, labels] };
  }
  if (args.length === 2 && args.every((path) => /idx\d-ubyte(\.gz)?$/i.test(path))) {
    const images = args.find((path) => /idx3/i.test(path));
    const labels = args.find((path) => /idx1/i.test(path));
    if (images && labels) return { source: { images, labels }, files: [images, labels] };
  }
  throw new UsageError(
    `cannot read ${args.join(' ')} as one dataset: give one file, mnist:train, mnist:test, a features CSV and a labels CSV, or IDX images and labels`,
  );
}
