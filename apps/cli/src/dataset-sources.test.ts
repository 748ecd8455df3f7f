import { describe, expect, it } from '@jest/globals';
import { bundledMnistPaths } from '@s4nn/data';
import { resolveSources } from './dataset-sources.js';
import { UsageError } from './usage-error.js';

describe('resolveSources', () => {
  it('reads one file, with the CSV declarations', () => {
    expect(resolveSources(['a.csv'], { shape: [2, 2], labelColumn: 'y' })).toEqual({
      source: { path: 'a.csv', shape: [2, 2], labelColumn: 'y' },
      files: ['a.csv'],
    });
    expect(resolveSources(['a.arrow'], {}).files).toEqual(['a.arrow']);
  });

  it('reads the bundled MNIST by name', () => {
    const paths = bundledMnistPaths('test');
    expect(resolveSources(['mnist:test'], {})).toEqual({
      source: paths,
      files: [paths.images, paths.labels],
    });
  });

  it('reads a notebook CSV pair and an IDX pair in either order', () => {
    expect(resolveSources(['x.csv', 'y.csv'], { valueRange: [0, 256] }).source).toEqual({
      features: 'x.csv',
      labels: 'y.csv',
      valueRange: [0, 256],
    });
    expect(resolveSources(['t-labels-idx1-ubyte', 't-images-idx3-ubyte.gz'], {}).source).toEqual({
      images: 't-images-idx3-ubyte.gz',
      labels: 't-labels-idx1-ubyte',
    });
  });

  it('rejects pairs it cannot pair and declarations on non-CSV input', () => {
    expect(() => resolveSources(['a.arrow', 'b.arrow'], {})).toThrow(UsageError);
    expect(() => resolveSources(['a.csv', 'b.csv', 'c.csv'], {})).toThrow(
      'cannot read a.csv b.csv c.csv',
    );
    expect(() => resolveSources(['a.arrow'], { shape: [2] })).toThrow('apply to CSV sources only');
  });
});
