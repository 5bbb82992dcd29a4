/**
 * The HTML report in a real browser (headless Chromium from the Debian package, driven by playwright-core):
 * it loads with every network request refused, asks for nothing, logs no error, shows the eight metric
 * cards and the retention curve, keeps each chart's labels apart (in print, where they are largest against
 * the drawing, and on screens wide and narrow), and prints to A4 and Letter. Screenshots and PDFs land in
 * test-artifacts/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReporter } from '../../src/reporters/html.js';
import { sampleReport, withHistory } from '../helpers/sample-report.js';
import { crowdedLabels, labelBoxesScript, labelsOutsideFrame, type LabelBox } from './label-gaps.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);
/** The least room between two labels of a chart, in its drawing's units (the curve is 640 wide: 2 is ~0.5 mm on A4). */
const LABEL_GAP = 2;
/** Where the page is read: on paper at the width inside the 12 mm margins (at 96 px an inch), and on screens. */
const READINGS = [
  { where: 'printed on A4', media: 'print', width: 703 },
  { where: 'printed on Letter', media: 'print', width: 726 },
  { where: 'on a wide screen (1280 px)', media: 'screen', width: 1280 },
  { where: 'on a narrower screen (920 px)', media: 'screen', width: 920 },
  { where: 'on a phone (400 px)', media: 'screen', width: 400 },
] as const;

if (!hasChromium) console.warn(`skipping the browser test: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!hasChromium)('html report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/*', (route) => route.abort());
    // setContent loads the page itself without a request, so any request seen is one the page made.
    await page.setContent(htmlReporter(withHistory(sampleReport()), { color: false }), { waitUntil: 'load' });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000); // starting a browser on a busy machine can take a while

  afterAll(async () => {
    await browser?.close();
  }, 60_000);

  it('loads without a single request or console error', () => {
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the eight metric cards and the retention curve', async () => {
    const cards = page.locator('section.card.metric');
    expect(await cards.count()).toBe(8);
    for (let i = 0; i < 8; i += 1) expect(await cards.nth(i).isVisible()).toBe(true);
    const km = page.locator('svg.km-chart');
    expect(await km.isVisible()).toBe(true);
    // The curve is drawn at a readable size, not collapsed.
    const box = await km.boundingBox();
    expect(box?.width).toBeGreaterThan(400);
    expect(box?.height).toBeGreaterThan(150);
  });

  it('names every chart for assistive technology', async () => {
    const svgs = await page.locator('svg').all();
    // 8 × measures with a bullet and a trend (withHistory gives every measure with a value a trend) + the KM curve.
    expect(svgs.length).toBeGreaterThan(27);
    for (const svg of svgs) {
      expect(await svg.getAttribute('role')).toBe('img');
      const ids = (await svg.getAttribute('aria-labelledby'))?.split(' ') ?? [];
      expect(ids).toHaveLength(2);
      for (const id of ids) expect((await page.locator(`[id="${id}"]`).textContent())?.length).toBeGreaterThan(0);
    }
  });

  it('on a phone (400 px): no sideways scrolling, each measure\'s text at full width, the curve\'s labels inside it', async () => {
    const narrow = await browser.newPage({ viewport: { width: 400, height: 900 } });
    try {
      await narrow.route('**/*', (route) => route.abort());
      await narrow.setContent(htmlReporter(withHistory(sampleReport()), { color: false }), { waitUntil: 'load' });
      // Run in the page (as text: this project's types have no DOM).
      const layout = await narrow.evaluate(`(() => ({
        pageWidth: document.documentElement.scrollWidth,
        // The narrowest measure text column, in CSS pixels (0 when the charts beside it took the row).
        narrowestText: Math.min(...[...document.querySelectorAll('.measure-text')].map((e) => e.getBoundingClientRect().width)),
        // The right edge of each mark label of the retention curve, in the drawing's units (its frame is 640 wide).
        labelEnds: [...document.querySelectorAll('svg.km-chart .mark-label')].map((t) => t.getBBox().x + t.getBBox().width),
      }))()`) as { pageWidth: number; narrowestText: number; labelEnds: number[] };
      expect(layout.pageWidth).toBeLessThanOrEqual(400);
      expect(layout.narrowestText).toBeGreaterThan(300);
      expect(layout.labelEnds.length).toBeGreaterThan(0);
      for (const end of layout.labelEnds) expect(end).toBeLessThanOrEqual(640);
    } finally {
      await narrow.close();
    }
  });

  it('a text from the files too long for its column (an id, a note, a file name) wraps rather than widen the page', async () => {
    // 160 characters without a space, where a line would break: an id, a note and a reason of a measure, and
    // the evidence of a red flag.
    const long = `E${'9'.repeat(80)}${'x'.repeat(79)}`;
    const base = sampleReport();
    const report = {
      ...base,
      metrics: base.metrics.map((metric) => ({
        ...metric,
        measures: metric.measures.map((m) => ({ ...m, reason: `${long}.csv could not be read`, details: [{ employeeId: long, note: `owns ${long}` }] })),
      })),
      redFlags: base.redFlags.map((f) => ({ ...f, evidence: [{ employeeId: long, note: long }] })),
    };
    for (const width of [1280, 400]) {
      const reading = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        await reading.route('**/*', (route) => route.abort());
        await reading.setContent(htmlReporter(report, { color: false }), { waitUntil: 'load' });
        const pageWidth = await reading.evaluate('document.documentElement.scrollWidth') as number;
        expect(pageWidth, `at ${width} px`).toBeLessThanOrEqual(width);
      } finally {
        await reading.close();
      }
    }
  });

  /** The box of each label of the charts in `svgSelector`, the page read in `media` at `width` CSS pixels. */
  async function labelBoxes(media: 'print' | 'screen', width: number, svgSelector: string): Promise<LabelBox[]> {
    const reading = await browser.newPage({ viewport: { width, height: 1000 } });
    try {
      await reading.route('**/*', (route) => route.abort());
      await reading.emulateMedia({ media });
      await reading.setContent(htmlReporter(withHistory(sampleReport()), { color: false }), { waitUntil: 'load' });
      return await reading.evaluate(labelBoxesScript(svgSelector)) as LabelBox[];
    } finally {
      await reading.close();
    }
  }

  for (const { where, media, width } of READINGS) {
    it(`${where}: no two labels of the retention curve touch, none is cut off`, async () => {
      const boxes = await labelBoxes(media, width, 'svg.km-chart');
      expect(boxes.map((b) => b.text)).toEqual(expect.arrayContaining(['100%', 'start', '1 yr', 'time since promotion to 2.0']));
      expect(crowdedLabels(boxes, LABEL_GAP)).toEqual([]);
      expect(labelsOutsideFrame(boxes)).toEqual([]);
    });
  }

  it('printed: no two labels of a bullet or trend chart touch', async () => {
    const boxes = await labelBoxes('print', 703, 'svg.bullet, svg.trend');
    expect(boxes.length).toBeGreaterThan(50);
    expect(crowdedLabels(boxes, LABEL_GAP)).toEqual([]);
  });

  it('saves a screenshot and prints to A4 and Letter', async () => {
    writeFileSync(`${ARTIFACTS}html-report.png`, await page.screenshot({ fullPage: true }));
    writeFileSync(`${ARTIFACTS}html-report-top.png`, await page.screenshot());
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(`${ARTIFACTS}html-report-${format.toLowerCase()}.pdf`, pdf);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    writeFileSync(`${ARTIFACTS}html-report-print.png`, await page.screenshot({ fullPage: true }));
    await page.emulateMedia({ media: 'screen' });
  });
});
