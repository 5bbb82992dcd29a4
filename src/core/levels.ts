/** Level codes of the role design, in career order. `other` is anything outside operations. */
export const LEVEL_CODES = [
  'technician',
  'ops1',
  'ops1_senior',
  'manager',
  'ops2',
  'senior_architect',
  'strategy_lead',
  'other',
] as const;
export type LevelCode = (typeof LEVEL_CODES)[number];

const LEVEL_BYTE = new Map<LevelCode, number>(LEVEL_CODES.map((code, byte) => [code, byte]));
/** A level as held in a byte column: its index in LEVEL_CODES. */
export const levelByte = (level: LevelCode): number => LEVEL_BYTE.get(level)!;
export const levelOfByte = (byte: number): LevelCode => LEVEL_CODES[byte]!;

export type Track = 'traditional' | '2.0' | 'none';

export const TRACK_OF_LEVEL = {
  technician: 'traditional',
  ops1: 'traditional',
  ops1_senior: 'traditional',
  manager: 'traditional',
  ops2: '2.0',
  senior_architect: '2.0',
  strategy_lead: '2.0',
  other: 'none',
} as const satisfies Record<LevelCode, Track>;

export const isTwoPointO = (level: LevelCode): boolean => TRACK_OF_LEVEL[level] === '2.0';
export const isTraditional = (level: LevelCode): boolean => TRACK_OF_LEVEL[level] === 'traditional';
export const isInOps = (level: LevelCode): boolean => level !== 'other';
/** Survey group `1.0` of metrics.md: engineers at ops1 or ops1_senior. */
export const isOnePointO = (level: LevelCode): boolean => level === 'ops1' || level === 'ops1_senior';

/** The role design's titles. Keys are matched case-insensitively after trimming; the config adds to them. */
export const DEFAULT_LEVEL_TITLES: Record<string, LevelCode> = {
  'Operations Technician': 'technician',
  'Ops Engineer 1.0': 'ops1',
  'Ops Engineer': 'ops1',
  'Operations Engineer': 'ops1',
  'Senior Ops Engineer': 'ops1_senior',
  'Senior Operations Engineer': 'ops1_senior',
  'Operations Manager': 'manager',
  'Ops Engineer 2.0': 'ops2',
  'Operations Architect': 'ops2',
  'Infrastructure Operations Specialist': 'ops2',
  'Senior Operations Architect': 'senior_architect',
  'Operations Strategy Lead': 'strategy_lead',
};
