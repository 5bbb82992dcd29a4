/**
 * `--format html`: one self-contained page. Inline CSS and inline SVG only; no script, font, image or
 * stylesheet is fetched, so it opens from disk, offline, and prints to PDF as shown. Every piece of
 * report text is made plain and HTML-escaped before it lands in the page.
 */
import { xmlText } from './escape.js';
import { kmSection } from './html/km-section.js';
import { metricCard } from './html/metric-card.js';
import { pageFooter } from './html/page-footer.js';
import { pageHeader } from './html/page-header.js';
import { redFlagList } from './html/red-flag-list.js';
import { STYLES } from './html/styles.js';
import type { Reporter } from './types.js';

export const htmlReporter: Reporter = (report) => {
  const title = `Ops Engineer 2.0 success metrics, ${report.period.label}`;
  const cards = report.metrics.map((metric, i) => metricCard(metric, i + 1)).join('');
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    // No resource may load from anywhere, even if a future change tried: the policy forbids it all but inline style.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${xmlText(title)}</title><style>${STYLES}</style></head>\n<body><main>` +
    `${pageHeader(report)}<div class="metrics">${cards}</div>${kmSection(report)}${redFlagList(report.redFlags)}${pageFooter(report)}` +
    `</main></body></html>\n`
  );
};
