/** The inputs behind the figures (rows read, accepted, rejected) and the versions of the tool and definitions. */
import type { Report } from '../../core/report.js';
import { xmlText } from '../escape.js';
import { formatRejected } from '../format-values.js';

// Counts are numbers by type; the text is still escaped so a malformed report cannot add markup.
const count = (x: number): string => xmlText(String(x));

export function pageFooter(report: Report): string {
  const rows = report.inputs.map(
    (input) =>
      `<tr><td>${xmlText(input.dataset)}</td><td class="file">${xmlText(input.file)}</td><td class="count">${count(input.rows)}</td>` +
      `<td class="count">${count(input.accepted)}</td><td class="count">${xmlText(formatRejected(input))}</td><td class="count">${count(input.warnings)}</td></tr>`,
  );
  const table =
    rows.length === 0
      ? '<p>No input files.</p>'
      : `<table><thead><tr><th scope="col">Dataset</th><th scope="col">File</th><th scope="col" class="count">Rows</th>` +
        `<th scope="col" class="count">Accepted</th><th scope="col" class="count">Rejected</th><th scope="col" class="count">Warnings</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const versions = `Figures follow ${report.definitionsVersion} · ${report.tool.name} ${report.tool.version}`;
  // A narrow screen scrolls the table in its own box, never the page.
  return `<footer class="card inputs"><h2>Inputs</h2><div class="table-box">${table}</div><p class="muted versions">${xmlText(versions)}</p></footer>`;
}
