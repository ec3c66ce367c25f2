/**
 * Test metadata: a small, hand-built slice of incident and the tables it
 * refers to, shaped like the loader's output (core/metadata/model.ts).
 * Values and labels follow the reference notes (incident.state, priority...).
 */
import type { Choice, ChoiceMode, Field, Metadata, MetadataOrigin, Table } from '../../../core/metadata/model';

export function field(element: string, label: string, internalType: string, extra: Partial<Field> = {}): Field {
  return {
    element, label, internalType, mandatory: false, readOnly: false, choices: [], choiceMode: 0,
    definedOn: 'incident', writable: !element.startsWith('sys_'), ...extra
  };
}

export function choices(pairs: Array<[string, string]>, mode: ChoiceMode = 1): Pick<Field, 'choices' | 'choiceMode'> {
  return { choiceMode: mode, choices: pairs.map(([value, label], sequence): Choice => ({ value, label, inactive: false, sequence })) };
}

export function table(name: string, label: string, fields: Field[], superClass?: string): Table {
  return {
    name, label, hierarchy: superClass ? [name, superClass] : [name], abstract: false,
    fields: [...fields].sort((a, b) => a.element.localeCompare(b.element)), primaryFields: [],
    ...(superClass ? { superClass } : {})
  };
}

const impact = choices([['1', '1 - High'], ['2', '2 - Medium'], ['3', '3 - Low']]);

export const incident = table('incident', 'Incident', [
  field('active', 'Active', 'boolean'),
  field('number', 'Number', 'string'),
  field('short_description', 'Short description', 'string', { maxLength: 160 }),
  field('description', 'Description', 'string'),
  field('caller_id', 'Caller', 'reference', { reference: 'sys_user' }),
  field('assigned_to', 'Assigned to', 'reference', { reference: 'sys_user' }),
  field('assignment_group', 'Assignment group', 'reference', { reference: 'sys_user_group' }),
  field('cmdb_ci', 'Configuration item', 'reference', { reference: 'cmdb_ci' }),
  field('parent', 'Parent', 'reference', { reference: 'task' }),
  field('priority', 'Priority', 'integer', choices([['1', '1 - Critical'], ['2', '2 - High'], ['3', '3 - Moderate'], ['4', '4 - Low'], ['5', '5 - Planning']])),
  field('state', 'State', 'integer', {
    ...choices([['1', 'New'], ['2', 'In Progress'], ['3', 'On Hold'], ['6', 'Resolved'], ['7', 'Closed'], ['8', 'Canceled']]),
  }),
  field('impact', 'Impact', 'integer', impact),
  field('urgency', 'Urgency', 'integer', impact),
  field('category', 'Category', 'string', choices([['inquiry', 'Inquiry / Help'], ['software', 'Software'], ['hardware', 'Hardware'], ['network', 'Network']])),
  field('subcategory', 'Subcategory', 'string', choices([['email', 'Email'], ['vpn', 'VPN']], 2)),
  field('close_code', 'Resolution code', 'string', choices([['Solution provided', 'Solution provided'], ['Duplicate', 'Duplicate']])),
  field('incident_state', 'Incident state', 'integer', {
    choiceMode: 1,
    choices: [{ value: '1', label: 'New', inactive: false }, { value: '9', label: 'Legacy', inactive: true }]
  }),
  field('opened_at', 'Opened', 'glide_date_time'),
  field('sla_due', 'SLA due', 'glide_date_time'),
  field('activity_due', 'Activity due', 'glide_date_time'),
  field('due_date', 'Due date', 'glide_date'),
  field('reassignment_count', 'Reassignment count', 'integer'),
  field('made_sla', 'Made SLA', 'boolean'),
  field('sys_class_name', 'Task type', 'sys_class_name'),
  field('sys_id', 'Sys ID', 'GUID'),
  field('sys_created_on', 'Created', 'glide_date_time'),
  field('watch_list', 'Watch list', 'glide_list', { reference: 'sys_user' })
], 'task');

export const sysUser = table('sys_user', 'User', [
  field('name', 'Name', 'string'),
  field('user_name', 'User ID', 'string'),
  field('active', 'Active', 'boolean'),
  field('department', 'Department', 'reference', { reference: 'cmn_department' }),
  field('manager', 'Manager', 'reference', { reference: 'sys_user' })
]);

export const department = table('cmn_department', 'Department', [
  field('name', 'Name', 'string'),
  field('head', 'Department head', 'reference', { reference: 'sys_user' })
]);

export const group = table('sys_user_group', 'Group', [
  field('name', 'Name', 'string'),
  field('active', 'Active', 'boolean'),
  field('manager', 'Manager', 'reference', { reference: 'sys_user' })
]);

export function metadata(origin: MetadataOrigin = 'instance', tables: Table[] = [incident, sysUser, department, group]): Metadata {
  return {
    origin,
    source: `test (${origin})`,
    tables: new Map(tables.map((entry) => [entry.name, entry])),
    referenceTargets: new Map([['cmdb_ci', { name: 'cmdb_ci', label: 'Configuration Item' }], ['task', { name: 'task', label: 'Task' }]]),
    warnings: []
  };
}

/** task ← incident, task ← problem, and cmdb_ci ← cmdb_ci_server, each with the class field. */
export function classHierarchyMetadata(): Metadata {
  const classField = field('sys_class_name', 'Class', 'sys_class_name');
  const task = table('task', 'Task', [classField, field('parent', 'Parent', 'reference', { reference: 'task' })]);
  const child = (name: string, superClass: Table): Table => ({ ...table(name, name, superClass.fields, superClass.name), hierarchy: [name, ...superClass.hierarchy] });
  const incident = child('incident', task);
  const problem = child('problem', task);
  const ci = table('cmdb_ci', 'Configuration Item', [classField]);
  const server = child('cmdb_ci_server', ci);
  return { origin: 'bundled', source: 'test', warnings: [], tables: new Map([task, incident, problem, ci, server].map((each) => [each.name, each])) };
}
