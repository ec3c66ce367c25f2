/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * The diagnostics entry under a template's query field: severity, message
 * and, where the engine suggests one, a fix button (one undoable command),
 * then the query in plain words. It follows the live text as the user types
 * (scheduled off the input event, at most once per frame) and the stored
 * value otherwise. Everything from metadata is rendered as text.
 *
 * It is the one place a query's problems show in the panel: the lint rules
 * report against this entry (not the query field), so the field gets no
 * second, lagging copy; the field's outline follows this entry (style.css).
 * Each check is announced (`servicenow.query.checked`) so the status bar
 * agrees with it at once, and while the last lint pass (the Problems list)
 * still reports an error this check no longer finds, the entry says so.
 */
import type { DiagramElement } from '../types/bpmn-js';
import { useError } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { useEffect, useMemo, useRef } from '@bpmn-io/properties-panel/preact/hooks';
import { useBundledMetadata, useFeelParser } from '../shared/use-bundled-metadata';
import { applySuggestion, applySuggestions, type Diagnostic } from '../../core/query';
import type { TemplateProperty } from '../../core/template/types';
import { inOneStep } from '../shared/batch-command';
import { tableOf } from '../../lint/diagram/servicenow-template';
import { propertyValue } from '../../lint/diagram/template-values';
import { writeProperty } from '../shared/write-binding';
import { checkQueryText } from '../../lint/query/check-task-query';
import { movedParameters, type MovedParameter } from './moved-parameters';
import { useLiveText } from './use-live-text';
import { useQueryExplainer } from './use-query-explainer';
import { commitPendingInput } from './live-text';
import { QUERY_CHECKED_EVENT, isLintBehind } from './live-check';

/** Passes of Fix all: each applies the suggestions of a fresh check; a query settles in two or three. */
const MAX_FIX_PASSES = 5;
const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

interface Props {
  element: DiagramElement;
  id: string;
  /** The entry id of the query field this entry annotates. */
  queryEntryId: string;
  property: TemplateProperty;
}

export function QueryDiagnostics({ element, id, queryEntryId, property }: Props) {
  const elementTemplates = useService('elementTemplates');
  const services = { modeling: useService('modeling'), bpmnFactory: useService('bpmnFactory') };
  const commandStack = useService('commandStack');
  const eventBus = useService('eventBus');
  const lintError = useError(id);
  const root = useRef<HTMLDivElement | null>(null);
  const template = elementTemplates.get(element);
  const table = template ? tableOf(template, element.businessObject) : undefined;
  const stored = propertyValue(element.businessObject, property);
  const storedText = typeof stored === 'string' ? stored : '';
  const [text, setText] = useLiveText(root, queryEntryId, storedText, element);

  // The snapshot's arrival (other tables, for dot-walks) checks the query again.
  const snapshot = useBundledMetadata();
  const feel = useFeelParser();
  const explainer = useQueryExplainer();
  const result = useMemo(() => checkQueryText(text, template, table, snapshot, feel, explainer), [text, template, table, snapshot, feel, explainer]);

  useEffect(() => { eventBus.fire(QUERY_CHECKED_EVENT, { element, text }); }, [text, element]);


  // A fix removes its own button: focus moves to the next fix, else back to the query field, never to the page body.
  // Checked after the render the new text causes and again once the write has re-rendered the panel, which may
  // rebuild this entry; a control the modeler moved to in between keeps the focus.
  const restoreFocus = () => {
    const entry = document.querySelector(`[data-entry-id="${id}"]`);
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || !focused.isConnected || Boolean(entry?.contains(focused));
    if (!lost) return;
    const next = entry?.querySelector<HTMLElement>('button.servicenow-fix');
    const field = document.querySelector<HTMLElement>(`[data-entry-id="${queryEntryId}"] :is(input, textarea, [contenteditable="true"])`);
    const target = next ?? field;
    if (target && target !== focused) target.focus();
  };
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    restoreFocus();
  });

  const fix = (diagnostic: Diagnostic) => {
    commitPendingInput(queryEntryId);
    const fixed = applySuggestion(text, diagnostic);
    write(fixed, movedParameters(text, [diagnostic], template));
  };

  const write = (fixed: string, moved: MovedParameter[]) => {
    refocus.current = true;
    setText(fixed);
    inOneStep(commandStack, () => {
      writeProperty(element, property, fixed, services);
      for (const parameter of moved) writeProperty(element, parameter.property, parameter.value, services);
    });
    requestAnimationFrame(() => requestAnimationFrame(restoreFocus));
  };

  // Fix all: every suggestion, checked again after each pass (a fix can reveal the next, e.g. a pasted list URL), written as one undoable step.
  const fixAll = () => {
    commitPendingInput(queryEntryId);
    let fixed = text;
    const moved: MovedParameter[] = [];
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const found = checkQueryText(fixed, template, table, snapshot, feel).diagnostics;
      moved.push(...movedParameters(fixed, found, template));
      const next = applySuggestions(fixed, found);
      if (next === fixed) break;
      fixed = next;
    }
    write(fixed, moved);
  };
  const fixable = result.diagnostics.filter((diagnostic) => diagnostic.suggestion !== undefined).length;

  return (
    <div ref={root} class="bio-properties-panel-entry servicenow-query-diagnostics" data-entry-id={id} data-checked-length={String(text.length)}
      data-has-errors={result.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 'true' : undefined}>
      {result.diagnostics.length ? (
        <ul class="servicenow-diagnostics" aria-label="Query problems" aria-live="polite">
          {result.diagnostics.map((diagnostic, index) => (
            <li key={`${diagnostic.code}-${diagnostic.start}-${index}`} class={`servicenow-diagnostic servicenow-${diagnostic.severity}`} data-code={diagnostic.code}>
              <span class="servicenow-severity">{SEVERITY_LABEL[diagnostic.severity]}:</span>{' '}
              <span class="servicenow-message">{diagnostic.message}</span>
              {diagnostic.suggestion !== undefined ? (
                <button
                  type="button"
                  class="servicenow-fix"
                  aria-label={`Apply fix: replace "${text.slice(diagnostic.start, diagnostic.end)}" with "${diagnostic.suggestion}"`}
                  onClick={() => fix(diagnostic)}
                >
                  {diagnostic.suggestion ? `Use ${diagnostic.suggestion}` : 'Remove'}
                </button>
              ) : null}
            </li>
          ))}
          {fixable > 1 ? (
            <li class="servicenow-fix-all-row"><button type="button" class="servicenow-fix servicenow-fix-all" onClick={fixAll}>{`Fix all (${fixable})`}</button></li>
          ) : null}
        </ul>
      ) : (
        <p class="servicenow-diagnostics-ok" aria-live="polite">{text ? 'No problems found in this query.' : ''}</p>
      )}
      {isLintBehind(lintError, result.diagnostics) ? (
        <p class="servicenow-lint-behind" role="status">The Problems list still shows the previous check; it follows this one after the next lint pass.</p>
      ) : null}
      {result.explanationItems.length > 1 ? (
        <div class="servicenow-query-explanation">
          <span class="servicenow-explanation-label">In plain words, records where all of these hold:</span>
          <ul class="servicenow-explanation-items">{result.explanationItems.map((item, index) => <li key={index}>{item}</li>)}</ul>
        </div>
      ) : result.explanation ? (
        <p class="servicenow-query-explanation"><span class="servicenow-explanation-label">In plain words: </span>{result.explanation}</p>
      ) : null}
    </div>
  );
}
