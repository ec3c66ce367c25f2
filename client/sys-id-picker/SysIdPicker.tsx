/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * Under every input that takes a sys_id: a picker of the sys_id variables
 * that ServiceNow tasks earlier in the process store (only those of the
 * referenced table for a reference field). Picking writes `=<variable>`
 * (on a wait event also into its record query).
 * Shows the variable the input names when it is one of them, and warns
 * when the input names a variable nothing before the task provides, with a
 * fix when one earlier task stores a name this close (case ignored).
 * Variables the FEEL editor knows (the variable resolver: output mappings,
 * result variables), and those a start form submits, are no problem.
 */
import type { DiagramElement } from '../types/bpmn-js';
import { useService } from 'bpmn-js-properties-panel';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { recordQueryProperty, recordQueryWithSysId } from '../../core/inbound/record-query';
import type { TemplateProperty } from '../../core/template/types';
import { inOneStep } from '../shared/batch-command';
import { tableOf } from '../../lint/diagram/servicenow-template';
import { propertyValue } from '../../lint/diagram/template-values';
import { writeProperty } from '../shared/write-binding';
import { referencedVariable, sysIdVariableLabel, sysIdVariableProblem, type KnownVariables, type SysIdVariable } from '../../lint/diagram/sys-id-variables';

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
  const producedAnywhere = (variable: string) => variables.isProducedAnywhere(variable);
  const editorVariables = useEditorVariables(element, producedAnywhere);
  // Which tasks store which variable is read from their FEEL result expressions: nothing to show until the parser is there.
  if (!variables.ready()) return null;
  const formAndMappings = variables.knownBefore(element);
  const known: KnownVariables = { open: formAndMappings.open, names: new Set([...formAndMappings.names, ...editorVariables]) };
  const problem = sysIdVariableProblem(used, all, producedAnywhere, known);
  // Reference fields show the picker only when it has something to offer or warn about.
  if (referencedTable && !offered.length && !problem) return null;

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
  // The select names the variable the input reads, once picked (or typed).
  const picked = used && offered.some((variable: SysIdVariable) => variable.variable === used) ? used : '';
  return (
    <div class="bio-properties-panel-entry servicenow-sysid-picker" data-entry-id={id}>
      <label for={selectId} class="bio-properties-panel-label">
        {`sys_id from an earlier task${referencedTable ? ` (${referencedTable})` : ''}`}
      </label>
      <select id={selectId} class="bio-properties-panel-input" value={picked} disabled={!offered.length} onChange={(event: Event) => pick((event.target as HTMLSelectElement).value)}>
        <option value="">{offered.length ? 'Choose a variable…' : 'No earlier ServiceNow task stores a sys_id'}</option>
        {offered.map((variable: SysIdVariable) => (
          <option key={`${variable.taskId}-${variable.variable}`} value={variable.variable}>{sysIdVariableLabel(variable)}</option>
        ))}
      </select>
      {problem ? (
        <p class="servicenow-sysid-warning" role="status">
          {`Warning: ${problem.message}`}
          {problem.suggestion ? (
            <button type="button" class="servicenow-fix" aria-label={`Apply fix: use ${problem.suggestion} instead of ${problem.variable}`} onClick={() => pick(problem.suggestion as string)}>
              {`Use ${problem.suggestion}`}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The names the FEEL editor offers in this task (the Modeler's
 * `variableResolver`, asynchronous), leaving out those ServiceNow tasks
 * store: whether those exist before the task is what the walk decides.
 */
function useEditorVariables(element: DiagramElement, producedAnywhere: (variable: string) => boolean): string[] {
  const resolver = useService('variableResolver', false);
  const eventBus = useService('eventBus');
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    if (!resolver?.getVariablesForElement) return undefined;
    let latest = 0;
    const read = () => {
      const ask = ++latest;
      Promise.resolve(resolver.getVariablesForElement(element))
        .then((found: { name?: unknown }[] | undefined) => {
          if (ask === latest) setNames((found ?? []).map((variable) => variable.name).filter((name): name is string => typeof name === 'string' && !producedAnywhere(name)));
        })
        .catch(() => { if (ask === latest) setNames([]); });
    };
    read();
    // Another element's output mapping may add or remove a name.
    eventBus.on('elements.changed', read);
    return () => { latest = -1; eventBus.off('elements.changed', read); };
  }, [element, resolver]);
  return names;
}
