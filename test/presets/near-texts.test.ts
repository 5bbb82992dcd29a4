import { describe, expect, it } from 'vitest';
import { editDistance, nearestTexts } from '../../src/presets/near-texts.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0], ['abc', '', 3], ['kitten', 'sitting', 3], ['autonomy', 'autonomy', 0], ['flaw', 'lawn', 2],
  ])('%s ↔ %s: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('nearestTexts', () => {
  const headers = ['Which team are you on?', 'I am comfortable with the coding expected of me.', 'I feel valued.', 'I FEEL VALUED!'];

  it('gives every text alike but for case, spaces and punctuation, and says so', () => {
    expect(nearestTexts('I am comfortable with the coding expected of me', headers)).toEqual({ alike: true, texts: ['I am comfortable with the coding expected of me.'] });
    expect(nearestTexts('i feel   valued', headers)).toEqual({ alike: true, texts: ['I feel valued.', 'I FEEL VALUED!'] });
  });

  it('else the closest by edit distance, however far, ties in the list order', () => {
    // "i feel value" is 1 letter from "ifeelvalued" (twice) and far from the others.
    expect(nearestTexts('I feel value', headers, 2)).toEqual({ alike: false, texts: ['I feel valued.', 'I FEEL VALUED!'] });
    expect(nearestTexts('Q9', ['Q4', 'Q10', 'How satisfied are you?'], 3).texts).toEqual(['Q4', 'Q10', 'How satisfied are you?']);
  });

  it('gives nothing from nothing', () => {
    expect(nearestTexts('anything', [])).toEqual({ alike: false, texts: [] });
  });
});

describe('nearestTexts among many', () => {
  it('measures only those sharing most letter triples, and still finds the one meant past hundreds of others', () => {
    // 300 long questions of other words; the one meant, last, shares three of the key's four words.
    const others = Array.from({ length: 300 }, (_, i) => `Question ${i}: how often does the rota ask for weekend cover in month ${i}?`);
    const meant = 'How valued do you feel at work?';
    expect(nearestTexts('How valued you feel', [...others, meant], 1)).toEqual({ alike: false, texts: [meant] });
  });

  it('finds the header of a key whose every word is misspelt, sharing no word with it', () => {
    // "Autonmy levl" shares no word with "Autonomy level", but its triples aut, uto, ton, lev: the header
    // meant is among those measured, behind a dozen others, and the nearest.
    const others = ['Timestamp', 'Team', 'I feel valued.', ...Array.from({ length: 12 }, (_, i) => `Comment on topic ${i}`)];
    expect(nearestTexts('Autonmy levl', [...others, 'Autonomy level'], 1).texts).toEqual(['Autonomy level']);
  });
});
