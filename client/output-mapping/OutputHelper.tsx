/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * "Store sys_id in": the name of the process variable that receives the
 * record's sys_id (and number, when the table has one), written into the
 * task's result expression as one undoable command. Prefilled `<table>SysId`.
 * A new name is saved on Enter, the button, or when the field loses focus
 * (the description already reads the new name, so leaving must not lose it).
 * After a rename, it offers to rename the later tasks' inputs that read the
 * old name too, as one more undoable step. Under our preset error handling
 * it writes the entries inside the presets' answer check, so a redirect or a
 * login page still reaches the error expression and raises an incident; a
 * result expression without that check gets the lint rule's warning here,
 * with the checked form as a fix.
 */
import type { DiagramElement } from '../types/bpmn-js';
import { useService } from 'bpmn-js-properties-panel';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { TemplateProperty } from '../../core/template/types';
import { metadataForTemplate } from '../../lint/metadata/template-metadata';
import { useBundledMetadata, useFeelParser } from '../shared/use-bundled-metadata';
import { inOneStep } from '../shared/batch-command';
import { tableOf } from '../../lint/diagram/servicenow-template';
import { valuesToActivate } from '../shared/activation';
import { writeHeader, writeProperty } from '../shared/write-binding';
import { getHeaderValue } from '../../lint/diagram/zeebe';
import { defaultSysIdVariable, isValidVariableName, numberVariableFor } from '../../lint/diagram/result-expression';
import { removeOutputVariables, writeOutputVariables } from '../../lint/diagram/result-expression-writer';
import { activePreset, isResultExpression, RESULT_EXPRESSION, storedSysIdVariable } from '../../lint/diagram/stored-variable';
import { resultGuardProblem, taskAnswerRule } from '../../lint/diagram/result-guard';
import { usagesText, variableUsages, type VariableUsage } from './variable-usages';

export function OutputHelper({ element, id }: { element: DiagramElement; id: string }) {
  const elementTemplates = useService('elementTemplates');
  const commandStack = useService('commandStack');
  const services = { modeling: useService('modeling'), bpmnFactory: useService('bpmnFactory') };
  const elementRegistry = useService('elementRegistry');
  const template = elementTemplates.get(element);
  const table = template ? tableOf(template, element.businessObject) : undefined;
  const expression = getHeaderValue(element.businessObject, RESULT_EXPRESSION);
  const feel = useFeelParser();
  const stored = template && feel ? storedSysIdVariable(template, element.businessObject, feel) : undefined;
  // A preset expression is replaced as a whole; a user-written one keeps its other entries.
  const base = template && activePreset(template, element.businessObject) ? undefined : expression;
  const [name, setName] = useState(stored ?? (table ? defaultSysIdVariable(table) : ''));
  useEffect(() => setName(stored ?? (table ? defaultSysIdVariable(table) : '')), [stored, table, element]);
  const [offer, setOffer] = useState<{ from: string; to: string; usages: VariableUsage[] } | undefined>(undefined);
  useEffect(() => setOffer(undefined), [element]);

  const bundled = useBundledMetadata();
  // The helper reads the result expression as FEEL: nothing to show until the parser's chunk is there.
  if (!feel) return null;
  const fields = table ? metadataForTemplate(template, table, bundled)?.tables.get(table)?.fields : undefined;
  const withNumber = !fields || fields.some((field) => field.element === 'number');
  const error = name && !isValidVariableName(name) ? 'Use letters, digits and _ only, starting with a letter.' : undefined;
  // The answer rule of the task's preset error expression: the helper's entries map only such an answer.
  const rule = template ? taskAnswerRule(template, element.businessObject) : undefined;
  const next = name && !error && feel ? writeOutputVariables(base, name, withNumber, feel, rule) : undefined;
  const unguarded = template ? resultGuardProblem(template, element.businessObject, feel) : undefined;
  const custom = Boolean(name && !error && next === undefined);

  // Templates with a preset mapping (ours) show the expression only in their custom mode: switch to it first.
  const editable = template?.properties.find((property: TemplateProperty) => property.type !== 'Hidden' && isResultExpression(property));
  const write = (value: string) => inOneStep(commandStack, () => {
    for (const change of editable ? valuesToActivate(template, editable, element.businessObject) : []) writeProperty(element, change.property, change.value, services);
    writeHeader(element, RESULT_EXPRESSION, value, services);
  });
  const store = () => {
    // Read the stored name afresh: the button's click comes right after the field's blur already saved it.
    const current = template && feel ? storedSysIdVariable(template, element.businessObject, feel) : undefined;
    if (!next || current === name) return;
    write(next);
    const usages = current ? variableUsages(element.businessObject, elementRegistry.getAll().map((shape: DiagramElement) => shape.businessObject), current, name) : [];
    setOffer(usages.length && current ? { from: current, to: name, usages } : undefined);
  };
  const updateUsages = (usages: VariableUsage[]) => {
    inOneStep(commandStack, () => {
      for (const usage of usages) services.modeling.updateModdleProperties(elementRegistry.get(usage.bo.id), usage.input, { source: usage.renamed });
    });
    setOffer(undefined);
  };
  const remove = () => { if (feel) write(removeOutputVariables(base, feel, rule) ?? ''); };

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
        onBlur={store}
      />
      <div class="servicenow-output-actions">
        {/* What is already done is said as text; the button shows only when there is something to do. */}
        <button type="button" class="servicenow-output-store" hidden={stored !== undefined && stored === name} disabled={!next} onClick={store}>
          {stored ? 'Rename variable' : 'Store in the result expression'}
        </button>
        {stored && stored === name ? <span class="servicenow-output-status">{`Stored in the result expression as ${stored}.`}</span> : null}
        {stored ? <button type="button" class="servicenow-output-remove" onClick={remove}>Stop storing</button> : null}
      </div>
      {unguarded ? (
        <p class="servicenow-output-guard" role="status">
          {`Warning: the result expression ${unguarded.message}`}
          <button type="button" class="servicenow-fix" onClick={() => write(unguarded.suggestion)}>Add the answer check</button>
        </p>
      ) : null}
      {offer ? (
        <p class="servicenow-output-usages" role="status">
          {`Later tasks still read ${offer.from}. `}
          <button type="button" class="servicenow-output-update-usages" onClick={() => updateUsages(offer.usages)}>{`Also update ${usagesText(offer.usages)}`}</button>
        </p>
      ) : null}
      <p id={`${id}-description`} class="bio-properties-panel-description">
        {error ?? (custom
          ? 'The result expression is not a FEEL context ({...}); clear it or make it one to let the helper add its entries.'
          : `Sets ${name || 'the variable'} to the record's sys_id${withNumber && name ? ` and ${numberVariableFor(name)} to its number` : ''}. Later tasks can pick it for a sys_id.`)}
      </p>
    </div>
  );
}
