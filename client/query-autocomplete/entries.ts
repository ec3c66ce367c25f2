/**
 * Puts an autocomplete entry after every query field of a template's
 * groups (after the field's diagnostics entry when it has one), for the
 * plugin's properties provider.
 */
import { sameBinding } from '../../core/template/rules/bindings';
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { queryAutocompleteEntryId, queryDiagnosticsEntryId } from '../../lint/diagram/entry-ids';
import { LazyQueryAutocomplete } from './LazyQueryAutocomplete';
import { queryFields } from './query-fields';

interface Entry { id: string; property?: TemplateProperty; [key: string]: unknown }
/** List groups carry `items` instead of `entries`. */
interface Group { id: string; entries?: Entry[]; [key: string]: unknown }

export function addQueryAutocomplete(groups: Group[], template: ElementTemplate): void {
  const fields = queryFields(template);
  if (!fields.length) return;
  for (const group of groups) {
    const entries = group.entries;
    if (!Array.isArray(entries)) continue;
    for (const entry of [...entries]) {
      // Entries the plugin placed (diagnostics) carry the query property too, but annotate the field rather than being it.
      if (entry['queryEntryId'] !== undefined) continue;
      const field = entry.property && fields.find((each) => each.property === entry.property || (each.property.id !== undefined && each.property.id === entry.property?.id
        && sameBinding(each.property.binding, entry.property.binding)));
      if (!field) continue;
      const diagnostics = entries.findIndex((each) => each.id === queryDiagnosticsEntryId(entry.id));
      const after = diagnostics >= 0 ? diagnostics : entries.indexOf(entry);
      entries.splice(after + 1, 0, {
        id: queryAutocompleteEntryId(entry.id), component: LazyQueryAutocomplete, queryEntryId: entry.id, property: field.property, conditions: field.conditions
      });
    }
  }
}
