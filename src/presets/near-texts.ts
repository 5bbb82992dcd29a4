/**
 * The texts of a list nearest one that matched none of them: a config key copied from a form with a
 * character lost or changed (`... expected of me` for `... expected of me.`) points at the header meant.
 */

/** Letters and digits only, lower-cased: texts alike but for case, spaces and punctuation read the same. */
const bare = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Longer texts are compared by their first this many characters: a header is never a page long, a cell may
 * be, and the distance costs the product of the two lengths.
 */
const MAX_COMPARED = 120;

/**
 * How many candidates, those sharing most letter triples with the text, are measured by edit distance: a
 * form of hundreds of long questions, each key of several waves' wordings unmatched, took seconds of every
 * run when each key was measured against every header. Triples, not words: a key with every word misspelt
 * ("Autonmy levl") shares none of its header's words, but most of its triples.
 */
const MEASURED = 10;

/** The text's letter triples (`autonomy` → aut, uto, ton, ono, nom, omy), of its letters and digits. */
function triplesOf(bareText: string): Set<string> {
  const triples = new Set<string>();
  for (let i = 0; i + 3 <= bareText.length; i++) triples.add(bareText.slice(i, i + 3));
  if (triples.size === 0 && bareText !== '') triples.add(bareText);
  return triples;
}

/** The share of triples two texts have in common (Dice's coefficient): 1 for the same, 0 for none shared. */
function sharedTriples(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const triple of a) if (b.has(triple)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Levenshtein distance (insertions, deletions and substitutions of one character each), on two rows. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface NearTexts {
  /** The texts are the same as the one looked for but for case, spaces and punctuation. */
  readonly alike: boolean;
  readonly texts: readonly string[];
}

/**
 * The texts of `candidates` nearest `text`: every one alike but for case, spaces and punctuation when
 * some are; else, of the MEASURED sharing most letter triples with it, the `count` closest by edit distance of their
 * letters and digits (ties in the list's order), however far, since a reworded question is still best
 * found by its nearest header.
 */
export function nearestTexts(text: string, candidates: readonly string[], count = 3): NearTexts {
  const wanted = bare(text);
  const unique = [...new Set(candidates)];
  const alike = unique.filter((candidate) => bare(candidate) === wanted);
  if (alike.length > 0) return { alike: true, texts: alike };
  const target = wanted.slice(0, MAX_COMPARED);
  const triples = triplesOf(target);
  const likeliest = unique
    .map((candidate, index) => ({ candidate, index, shared: sharedTriples(triples, triplesOf(bare(candidate).slice(0, MAX_COMPARED))) }))
    .sort((a, b) => b.shared - a.shared || a.index - b.index)
    .slice(0, MEASURED);
  const scored = likeliest.map(({ candidate, index }) => ({ candidate, index, distance: editDistance(target, bare(candidate).slice(0, MAX_COMPARED)) }));
  scored.sort((a, b) => a.distance - b.distance || a.index - b.index);
  return { alike: false, texts: scored.slice(0, count).map((entry) => entry.candidate) };
}
