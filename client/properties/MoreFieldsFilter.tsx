/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * The "Filter fields" entry over "More fields": it keeps the text
 * (more-fields-filter.ts) and asks the panel to build its groups again, so
 * the provider drops the fields that do not match.
 */
import type { DiagramElement } from '../types/bpmn-js';
import { useService } from 'bpmn-js-properties-panel';
import { moreFieldsFilterText, setMoreFieldsFilterText } from './more-fields-filter';

interface Props {
  element: DiagramElement;
  id: string;
}

export function MoreFieldsFilter({ element, id }: Props) {
  const eventBus = useService('eventBus');
  const inputId = `bio-properties-panel-${id}`;
  const onInput = (event: Event) => {
    setMoreFieldsFilterText(element, (event.target as HTMLInputElement).value);
    eventBus.fire('propertiesPanel.providersChanged');
  };
  return (
    <div class="bio-properties-panel-entry servicenow-more-fields-filter" data-entry-id={id}>
      <label class="bio-properties-panel-label" for={inputId}>Filter fields</label>
      <input id={inputId} class="bio-properties-panel-input" type="search" value={moreFieldsFilterText(element)}
        placeholder="Label or column name, e.g. close" autoComplete="off" spellcheck={false} onInput={onInput} />
    </div>
  );
}
