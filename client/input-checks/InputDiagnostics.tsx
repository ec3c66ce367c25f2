/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * The findings under a checked input (the columns to return, a payload):
 * message and, where there is a did-you-mean, a fix button (one undoable
 * command). It follows the live text as the user types, like the query's
 * diagnostics, and renders everything from metadata as text. The lint rules
 * report against this entry, so the field gets no second, lagging copy.
 */
import type { DiagramElement } from '../types/bpmn-js';
import { useService } from 'bpmn-js-properties-panel';
import { useMemo, useRef } from '@bpmn-io/properties-panel/preact/hooks';
import { applySuggestion, type Diagnostic } from '../../core/query';
import type { TemplateProperty } from '../../core/template/types';
import { inOneStep } from '../shared/batch-command';
import { tableOf } from '../../lint/diagram/servicenow-template';
import { propertyValue } from '../../lint/diagram/template-values';
import { useBundledMetadata, useFeelParser } from '../shared/use-bundled-metadata';
import { writeProperty } from '../shared/write-binding';
import { useLiveText } from '../query-validation/use-live-text';
import { commitPendingInput } from '../query-validation/live-text';
import { checkInputText, type CheckedInputKind } from '../../lint/input-checks/check-task-inputs';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

interface Props {
  element: DiagramElement;
  id: string;
  /** The entry id of the input this entry annotates. */
  inputEntryId: string;
  property: TemplateProperty;
  kind: CheckedInputKind;
}

export function InputDiagnostics({ element, id, inputEntryId, property, kind }: Props) {
  const elementTemplates = useService('elementTemplates');
  const services = { modeling: useService('modeling'), bpmnFactory: useService('bpmnFactory') };
  const commandStack = useService('commandStack');
  const root = useRef<HTMLDivElement | null>(null);
  const template = elementTemplates.get(element);
  const table = template ? tableOf(template, element.businessObject) : undefined;
  const stored = propertyValue(element.businessObject, property);
  const storedText = typeof stored === 'string' ? stored : '';
  const [text, setText] = useLiveText(root, inputEntryId, storedText, element);

  const snapshot = useBundledMetadata();
  const feel = useFeelParser();
  const diagnostics = useMemo(() => checkInputText(kind, text, template, table, snapshot, feel).filter((diagnostic) => diagnostic.severity !== 'info'), [kind, text, template, table, snapshot, feel]);

  const fix = (diagnostic: Diagnostic) => {
    commitPendingInput(inputEntryId);
    const fixed = applySuggestion(text, diagnostic);
    setText(fixed);
    inOneStep(commandStack, () => writeProperty(element, property, fixed, services));
  };

  return (
    <div ref={root} class="bio-properties-panel-entry servicenow-input-diagnostics" data-entry-id={id}>
      {diagnostics.length ? (
        <ul class="servicenow-diagnostics" aria-label={kind === 'fields' ? 'Problems in the fields to return' : 'Problems in the payload'} aria-live="polite">
          {diagnostics.map((diagnostic, index) => (
            <li key={`${diagnostic.code}-${diagnostic.start}-${index}`} class={`servicenow-diagnostic servicenow-${diagnostic.severity}`} data-code={diagnostic.code}>
              <span class="servicenow-severity">{SEVERITY_LABEL[diagnostic.severity]}:</span>{' '}
              <span class="servicenow-message">{diagnostic.message}</span>
              {diagnostic.suggestion ? (
                <button type="button" class="servicenow-fix"
                  aria-label={`Apply fix: replace "${text.slice(diagnostic.start, diagnostic.end)}" with "${diagnostic.suggestion}"`}
                  onClick={() => fix(diagnostic)}>
                  {`Use ${diagnostic.suggestion}`}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
