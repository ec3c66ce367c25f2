/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * The "Table" entry: an accessible combobox (ARIA 1.2 pattern) searching
 * tables by name or label; picking one applies its template. Metadata labels
 * are rendered as text nodes only.
 */
import type { DiagramElement } from '../types/bpmn-js';
import { useService } from 'bpmn-js-properties-panel';
import { useEffect, useMemo, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { BundledMetadata } from '../shared/bundled-metadata';
import { useBundledMetadata } from '../shared/use-bundled-metadata';
import { isServiceNowTemplate, tableOf } from '../../lint/diagram/servicenow-template';
import { filterOptions, tableOptions, type TableOption } from './table-options';
import { carryText } from './carry-fields';
import { lastSwitchOf } from './last-switch';

// The switch (carrying values, output variables, counterparts) is a chunk of its own, fetched when the list first
// opens: selecting a task renders the picker closed, and most selections never switch.
let switchChunk: Promise<typeof import('./switch-table')> | undefined;
const loadSwitch = () => (switchChunk ??= import(/* webpackChunkName: "servicenow-table-switch" */ './switch-table'));

const MAX_SHOWN = 50;

export function TablePicker({ element, id }: { element: DiagramElement; id: string }) {
  const elementTemplates = useService('elementTemplates');
  const services = {
    elementTemplates,
    commandStack: useService('commandStack'),
    modeling: useService('modeling'),
    bpmnFactory: useService('bpmnFactory')
  };
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Options are built only while the list is open: selecting a task renders the picker closed.
  const bundled: BundledMetadata = useService('serviceNowBundledMetadata');
  const snapshot = useBundledMetadata();
  const options = useMemo(() => (open ? tableOptions(elementTemplates.getAll(), bundled.tables()) : []), [open, elementTemplates, bundled, snapshot]);
  const matches = useMemo(() => filterOptions(options, search).slice(0, MAX_SHOWN), [options, search]);

  const template = elementTemplates.get(element);
  const current = isServiceNowTemplate(template) ? tableOf(template, element.businessObject) : undefined;
  const switched = lastSwitchOf(element.businessObject);
  const switchNote = switched && switched.table === current ? carryText(switched.report) : '';
  const listId = `${id}-options`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const pick = (option: TableOption | undefined) => {
    if (!option) return;
    setOpen(false);
    setSearch('');
    // A pick before the chunks arrived waits for them (the FEEL parser renames the result expression's variables); the list already asked for them when it opened.
    Promise.all([loadSwitch(), bundled.load()]).then(([chunk]) => chunk.switchTable(element, option, { ...services, feel: bundled.feel() }))
      .catch((error: unknown) => console.warn('[servicenow] the table switch does not load:', error));
  };
  useEffect(() => { if (open) void loadSwitch(); }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    // Closed, the list has no options yet (they are built on opening): ArrowDown opens it on the first.
    if (event.key === 'ArrowDown' && !open) { event.preventDefault(); setOpen(true); setActive(0); }
    else if (event.key === 'ArrowDown') { event.preventDefault(); setActive((index) => Math.min(index + 1, matches.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((index) => Math.max(index - 1, 0)); }
    else if (event.key === 'Enter' && open) { event.preventDefault(); pick(matches[active]); }
    else if (event.key === 'Escape') { setOpen(false); }
  };

  return (
    <div class="bio-properties-panel-entry servicenow-table-picker" data-entry-id={id}>
      <label for={`bio-properties-panel-${id}`} class="bio-properties-panel-label">Table</label>
      <p class="servicenow-current-table" id={`${id}-current`}>
        {current ? `Current: ${current}` : 'No ServiceNow table yet: search one to apply its template.'}
      </p>
      {switchNote ? <p class="servicenow-switch-report" role="status">{`${switchNote} One undo returns to the previous table.`}</p> : null}
      <input
        id={`bio-properties-panel-${id}`}
        class="bio-properties-panel-input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={listId}
        aria-describedby={`${id}-current`}
        aria-activedescendant={open && matches[active] ? optionId(active) : undefined}
        placeholder="Search by name or label, e.g. incident, Requested Item"
        value={search}
        onInput={(event: Event) => { setSearch((event.target as HTMLInputElement).value); setOpen(true); setActive(0); }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label="ServiceNow tables" class="servicenow-table-options" hidden={!open}>
        {optionGroups(matches).map((group) => (
          <ul key={group.heading} role="group" aria-labelledby={`${id}-${group.key}-heading`} class="servicenow-option-group">
            <li id={`${id}-${group.key}-heading`} role="presentation" class="servicenow-option-heading">{group.heading}</li>
            {group.options.map(({ option, index }) => {
              const isCurrent = option.table === current && option.template.id === template?.id;
              return (
                <li
                  key={option.key}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active ? 'true' : 'false'}
                  aria-current={isCurrent ? 'true' : undefined}
                  class={`servicenow-option${index === active ? ' active' : ''}${isCurrent ? ' current' : ''}`}
                  data-table={option.table}
                  data-template-id={option.template.id}
                  onMouseDown={(event: MouseEvent) => { event.preventDefault(); pick(option); }}
                >
                  <span class="servicenow-option-name">{option.table}</span>
                  <span class="servicenow-option-label">{option.label}{isCurrent ? <span class="servicenow-option-current"> (current)</span> : null}</span>
                  <span class="servicenow-option-template">{option.template.name}</span>
                </li>
              );
            })}
          </ul>
        ))}
        {matches.length === 0 ? <p role="option" aria-disabled="true" aria-selected="false" class="servicenow-option empty">No table matches</p> : null}
      </div>
    </div>
  );
}

/** Our templates' options, then the official ones under their own heading; each keeps its index in `matches` (the keyboard's order). */
function optionGroups(matches: readonly TableOption[]): { key: string; heading: string; options: { option: TableOption; index: number }[] }[] {
  const indexed = matches.map((option, index) => ({ option, index }));
  return [
    { key: 'ours', heading: 'ServiceNow templates (this plugin)', options: indexed.filter(({ option }) => !option.official) },
    { key: 'official', heading: 'Camunda\'s official ServiceNow connector', options: indexed.filter(({ option }) => option.official) }
  ].filter((group) => group.options.length);
}
