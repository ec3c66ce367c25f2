/**
 * Which template fields take an encoded query, so that every one of them
 * gets autocomplete: the query of a reading operation (ours `sn_query`, the
 * generic template's, Camunda's `sysparm_query`) and our conditions. A new
 * kind of query field is one more recogniser in the list; one that is
 * evaluated on record changes sets `conditions`.
 */
import type { ElementTemplate, TemplateProperty } from '../../core/template/types';
import { queryProperty } from '../../lint/diagram/servicenow-template';

export interface QueryField {
  property: TemplateProperty;
  /** A condition on record changes: VALCHANGES, CHANGESFROM and CHANGESTO are offered. */
  conditions: boolean;
}

type Recogniser = (template: ElementTemplate) => QueryField[];

/**
 * Our encoded-query conditions: a binding named `sn_..._condition` (not the
 * connectors' FEEL `activationCondition`). They run as `sysparm_query` too,
 * so the change-only operators are not offered.
 */
function conditionFields(template: ElementTemplate): QueryField[] {
  return template.properties
    .filter((property) => property.type !== 'Hidden' && property.feel !== 'required' && /^sn_(\w+_)?condition$/.test(bindingName(property)))
    .map((property) => ({ property, conditions: false }));
}

function readQuery(template: ElementTemplate): QueryField[] {
  const property = queryProperty(template);
  return property ? [{ property, conditions: false }] : [];
}

const RECOGNISERS: Recogniser[] = [readQuery, conditionFields];

const cache = new WeakMap<ElementTemplate, QueryField[]>();

/** The query fields of a template, found once per template. */
export function queryFields(template: ElementTemplate): QueryField[] {
  let fields = cache.get(template);
  if (!fields) cache.set(template, fields = RECOGNISERS.flatMap((recognise) => recognise(template)));
  return fields;
}

function bindingName(property: TemplateProperty): string {
  const binding = property.binding as { name?: unknown; key?: unknown };
  const name = binding.name ?? binding.key;
  return typeof name === 'string' ? name : '';
}
