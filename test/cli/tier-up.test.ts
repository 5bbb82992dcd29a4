import { describe, expect, it } from 'vitest';
import { V8_INTERRUPT_BUDGET, usualTierUpFlag } from '../../src/cli/tier-up.js';

describe('usualTierUpFlag', () => {
  it("gives V8 back its own budget, 66 KiB of bytecode (67,584: Node 20's V8 11.3 default)", () => {
    expect(V8_INTERRUPT_BUDGET).toBe(67_584);
    expect(usualTierUpFlag([])).toBe('--interrupt-budget=67584');
    // Other node options, a neighbouring V8 budget among them, are no reason to hold back.
    expect(usualTierUpFlag(['--enable-source-maps', '--interrupt-budget-for-feedback-allocation=900'])).toBe('--interrupt-budget=67584');
  });

  it('leaves a budget the user gave node alone, in either spelling', () => {
    for (const given of [['--interrupt-budget=100000'], ['--interrupt_budget=100000']]) {
      expect(usualTierUpFlag(given)).toBeUndefined();
    }
  });
});
