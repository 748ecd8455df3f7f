import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Table } from 'apache-arrow';
import { readArrow, writeArrow } from './arrow-ipc.js';
import { readDataset, type DatasetSource } from './read-dataset.js';

/** A dataset read through the cache, and what the cache did. */
export interface CachedDataset {
  table: Table;
  /** The Arrow IPC cache file, or undefined for sources that need no cache (Arrow, Parquet, IDX). */
  cachePath: string | undefined;
  /** True when the table came from an existing cache file. */
  hit: boolean;
}

// Bump when the table layout a reader produces changes, so old cache files are not reused.
const CACHE_LAYOUT_VERSION = 1;

/**
 * Reads a CSV source (notebook layout or single CSV) through an Arrow IPC cache: the first call
 * parses the CSV and writes `<cacheDir>/<key>.arrow` (temporary name, then rename); later calls
 * with the same source files (same paths, sizes and mtimes) and declarations read that file,
 * zero-copy. Other sources are read directly.
 *
 * @example
 * ```ts
 * const { table, hit } = await readDatasetCached(
 *   { features: 'train_data.csv', labels: 'train_data_labels.csv' }, { cacheDir: '.cache/s4nn' });
 * ```
 */
export async function readDatasetCached(
  source: DatasetSource,
  options: { cacheDir: string },
): Promise<CachedDataset> {
  const csvFiles = csvFilesOf(source);
  if (csvFiles.length === 0)
    return { table: await readDataset(source), cachePath: undefined, hit: false };
  const cachePath = join(options.cacheDir, `${await cacheKey(source, csvFiles)}.arrow`);
  const cached = await readArrow(cachePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (cached) return { table: cached, cachePath, hit: true };
  const table = await readDataset(source);
  await mkdir(options.cacheDir, { recursive: true });
  await writeArrow(table, cachePath);
  return { table, cachePath, hit: false };
}

function csvFilesOf(source: DatasetSource): string[] {
  if (typeof source === 'string') return source.toLowerCase().endsWith('.csv') ? [source] : [];
  if ('features' in source) return [source.features, source.labels];
  if ('path' in source && source.path.toLowerCase().endsWith('.csv')) return [source.path];
  return [];
}

async function cacheKey(source: DatasetSource, files: string[]): Promise<string> {
  const stamps = await Promise.all(
    files.map(async (file) => {
      const info = await stat(file);
      return [resolve(file), info.size, info.mtimeMs];
    }),
  );
  const declarations = typeof source === 'string' ? {} : source;
  return createHash('sha256')
    .update(JSON.stringify({ version: CACHE_LAYOUT_VERSION, stamps, declarations }))
    .digest('hex')
    .slice(0, 32);
}
