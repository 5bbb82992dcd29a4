import { describe, expect, it } from 'vitest';
import { V8_INTERRUPT_BUDGET, usualTierUpFlag } from '../../src/cli/tier-up.js';

// Node 20's V8, the one the entry raises the budget on.
const NODE_20_V8 = '11.3.244.8-node.38';

describe('usualTierUpFlag', () => {
  it("gives V8 back its own budget, 66 KiB of bytecode (67,584: Node 20's V8 11.3 default)", () => {
    expect(V8_INTERRUPT_BUDGET).toBe(67_584);
    expect(usualTierUpFlag([], NODE_20_V8)).toBe('--interrupt-budget=67584');
    // Other node options, a neighbouring V8 budget among them, are no reason to hold back.
    expect(usualTierUpFlag(['--enable-source-maps', '--interrupt-budget-for-feedback-allocation=900'], NODE_20_V8)).toBe('--interrupt-budget=67584');
  });

  it('leaves a budget the user gave node alone, in either spelling', () => {
    for (const given of [['--interrupt-budget=100000'], ['--interrupt_budget=100000']]) {
      expect(usualTierUpFlag(given, NODE_20_V8)).toBeUndefined();
    }
  });

  it("leaves another V8's budget alone: the entry did not raise it", () => {
    expect(usualTierUpFlag([], '12.4.254.21-node.33')).toBeUndefined();
    expect(usualTierUpFlag([], '11.8.172.17-node.15')).toBeUndefined();
  });
});
