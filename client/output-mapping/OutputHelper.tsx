/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * "Store sys_id in": the name of the process variable that receives the
 * record's sys_id (and number, when the table has one), written into the
 * task's result expression as one undoable command. Prefilled `<table>SysId`.
 */
import type { DiagramElement } from '../types/bpmn-js';
import { useService } from 'bpmn-js-properties-panel';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { metadataForTemplate } from '../shared/bundled-metadata';
import { inOneStep } from '../shared/batch-command';
import { tableOf } from '../shared/servicenow-template';
import { writeHeader } from '../shared/write-binding';
import { getHeaderValue } from '../shared/zeebe';
import { defaultSysIdVariable, isValidVariableName, numberVariableFor, readOutputVariables, removeOutputVariables, writeOutputVariables } from './result-expression';

const RESULT_EXPRESSION = 'resultExpression';

export function OutputHelper({ element, id }: { element: DiagramElement; id: string }) {
  const elementTemplates = useService('elementTemplates');
  const commandStack = useService('commandStack');
  const services = { modeling: useService('modeling'), bpmnFactory: useService('bpmnFactory') };
  const template = elementTemplates.get(element);
  const table = template ? tableOf(template, element.businessObject) : undefined;
  const expression = getHeaderValue(element.businessObject, RESULT_EXPRESSION);
  const stored = readOutputVariables(expression).sysId;
  const [name, setName] = useState(stored ?? (table ? defaultSysIdVariable(table) : ''));
  useEffect(() => setName(stored ?? (table ? defaultSysIdVariable(table) : '')), [stored, table, element]);

  const fields = table ? metadataForTemplate(template, table)?.tables.get(table)?.fields : undefined;
  const withNumber = !fields || fields.some((field) => field.element === 'number');
  const error = name && !isValidVariableName(name) ? 'Use letters, digits and _ only, starting with a letter.' : undefined;
  const next = name && !error ? writeOutputVariables(expression, name, withNumber) : undefined;
  const custom = Boolean(name && !error && next === undefined);

  const store = () => {
    if (!next) return;
    inOneStep(commandStack, () => writeHeader(element, RESULT_EXPRESSION, next, services));
  };
  const remove = () => inOneStep(commandStack, () => writeHeader(element, RESULT_EXPRESSION, removeOutputVariables(expression) ?? '', services));

  const inputId = `bio-properties-panel-${id}`;
  return (
    <div class="bio-properties-panel-entry servicenow-output-helper" data-entry-id={id}>
      <label for={inputId} class="bio-properties-panel-label">Store sys_id in variable</label>
      <input
        id={inputId}
        class="bio-properties-panel-input"
        type="text"
        spellcheck={false}
        value={name}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={`${id}-description`}
        onInput={(event: Event) => setName((event.target as HTMLInputElement).value)}
        onKeyDown={(event: KeyboardEvent) => { if (event.key === 'Enter') store(); }}
      />
      <div class="servicenow-output-actions">
        <button type="button" class="servicenow-output-store" disabled={!next || stored === name} onClick={store}>
          {stored ? (stored === name ? 'Stored in the result expression' : 'Rename variable') : 'Store in the result expression'}
        </button>
        {stored ? <button type="button" class="servicenow-output-remove" onClick={remove}>Stop storing</button> : null}
      </div>
      <p id={`${id}-description`} class="bio-properties-panel-description">
        {error ?? (custom
          ? 'The result expression is not a FEEL context ({...}); clear it or make it one to let the helper add its entries.'
          : `Sets ${name || 'the variable'} to the record's sys_id${withNumber && name ? ` and ${numberVariableFor(name)} to its number` : ''}. Later tasks can pick it for a sys_id.`)}
      </p>
    </div>
  );
}
