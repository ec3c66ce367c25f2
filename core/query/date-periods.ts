/**
 * The periods GlideSystem has both `beginningOf<Period>()` and
 * `endOf<Period>()` for (ServiceNowDocs c_GlideSystemAPI.md), which the
 * condition builder writes as `ON<label>@javascript:gs.beginningOf<Period>()@javascript:gs.endOf<Period>()`.
 */
export const DATE_PERIODS = ['Today', 'Yesterday', 'Tomorrow', 'ThisWeek', 'LastWeek', 'NextWeek', 'ThisMonth', 'LastMonth', 'NextMonth', 'ThisQuarter', 'ThisYear', 'NextYear'];

/** Periods in words, bounded: every ON range of every check asks for its two. */
const periodTexts = new Map<string, string>();

/** `Last90Days` → `last 90 days`. */
export function periodWords(period: string): string {
  let words = periodTexts.get(period);
  if (words === undefined) {
    words = period.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/([0-9])([A-Z])/g, '$1 $2').toLowerCase();
    if (periodTexts.size >= 1000) periodTexts.clear();
    periodTexts.set(period, words);
  }
  return words;
}

/** The `ON` value for a period, labelled as the condition builder does (`This week`). */
export function dateOnValue(period: string): { label: string; value: string } {
  const words = periodWords(period);
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return { label, value: `${label}@javascript:gs.beginningOf${period}()@javascript:gs.endOf${period}()` };
}
