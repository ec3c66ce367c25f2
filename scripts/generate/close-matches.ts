/** Edit distance (insertions, deletions, substitutions), for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Up to `limit` candidates close to `name`: containing it or contained in
 * it, or within a third of its length in edit distance; closest first.
 */
export function closeMatches(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = name.toLowerCase();
  const scored: [string, number][] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const score = lower.includes(wanted) || wanted.includes(lower) ? Math.abs(lower.length - wanted.length) / 10 : distance(wanted, lower);
    if (score <= Math.max(2, Math.ceil(wanted.length / 3))) scored.push([candidate, score]);
  }
  return scored
    .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([candidate]) => candidate);
}
