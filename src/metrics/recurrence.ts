/**
 * Which incidents are recurrences (metrics.md, "Exception handling quality" and Settled details
 * "Recurrence"). Exports reach a million incidents, so nothing here compares all pairs: explicit links are
 * one lookup of each id among the names, and inference sorts each service × root-cause group once and
 * looks back one step. Both read the incidents' columns, never a record per incident.
 */
import type { Instant } from '../core/datasets.js';
import { HOUR_MS } from '../core/durations.js';
import type { IncidentTable, IncidentText } from '../core/incident-table.js';
import { ABSENT_CODE } from '../core/text-codes.js';
import { zeroed } from '../core/typed-columns.js';

export interface RecurrenceRule {
  /** Infer recurrences from service + root-cause category (config `recurrence.infer`). */
  readonly infer: boolean;
  /** The look-back window in days of 24 h (config `recurrence.windowDays`). */
  readonly windowDays: number;
}

/**
 * An explicit `recurrence_of` counts when it names an incident opened strictly earlier; an id absent from
 * the data counts too, since it predates the export, but not one of an incident the as-of cut left out,
 * which opened after every incident counted. Only the named incidents are looked up: their openings are
 * kept by the code of the name.
 */
function markExplicit(incidents: IncidentTable, flags: Uint8Array): void {
  const named = incidents.codes('recurrence_of');
  if (!named.some((code) => code !== ABSENT_CODE)) return;
  const opened = incidents.instants('opened_at');
  const openedByCode = zeroed(Float64Array, incidents.codeCount('recurrence_of')).fill(NaN); // NaN: not in the data
  for (let row = 0; row < opened.length; row++) {
    const code = incidents.find('recurrence_of', incidents.idAt(row));
    if (code !== ABSENT_CODE) openedByCode[code] = opened[row]!;
  }
  for (let row = 0; row < named.length; row++) {
    const code = named[row]!;
    if (code === ABSENT_CODE) continue;
    const earlier = openedByCode[code]!;
    if (Number.isNaN(earlier) ? !incidents.namesIncidentAfterCut(code) : earlier < opened[row]!) flags[row] = 1;
  }
}

/**
 * For each code of `field`, the key of its text after trimming (codes whose texts trim alike share one),
 * or -1 when it trims to nothing.
 */
function trimmedKeys(incidents: IncidentTable, field: IncidentText): Int32Array {
  const keys = zeroed(Int32Array, incidents.codeCount(field)).fill(-1);
  const keyOfText = new Map<string, number>();
  for (let code = 0; code < keys.length; code++) {
    const text = incidents.decode(field, code)?.trim() ?? '';
    if (text === '') continue;
    let key = keyOfText.get(text);
    if (key === undefined) keyOfText.set(text, (key = keyOfText.size));
    keys[code] = key;
  }
  return keys;
}

/** Rows of the incidents of each service × root-cause category, exact after trimming; empty ones are never grouped. */
function groupRows(incidents: IncidentTable): number[][] {
  const serviceKeys = trimmedKeys(incidents, 'service');
  const categoryKeys = trimmedKeys(incidents, 'root_cause_category');
  const services = incidents.codes('service');
  const categories = incidents.codes('root_cause_category');
  const groups = new Map<number, number[]>();
  for (let row = 0; row < services.length; row++) {
    const service = serviceKeys[services[row]!]!;
    const category = categoryKeys[categories[row]!]!;
    if (service < 0 || category < 0) continue;
    const key = service * categoryKeys.length + category;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

/**
 * Within a group sorted by opening time, an incident recurs when the latest incident opened strictly
 * before it lies in `[opened_at − window, opened_at)`; any earlier one would be further away still.
 */
function markInferred(incidents: IncidentTable, windowMs: number, flags: Uint8Array): void {
  const openedAt = incidents.instants('opened_at');
  for (const group of groupRows(incidents)) {
    group.sort((a, b) => openedAt[a]! - openedAt[b]!);
    let latestEarlier: Instant | undefined; // the latest opening strictly before the current one
    let currentTime: Instant | undefined;
    for (const row of group) {
      const time = openedAt[row]!;
      if (currentTime !== undefined && time > currentTime) latestEarlier = currentTime;
      currentTime = time;
      if (latestEarlier !== undefined && latestEarlier >= time - windowMs) flags[row] = 1;
    }
  }
}

/**
 * Whether each incident (by row of `incidents`) is a recurrence (1) or not (0), judged against every
 * earlier incident in `incidents`.
 */
export function recurrenceFlags(incidents: IncidentTable, rule: RecurrenceRule): Uint8Array {
  const flags = zeroed(Uint8Array, incidents.length);
  markExplicit(incidents, flags);
  if (rule.infer) markInferred(incidents, rule.windowDays * 24 * HOUR_MS, flags);
  return flags;
}
