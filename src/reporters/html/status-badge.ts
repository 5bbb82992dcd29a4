/** A status as the HTML page shows it: symbol and word on the status tint, so colour is never needed to read it. */
import { xmlText } from '../escape.js';
import { STATUS_SYMBOL, STATUS_WORD, type AnyStatus } from '../format-values.js';
import { STATUS_COLOURS } from './palette.js';

// A status this page does not know (a hand-edited --compare file) reads as no data rather than break the page.
const known = (status: string): status is AnyStatus => Object.hasOwn(STATUS_COLOURS, status);
const orNoData = (status: AnyStatus): AnyStatus => (known(status) ? status : 'no_data');

export const statusClass = (status: AnyStatus): string => `s-${orNoData(status)}`;

/** `✓ met`. */
export const statusLabel = (status: AnyStatus): string => `${STATUS_SYMBOL[orNoData(status)]} ${STATUS_WORD[orNoData(status)]}`;

export const statusBadge = (status: AnyStatus): string =>
  `<span class="badge ${statusClass(status)}">${xmlText(statusLabel(status))}</span>`;

/** The colour of a status's chart marks. */
export const statusMark = (status: AnyStatus): string => STATUS_COLOURS[orNoData(status)].mark;
