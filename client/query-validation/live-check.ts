/**
 * What the live query check shares with the rest of the plugin: the event it
 * fires after each check (the status bar follows it instead of waiting for
 * the stored value and a lint pass), and whether the lint pass the panel
 * shows is behind it.
 */
import type { Diagnostic } from '../../core/query';
import type { DiagramElement } from '../types/bpmn-js';

/** Fired on the modeler's event bus with the element and the text just checked (typed, not yet saved perhaps). */
export const QUERY_CHECKED_EVENT = 'servicenow.query.checked';

export interface QueryChecked {
  element: DiagramElement;
  text: string;
}

/**
 * Whether the error the last lint pass reports for the query (`lintError`,
 * "<label>: <message>") is one the live check no longer finds: the Problems
 * list then shows an outdated error until the next lint pass.
 */
export function isLintBehind(lintError: string | undefined, diagnostics: readonly Diagnostic[]): boolean {
  if (!lintError) return false;
  return !diagnostics.some((diagnostic) => diagnostic.severity === 'error' && lintError.endsWith(diagnostic.message));
}
