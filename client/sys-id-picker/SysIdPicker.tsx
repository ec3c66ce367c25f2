/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * Under every input that takes a sys_id: a picker of the sys_id variables
 * that ServiceNow tasks earlier in the process store (only those of the
 * referenced table for a reference field). Picking writes `=<variable>`
 * (on a wait event also into its record query).
 * Warns when the input names a variable no earlier task produces.
 */
import type { DiagramElement } from '../types/bpmn-js';
import { useService } from 'bpmn-js-properties-panel';
import { recordQueryProperty, recordQueryWithSysId } from '../../core/inbound/record-query';
import type { TemplateProperty } from '../../core/template/types';
import { inOneStep } from '../shared/batch-command';
import { tableOf } from '../../lint/diagram/servicenow-template';
import { propertyValue } from '../../lint/diagram/template-values';
import { writeProperty } from '../shared/write-binding';
import { isMissingSysIdVariable, missingSysIdVariableMessage, referencedVariable, sysIdVariableLabel, type SysIdVariable } from '../../lint/diagram/sys-id-variables';

interface Props {
  element: DiagramElement;
  id: string;
  property: TemplateProperty;
  /** Only variables of this table (a reference field); undefined: the task's own table. */
  referencedTable?: string;
}

export function SysIdPicker({ element, id, property, referencedTable }: Props) {
  const elementTemplates = useService('elementTemplates');
  const commandStack = useService('commandStack');
  const services = { modeling: useService('modeling'), bpmnFactory: useService('bpmnFactory') };
  const bo = element.businessObject;
  const template = elementTemplates.get(element);
  const wanted = referencedTable ?? (template ? tableOf(template, bo) : undefined);

  const variables = useService('serviceNowSysIdVariables');
  const all = variables.variablesBefore(element);
  const offered = all.filter((variable: SysIdVariable) => !wanted || !variable.table || variable.table === wanted);
  const value = propertyValue(bo, property);
  const used = referencedVariable(typeof value === 'string' ? value : undefined);
  const unknown = isMissingSysIdVariable(used, all, (variable) => variables.isProducedAnywhere(variable));
  // Reference fields show the picker only when it has something to offer or warn about.
  if (referencedTable && !offered.length && !unknown) return null;

  const recordQuery = template ? recordQueryProperty(template) : undefined;
  const pick = (variable: string) => {
    if (!variable) return;
    inOneStep(commandStack, () => {
      writeProperty(element, property, `=${variable}`, services);
      // A wait event names its record twice, in the poll's query and in the correlation key: keep them on one variable.
      const query = recordQuery ? propertyValue(bo, recordQuery) : undefined;
      const renamed = recordQuery && typeof query === 'string' ? recordQueryWithSysId(query, variable) : undefined;
      if (recordQuery && renamed !== undefined && renamed !== query) writeProperty(element, recordQuery, renamed, services);
    });
  };

  const selectId = `bio-properties-panel-${id}`;
  return (
    <div class="bio-properties-panel-entry servicenow-sysid-picker" data-entry-id={id}>
      <label for={selectId} class="bio-properties-panel-label">
        {`sys_id from an earlier task${referencedTable ? ` (${referencedTable})` : ''}`}
      </label>
      <select id={selectId} class="bio-properties-panel-input" value="" disabled={!offered.length} onChange={(event: Event) => pick((event.target as HTMLSelectElement).value)}>
        <option value="">{offered.length ? 'Choose a variable…' : 'No earlier ServiceNow task stores a sys_id'}</option>
        {offered.map((variable: SysIdVariable) => (
          <option key={`${variable.taskId}-${variable.variable}`} value={variable.variable}>{sysIdVariableLabel(variable)}</option>
        ))}
      </select>
      {unknown ? (
        <p class="servicenow-sysid-warning" role="status">{`Warning: ${missingSysIdVariableMessage(used)}`}</p>
      ) : null}
    </div>
  );
}
