/**
 * The one did-you-mean helper: a bounded edit distance, the one rule for how
 * many edits still count as "close", and the ranked pick of candidates.
 */

// Rows reused across calls: the distance runs per candidate field, allocation would dominate.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition,
 * so `STARTSWTIH` is one edit from `STARTSWITH`). Returns `max + 1` as soon as
 * the distance must exceed `max`, which keeps it cheap for long strings.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 2);
    rowB = new Int32Array(b.length * 2 + 2);
    rowC = new Int32Array(b.length * 2 + 2);
  }
  let before = rowA; // row i-2
  let previous = rowB; // row i-1
  let current = rowC;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (charA === charB ? 0 : 1));
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length]!;
}

/**
 * How many edits a written word of `length` characters may be from a
 * candidate and still be offered: one per started four characters, at most
 * three (1 up to 4 characters, 2 up to 8, 3 beyond). Short words get one edit
 * so that `ON` does not suggest `IN`-like noise; long ones stop at three so a
 * long name never "matches" an unrelated one of similar length.
 */
export function allowedEdits(length: number): number {
  return Math.min(3, Math.max(1, Math.ceil(length / 4)));
}

export interface CloseMatchOptions {
  /** Compare without regard to case (ServiceNow names are lower case, people type `Incident`). Candidates are returned as given. */
  ignoreCase?: boolean;
  /**
   * Also offer candidates that contain the word or are contained in it
   * (`incident` for `incidents_table`), ranked by their length difference at a
   * tenth of an edit per character, so they come before any real typo.
   */
  containing?: boolean;
  /** At most this many matches (default 3). */
  limit?: number;
}

/**
 * The candidates closest to `word` within `allowedEdits(word.length)`, best
 * first (ties by name). Only the best-scoring ones are returned: a candidate
 * one edit away hides those two edits away, so the hint names what was most
 * likely meant.
 */
export function closeMatches(word: string, candidates: Iterable<string>, options: CloseMatchOptions = {}): string[] {
  const { ignoreCase = false, containing = false, limit = 3 } = options;
  const wanted = ignoreCase ? word.toLowerCase() : word;
  const max = allowedEdits(wanted.length);
  const scored = new Map<string, number>();
  for (const candidate of candidates) {
    if (scored.has(candidate)) continue;
    const compared = ignoreCase ? candidate.toLowerCase() : candidate;
    const contained = containing && compared !== '' && wanted !== '' && (compared.includes(wanted) || wanted.includes(compared));
    const score = contained ? Math.abs(compared.length - wanted.length) / 10 : editDistance(wanted, compared, max);
    if (score <= max) scored.set(candidate, score);
  }
  const ranked = [...scored].sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0));
  const best = ranked[0]?.[1];
  return ranked.filter(([, score]) => score === best).slice(0, limit).map(([candidate]) => candidate);
}

/**
 * The one closest candidate within `allowedEdits(word.length)`, ties broken
 * by candidate order (the caller's order carries meaning, e.g. a table's
 * column order). Bounded per candidate: cheap enough for every keystroke.
 */
export function closestMatch(word: string, candidates: Iterable<string>, options: Pick<CloseMatchOptions, 'ignoreCase'> = {}): string | undefined {
  const wanted = options.ignoreCase ? word.toLowerCase() : word;
  let best: string | undefined;
  let bestDistance = allowedEdits(wanted.length) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, options.ignoreCase ? candidate.toLowerCase() : candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
