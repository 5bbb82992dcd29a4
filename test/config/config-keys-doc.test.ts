import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS_DOC } from '../../src/config/config-keys-doc.js';
import { CONFIG_FILE_SCHEMA } from '../../src/config/config-schema.js';
import { resolveConfig } from '../../src/config/resolve-config.js';

/** A value for each documented key, nested along its path (`<...>` segments get a real key). */
const SAMPLE: Record<string, unknown> = {
  timezone: 'UTC', programStart: '2026-02-01', levels: {}, priorities: {}, 'survey.scale.min': 0, 'survey.scale.max': 10,
  'survey.minGroupSize': 5, 'survey.baselineWave': 'W', 'survey.questions': {}, 'survey.answers': {},
  'courses.automationDesign': [], 'rca.clockStartsAt': 'opened', 'rca.hours': 1, 'recurrence.infer': false,
  'recurrence.windowDays': 1, 'targets.<measure id>': 1, 'severity.<red flag id>': 'warn', 'datasets.<dataset>.columns': {},
  'datasets.<dataset>.delimiter': ';', 'datasets.<dataset>.preset': 'qualtrics', 'datasets.<dataset>.dateFormat': 'dd/MM/yyyy',
};
const REAL_KEY: Record<string, string> = { '<measure id>': 'retention_2y', '<red flag id>': 'promotion_pay', '<dataset>': 'survey' };

describe('CONFIG_KEYS_DOC', () => {
  it('documents only keys the schema accepts, each with a meaning', () => {
    const file: Record<string, unknown> = {};
    for (const { key, meaning } of CONFIG_KEYS_DOC) {
      expect(meaning.length).toBeGreaterThan(10);
      const path = key.split('.').map((segment) => REAL_KEY[segment] ?? segment);
      let node = file;
      for (const segment of path.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>;
      node[path.at(-1) as string] = SAMPLE[key] ?? (key.startsWith('thresholds') ? 0.1 : 'x');
    }
    expect(resolveConfig(file)).not.toHaveProperty('problems');
  });

  it('covers every top-level key of the cli.md example', () => {
    const tops = new Set(CONFIG_KEYS_DOC.map(({ key }) => key.split('.')[0]));
    expect([...tops]).toEqual(['timezone', 'programStart', 'levels', 'priorities', 'survey', 'courses', 'rca', 'recurrence', 'targets', 'thresholds', 'severity', 'datasets']);
  });
});

describe('CONFIG_KEYS_DOC completeness', () => {
  /** Leaf paths of the schema; the objects keyed by ids collapse to their `<...>` placeholder. */
  const leafPaths = (schema: unknown, path: string[]): string[] => {
    // Read through `def`, which zod's every API shares (the config schema is built with zod/mini).
    type Node = { def?: { type: string; in?: unknown; innerType?: unknown; shape?: Record<string, unknown> } };
    let node = schema as Node;
    while (node.def?.type === 'optional') node = node.def.innerType as Node;
    if (node.def?.type === 'pipe') node = node.def.in as Node;
    if (node.def?.shape === undefined) return [path.join('.')];
    const placeholder = { targets: '<measure id>', severity: '<red flag id>', datasets: '<dataset>' }[path.join('.')];
    const entries = Object.entries(node.def.shape);
    if (placeholder !== undefined) {
      const [, first] = entries[0] as [string, unknown];
      return leafPaths(first, [...path, placeholder]).filter((leaf, i, all) => all.indexOf(leaf) === i);
    }
    return entries.flatMap(([key, child]) => leafPaths(child, [...path, key]));
  };

  it('documents every key of the schema', () => {
    expect(CONFIG_KEYS_DOC.map(({ key }) => key).sort()).toEqual(leafPaths(CONFIG_FILE_SCHEMA, []).sort());
  });
});
