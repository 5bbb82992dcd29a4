/**
 * Which incidents are recurrences (metrics.md, "Exception handling quality" and Settled details
 * "Recurrence"). Exports reach a million incidents, so nothing here compares all pairs: explicit links are
 * a map lookup, and inference sorts each service × root-cause group once and looks back one step.
 */
import type { Incident, Instant } from '../core/datasets.js';

export interface RecurrenceRule {
  /** Infer recurrences from service + root-cause category (config `recurrence.infer`). */
  readonly infer: boolean;
  /** The look-back window in days of 24 h (config `recurrence.windowDays`). */
  readonly windowDays: number;
}

const HOUR_MS = 3_600_000;

/**
 * An explicit `recurrence_of` counts when it names an incident opened strictly earlier; an id absent from
 * the data counts too, since it predates the export. Only the named incidents are indexed.
 */
function markExplicit(incidents: readonly Incident[], flags: boolean[]): void {
  const named = new Map<string, Instant | undefined>();
  for (const incident of incidents) {
    if (incident.recurrence_of !== undefined) named.set(incident.recurrence_of, undefined);
  }
  if (named.size === 0) return;
  for (const incident of incidents) {
    if (named.has(incident.incident_id)) named.set(incident.incident_id, incident.opened_at);
  }
  incidents.forEach((incident, index) => {
    if (incident.recurrence_of === undefined) return;
    const earlier = named.get(incident.recurrence_of);
    if (earlier === undefined || earlier < incident.opened_at) flags[index] = true;
  });
}

/** Indices of the incidents of each service × root-cause category, exact after trimming; empty ones are never grouped. */
function groupIndices(incidents: readonly Incident[]): number[][] {
  const byService = new Map<string, Map<string, number[]>>();
  incidents.forEach((incident, index) => {
    const service = incident.service?.trim() ?? '';
    const category = incident.root_cause_category?.trim() ?? '';
    if (service === '' || category === '') return;
    let byCategory = byService.get(service);
    if (byCategory === undefined) byService.set(service, (byCategory = new Map()));
    const group = byCategory.get(category);
    if (group) group.push(index);
    else byCategory.set(category, [index]);
  });
  return [...byService.values()].flatMap((byCategory) => [...byCategory.values()]);
}

/**
 * Within a group sorted by opening time, an incident recurs when the latest incident opened strictly
 * before it lies in `[opened_at − window, opened_at)`; any earlier one would be further away still.
 */
function markInferred(incidents: readonly Incident[], windowMs: number, flags: boolean[]): void {
  const openedAt = Float64Array.from(incidents, (incident) => incident.opened_at);
  for (const group of groupIndices(incidents)) {
    group.sort((a, b) => openedAt[a]! - openedAt[b]!);
    let latestEarlier: Instant | undefined; // the latest opening strictly before the current one
    let currentTime: Instant | undefined;
    for (const index of group) {
      const time = openedAt[index]!;
      if (currentTime !== undefined && time > currentTime) latestEarlier = currentTime;
      currentTime = time;
      if (latestEarlier !== undefined && latestEarlier >= time - windowMs) flags[index] = true;
    }
  }
}

/**
 * Whether each incident (by position in `incidents`) is a recurrence, judged against every earlier
 * incident in `incidents`.
 */
export function recurrenceFlags(incidents: readonly Incident[], rule: RecurrenceRule): boolean[] {
  const flags = new Array<boolean>(incidents.length).fill(false);
  markExplicit(incidents, flags);
  if (rule.infer) markInferred(incidents, rule.windowDays * 24 * HOUR_MS, flags);
  return flags;
}
