/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * A text filter over the "More fields" group of a table template: typing
 * "close" leaves Close code and Close notes among 58 inputs. Element
 * templates have no filter of their own, so the provider drops the entries
 * that do not match (filterMoreFields) and this entry asks the panel to
 * build its groups again. The text lives per task while the Modeler runs;
 * it is a view setting, not part of the diagram.
 */
import type { DiagramElement } from '../types/bpmn-js';
import { useService } from 'bpmn-js-properties-panel';
import type { TemplateProperty } from '../../core/template/types';

const filters = new Map<string, string>();

export function moreFieldsFilterText(element: DiagramElement): string {
  return filters.get(element.id) ?? '';
}

interface FilteredEntry { id: string; property?: TemplateProperty }

/** The entries a filter text keeps: non-field entries always, fields whose label or column name holds every word. */
export function filterMoreFields<T extends FilteredEntry>(entries: T[], text: string): T[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return entries;
  return entries.filter((entry) => {
    const property = entry.property;
    const column = property?.id?.match(/^field\.([^.]+)/)?.[1];
    if (!property || !column) return true;
    const haystack = `${property.label ?? ''} ${column}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

interface Props {
  element: DiagramElement;
  id: string;
}

export function MoreFieldsFilter({ element, id }: Props) {
  const eventBus = useService('eventBus');
  const inputId = `bio-properties-panel-${id}`;
  const onInput = (event: Event) => {
    filters.set(element.id, (event.target as HTMLInputElement).value);
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
