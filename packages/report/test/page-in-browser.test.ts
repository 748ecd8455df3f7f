// The report page opened in a real browser: Debian's `chromium` package driven by playwright-core
// (no browser download). Its own file so that, on a machine without Chromium, everything else
// runs and this file says in one line that the browser check was not run and how to run it.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { makeTinyRun, removeTinyRuns } from '../src/test-support/tiny-run.js';
import { writeReport } from '../src/write-report.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A phone-sized screen. */
const PHONE = { width: 390, height: 844 };

afterAll(removeTinyRuns);

function colourCount(png: Buffer, enough = 3): number {
  const { data } = PNG.sync.read(png);
  const pixels = new Uint32Array(data.buffer, data.byteOffset, data.length / 4);
  const colours = new Set<number>();
  for (let p = 0; p < pixels.length && colours.size < enough; p++) colours.add(pixels[p]);
  return colours.size;
}

describe('the report page in headless Chromium', () => {
  if (!existsSync(CHROMIUM)) {
    it(`is not run: ${CHROMIUM} is absent`, () => {
      process.stdout.write(
        `browser check NOT run: ${CHROMIUM} is absent; to run it: apt-get update && apt-get install -y chromium, then npm test\n`,
      );
      expect(existsSync(CHROMIUM)).toBe(false);
    });
    return;
  }

  it('shows every chart, non-blank and within a phone-sized screen, with no request beyond the file', async () => {
    const run = await makeTinyRun({ epochs: 2, finish: true });
    const report = await writeReport(run.dir);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: PHONE });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(report.page).href, { waitUntil: 'load' });

      const boxes = await page.$$eval('figure > svg', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return { width: box.width, height: box.height, right: box.right };
        }),
      );
      expect(boxes).toHaveLength(report.charts.length);
      for (const box of boxes) {
        expect(box.width).toBeGreaterThan(200);
        expect(box.height).toBeGreaterThan(80);
        expect(box.right).toBeLessThanOrEqual(PHONE.width);
      }
      // Readable on a phone: nothing wider than the screen.
      expect(await page.$eval('html', (html) => html.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      const figures = await page.$$('figure > svg');
      for (const figure of figures)
        expect(colourCount(await figure.screenshot())).toBeGreaterThan(2);
      expect(colourCount(await page.screenshot({ fullPage: true }))).toBeGreaterThan(2);
      // Only the page itself and the inline receptive-field image (a data URL) are loaded.
      expect(requests.filter((url) => !url.startsWith('data:'))).toEqual([
        pathToFileURL(report.page).href,
      ]);
    } finally {
      await browser.close();
    }
    await fs.access(report.page);
  });
});
