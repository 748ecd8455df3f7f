import { afterAll, describe, expect, it } from '@jest/globals';
import { datasetView } from './dataset-view.js';
import { readLabeledCsv, readNotebookCsv } from './read-csv.js';
import { tempDir } from './test-support/temp-dir.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

function notebook(name: string, features: string, labels: string) {
  return {
    features: tmp.write(`${name}.csv`, features),
    labels: tmp.write(`${name}_labels.csv`, labels),
  };
}

describe('readNotebookCsv', () => {
  it('reads features and labels row-major, with Uint16 spike times and the declared metadata', async () => {
    const source = notebook(
      'spikes',
      'p0,p1,p2,p3\n0,256,17,3\n255,1,2,256\n9,8,7,6\n',
      'label\n4\n1\n0\n',
    );
    const view = datasetView(
      await readNotebookCsv({ ...source, shape: [2, 2], valueRange: [0, 256] }),
    );
    expect(view.count).toBe(3);
    expect(view.width).toBe(4);
    expect(view.shape).toEqual([2, 2]);
    expect(view.valueRange).toEqual([0, 256]);
    expect(view.features).toBeInstanceOf(Uint16Array);
    expect(Array.from(view.features)).toEqual([0, 256, 17, 3, 255, 1, 2, 256, 9, 8, 7, 6]);
    expect(Array.from(view.labels)).toEqual([4, 1, 0]);
    expect(view.classNames).toEqual(['0', '1', '2', '3', '4']);
  });

  it('picks Uint8 for bytes and Float32 for fractions, with the observed range when none is declared', async () => {
    const bytes = datasetView(
      await readNotebookCsv(notebook('bytes', 'a,b\n0,255\n3,4\n', 'y\n0\n1\n')),
    );
    expect(bytes.features).toBeInstanceOf(Uint8Array);
    expect(bytes.valueRange).toEqual([0, 255]);
    expect(bytes.shape).toEqual([2]);
    const floats = datasetView(
      await readNotebookCsv(notebook('floats', 'a,b\n0.5,-2\n3,4.25\n', 'y\n0\n1\n')),
    );
    expect(floats.features).toBeInstanceOf(Float32Array);
    expect(Array.from(floats.features)).toEqual([0.5, -2, 3, 4.25]);
    expect(floats.valueRange).toEqual([-2, 4.25]);
  });

  it('fails on a ragged row with the file and line', async () => {
    const source = notebook('ragged', 'a,b,c\n1,2,3\n4,5\n', 'y\n0\n1\n');
    await expect(readNotebookCsv(source)).rejects.toThrow(
      `${source.features}, line 3: ragged row: 2 values, expected 3`,
    );
  });

  it('fails on a non-number with the file, line and column', async () => {
    const source = notebook('nan', 'a,b\n1,2\n4,five\n', 'y\n0\n1\n');
    await expect(readNotebookCsv(source)).rejects.toThrow(
      `${source.features}, line 3: column 2: expected a number, found "five"`,
    );
  });

  it('fails on a value outside the declared range', async () => {
    const source = notebook('range', 'a,b\n1,2\n4,257\n', 'y\n0\n1\n');
    await expect(readNotebookCsv({ ...source, valueRange: [0, 256] })).rejects.toThrow(
      `${source.features}, line 3: column 2: value 257 outside the declared range [0, 256]`,
    );
  });

  it('fails when the label and feature files differ in length, naming both', async () => {
    const source = notebook('lengths', 'a\n1\n2\n3\n', 'y\n0\n1\n');
    await expect(readNotebookCsv(source)).rejects.toThrow(
      `${source.features}, line 4: label and feature files of different lengths: more feature rows than the 2 labels in ${source.labels}`,
    );
  });

  it('fails on a label that is not a non-negative integer, or a labels file of several columns', async () => {
    const fractional = notebook('badlabel', 'a\n1\n2\n', 'y\n0\n1.5\n');
    await expect(readNotebookCsv(fractional)).rejects.toThrow(
      `${fractional.labels}, line 3: label 1.5 is not a non-negative integer`,
    );
    const wide = notebook('widelabel', 'a\n1\n2\n', 'y,z\n0,1\n1,1\n');
    await expect(readNotebookCsv(wide)).rejects.toThrow(
      `${wide.labels}, line 2: ragged row: 2 values, expected 1 label`,
    );
  });

  it('fails on a features file with no data rows, and on a shape that does not fit', async () => {
    const empty = notebook('empty', 'a,b\n', 'y\n');
    await expect(readNotebookCsv(empty)).rejects.toThrow(
      `${empty.features}: no data rows after the header`,
    );
    const misfit = notebook('shape', 'a,b,c\n1,2,3\n', 'y\n0\n');
    await expect(readNotebookCsv({ ...misfit, shape: [2, 2] })).rejects.toThrow(
      'declared shape [2,2] does not hold 3 values per row',
    );
  });
});

describe('readLabeledCsv', () => {
  it('takes the named label column out of the features, wherever it is', async () => {
    const path = tmp.write('labeled.csv', 'x0,digit,x1\n10,3,20\n30,1,40\n');
    const view = datasetView(await readLabeledCsv({ path, labelColumn: 'digit' }));
    expect(Array.from(view.features)).toEqual([10, 20, 30, 40]);
    expect(Array.from(view.labels)).toEqual([3, 1]);
    expect(view.width).toBe(2);
  });

  it('fails on a missing label column and on a ragged row', async () => {
    const path = tmp.write('nolabel.csv', 'x0,x1\n1,2\n');
    await expect(readLabeledCsv({ path })).rejects.toThrow(
      `${path}, line 1: no label column 'label' in header [x0, x1]`,
    );
    const ragged = tmp.write('ragged-labeled.csv', 'label,x0\n1,2\n1,2,3\n');
    await expect(readLabeledCsv({ path: ragged })).rejects.toThrow(
      `${ragged}, line 3: ragged row: 3 values, expected 2`,
    );
  });
});
