/**
 * The text filter over the "More fields" group of a table template: typing
 * "close" leaves Close code and Close notes among 58 inputs. Element
 * templates have no filter of their own, so the provider drops the entries
 * that do not match. The text lives per task while the Modeler runs; it is a
 * view setting, not part of the diagram, and keyed by the task's shape so
 * that two modelers (two Desktop tabs) never share it.
 */
import type { DiagramElement } from '../types/bpmn-js';
import type { TemplateProperty } from '../../core/template/types';

const filters = new WeakMap<DiagramElement, string>();

export function moreFieldsFilterText(element: DiagramElement): string {
  return filters.get(element) ?? '';
}

export function setMoreFieldsFilterText(element: DiagramElement, text: string): void {
  filters.set(element, text);
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
