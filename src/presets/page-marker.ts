/**
 * A saved page of a paginated API list read as if it were the whole export: the records on the other
 * pages would be in no figure, and nothing would say so. A preset names where its vendor's page says
 * more records exist (DatasetLayout.pageMarker); a file whose page says so gets one warning, at the
 * document (line 0, where a JSON file's problems about the document as a whole are given).
 */
import type { Problem } from '../core/problems.js';
import type { JsonDocument } from '../load/json-reader.js';
import type { PageMarker } from './preset.js';
import { createSourceReader } from './source-path.js';

/** The last key of a marker's path, as the warning quotes it (`paging.next` → `next`). */
const lastKey = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

/** The marker's words when the page says that records are on other pages; undefined when it does not. */
function otherPagesSaid(marker: PageMarker, document: JsonDocument): string | undefined {
  const value = createSourceReader().read(document.properties, marker.path);
  const key = lastKey(marker.path);
  switch (marker.kind) {
    case 'more-flag':
      return value === true ? `"${key}": true` : undefined;
    case 'next-link':
      return typeof value === 'string' && value.trim() !== '' ? `"${key}": ${JSON.stringify(value)}` : undefined;
    case 'total-count':
      return typeof value === 'number' && value > document.records
        ? `${key} ${value} against ${document.records} ${document.records === 1 ? 'record' : 'records'}`
        : undefined;
    default: {
      const unknownKind: never = marker.kind;
      throw new Error(`unknown page marker: ${String(unknownKind)}`);
    }
  }
}

/** A jq path to the records array (`.incidents`, or `.["odd key"]`). */
const jqMember = (key: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `.[${JSON.stringify(key)}]`);

/**
 * The warning for `file` when its document says that records are on other pages. The pages are merged
 * into one document that keeps the last page's properties, so the merged file is judged by the last
 * page's marker: a page missing at the end is still told.
 */
export function pageMarkerWarning(marker: PageMarker, document: JsonDocument, file: string, line: number): Problem | undefined {
  const said = otherPagesSaid(marker, document);
  if (said === undefined) return undefined;
  const records = jqMember(document.recordsKey);
  const merge = `jq -s '.[-1] + {${JSON.stringify(document.recordsKey)}: map(${records}[])}' <every page, in order> > ${file}`;
  return {
    file, line, column: '-', severity: 'warning',
    message: `this file is one page of a longer export (${said}): the records on the other pages are in no figure. ` +
      `${marker.advice}, then give all the pages as this one file: ${merge}`,
  };
}
