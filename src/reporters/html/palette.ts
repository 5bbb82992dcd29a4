/**
 * The colours of the HTML report. Status text sits on its tint (badges) and on white (figures); marks
 * (bars, lines) sit on the chart track. test/reporters/html-palette.test.ts holds every pair to WCAG AA:
 * 4.5:1 for text, 3:1 for marks. Colour is never the only signal: every status also prints its symbol and word.
 */
import type { AnyStatus } from '../format-values.js';

export interface StatusColours {
  /** Status text, on white and on `tint`. */
  readonly text: string;
  /** Badge background. */
  readonly tint: string;
  /** Bars, lines and dots in charts. */
  readonly mark: string;
}

const GOOD: StatusColours = { text: '#166534', tint: '#dcfce7', mark: '#15803d' };
const BAD: StatusColours = { text: '#b91c1c', tint: '#fee2e2', mark: '#dc2626' };
const WARNING: StatusColours = { text: '#92400e', tint: '#fef3c7', mark: '#b45309' };
const WAITING: StatusColours = { text: '#1e40af', tint: '#dbeafe', mark: '#2563eb' };
const NEUTRAL: StatusColours = { text: '#334155', tint: '#e2e8f0', mark: '#475569' };
const ABSENT: StatusColours = { text: '#4b5563', tint: '#f3f4f6', mark: '#6b7280' };

export const STATUS_COLOURS = {
  met: GOOD,
  clear: GOOD,
  missed: BAD,
  tripped: BAD,
  investigate: WARNING,
  pending: WAITING,
  info: NEUTRAL,
  insufficient_data: ABSENT,
  suppressed: ABSENT,
  no_data: ABSENT,
  off: ABSENT,
} as const satisfies Record<AnyStatus, StatusColours>;

export const PAGE_COLOURS = {
  ink: '#0f172a',
  muted: '#475569',
  page: '#f1f5f9',
  card: '#ffffff',
  rule: '#cbd5e1',
  track: '#e8ecf1',
  target: '#0f172a',
  curve: '#1d4ed8',
} as const;
