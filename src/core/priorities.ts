export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** inputs.md's default priority vocabulary; matched case-insensitively after trimming; the config adds to it. */
export const DEFAULT_PRIORITY_NAMES: Record<string, Priority> = {
  P1: 'P1', SEV1: 'P1', 'SEV-1': 'P1', 'SEV 1': 'P1', '1': 'P1', Critical: 'P1', Highest: 'P1',
  P2: 'P2', SEV2: 'P2', 'SEV-2': 'P2', 'SEV 2': 'P2', '2': 'P2', High: 'P2',
  P3: 'P3', SEV3: 'P3', 'SEV-3': 'P3', 'SEV 3': 'P3', '3': 'P3', Medium: 'P3',
  P4: 'P4', SEV4: 'P4', 'SEV-4': 'P4', 'SEV 4': 'P4', '4': 'P4', Low: 'P4',
  P5: 'P5', SEV5: 'P5', 'SEV-5': 'P5', 'SEV 5': 'P5', '5': 'P5', Lowest: 'P5', Info: 'P5',
};

/**
 * An incident's priority as the measures see it: `unknown` only for a vendor export that has no priority
 * and where the user has not said which of its values is P1 (PagerDuty's CSV urgency). A canonical file
 * never yields it: its `priority` column is required and must be one the priorities map knows.
 */
export type IncidentPriority = Priority | 'unknown';

/**
 * What a preset writes into the `priority` cell when it has nothing to map: a value no file can hold (a
 * CSV or JSON reader yields only text, numbers, booleans and null), so only a preset can make one unknown.
 */
export const PRIORITY_NOT_MAPPED: unique symbol = Symbol('priority not mapped');
