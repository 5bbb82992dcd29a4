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
