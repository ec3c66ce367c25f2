import { fieldType } from '../../core/metadata/field-types';
import type { ElementTemplate } from '../publish/template-checks';

/** `metadata.servicenow` as the generator writes it (core/template/field-index.ts). */
interface ServiceNowMetadata {
  table?: string;
  label?: string;
  hierarchy?: string[];
  anyTable?: boolean;
  fields?: Record<string, string | [string, string | null] | [string, string | null, string[]]>;
}

interface DocField {
  element: string;
  type: string;
  reference: string | null;
  choices: string[];
}

/**
 * The Marketplace documentation page of one template, generated from what
 * the template itself carries: its ServiceNow table and hierarchy, the
 * operations of its operation menu, the table's fields, and example encoded
 * queries built from those fields. Pure and deterministic.
 */
export function renderTemplateDoc(template: ElementTemplate, context: { version: string; iconFile?: string }): string {
  const servicenow = serviceNowMetadata(template);
  const fields = docFields(servicenow);
  const lines: string[] = [];
  lines.push(`# ${template.name}`, '');
  if (context.iconFile) lines.push(`![icon](${context.iconFile})`, '');
  if (typeof template.description === 'string') lines.push(template.description, '');
  lines.push(
    '| | |',
    '|---|---|',
    `| Template id | \`${template.id}\` |`,
    `| Template version | ${template.version ?? 'none'} |`,
    `| Release | ${context.version} |`,
    `| Table | ${tableCell(servicenow)} |`,
    `| Connector | ${connectorCell(template)} |`
  );
  const camunda = (template.engines as { camunda?: unknown } | undefined)?.camunda;
  if (typeof camunda === 'string') lines.push(`| Camunda | \`${camunda}\` |`);
  if (typeof template.documentationRef === 'string') lines.push(`| Documentation | ${template.documentationRef} |`);
  lines.push('', '## Operations', '');
  const operations = operationChoices(template);
  if (operations.length === 0) lines.push('One fixed operation; see the template properties.');
  for (const { name, value } of operations) lines.push(`- **${name}** (\`${value}\`)`);
  lines.push('', '## Fields', '');
  if (fields.length === 0) {
    lines.push(servicenow?.anyTable ? 'The table is chosen per task, so its fields are read from the instance when modelling.' : 'The template carries no field index.');
  } else {
    lines.push(`${fields.length} fields. References name the target table; choice fields list their values.`, '', '| Field | Type | Reference | Choices |', '|---|---|---|---|');
    for (const field of fields) {
      lines.push(`| \`${field.element}\` | ${field.type} | ${field.reference ? `\`${field.reference}\`` : ''} | ${formatChoices(field.choices)} |`);
    }
  }
  lines.push('', '## Example queries', '');
  const examples = exampleQueries(fields);
  if (examples.length === 0) {
    lines.push('Encoded queries combine conditions with `^` (and) and `^OR` (or), e.g. `active=true^ORDERBYDESCsys_updated_on`.');
  } else {
    lines.push('Encoded queries for the *Query records* operation, built from this table\'s fields; adapt the values:', '');
    for (const { query, meaning } of examples) lines.push(`- \`${query}\`: ${meaning}`);
  }
  lines.push('');
  return lines.join('\n');
}

function serviceNowMetadata(template: ElementTemplate): ServiceNowMetadata | undefined {
  const value = (template.metadata as { servicenow?: unknown } | undefined)?.servicenow;
  return value && typeof value === 'object' ? (value as ServiceNowMetadata) : undefined;
}

function tableCell(servicenow: ServiceNowMetadata | undefined): string {
  if (!servicenow) return 'not recorded';
  if (servicenow.anyTable || !servicenow.table) return 'any table, chosen per task';
  const label = servicenow.label && servicenow.label !== servicenow.table ? `${servicenow.label} ` : '';
  const chain = (servicenow.hierarchy ?? []).slice(1);
  return `${label}\`${servicenow.table}\`${chain.length > 0 ? ` (extends ${chain.map((table) => `\`${table}\``).join(' → ')})` : ''}`;
}

/** REST for the table templates; the event templates name their inbound connector in `inbound.type`. */
function connectorCell(template: ElementTemplate): string {
  const properties = (template.properties ?? []) as Array<{ value?: unknown; binding?: { type?: string; name?: string } }>;
  const inbound = properties.find((property) => property.binding?.type === 'zeebe:property' && property.binding.name === 'inbound.type')?.value;
  return typeof inbound === 'string' ? `inbound (\`${inbound}\`)` : `REST (\`${taskType(template) ?? 'unknown'}\`)`;
}

function taskType(template: ElementTemplate): string | undefined {
  const properties = (template.properties ?? []) as Array<{ value?: unknown; binding?: { type?: string; property?: string } }>;
  const type = properties.find((property) => property.binding?.type === 'zeebe:taskDefinition' && (property.binding.property ?? 'type') === 'type');
  return typeof type?.value === 'string' ? type.value : undefined;
}

function operationChoices(template: ElementTemplate): Array<{ name: string; value: string }> {
  const properties = (template.properties ?? []) as Array<{ id?: string; type?: string; choices?: Array<{ name: string; value: string }> }>;
  return properties.find((property) => property.id === 'operation' && property.type === 'Dropdown')?.choices ?? [];
}

function docFields(servicenow: ServiceNowMetadata | undefined): DocField[] {
  return Object.entries(servicenow?.fields ?? {})
    .map(([element, indexed]) => {
      const [type, reference, choices] = typeof indexed === 'string' ? [indexed, null, []] : [indexed[0], indexed[1], indexed[2] ?? []];
      return { element, type, reference, choices };
    })
    .sort((a, b) => (a.element < b.element ? -1 : a.element > b.element ? 1 : 0));
}

function formatChoices(choices: string[]): string {
  if (choices.length === 0) return '';
  const shown = choices.slice(0, 8).map((choice) => `\`${choice}\``);
  return `${shown.join(', ')}${choices.length > 8 ? `, … (${choices.length})` : ''}`;
}

/** A text field the LIKE/STARTSWITH example suits: the string family of the field-type table, not a sys_id. */
const isProse = (field: DocField) => fieldType(field.type).family === 'string' && !fieldType(field.type).sysId;
/** A field the ORDERBYDESC and `>=2026-01-01 00:00:00` examples suit: a Table API date or date-time. */
const isDate = (field: DocField) => ['date', 'datetime'].includes(fieldType(field.type).input);

/** One example per kind of field the table has, preferring the columns people filter on most. */
export function exampleQueries(fields: DocField[]): Array<{ query: string; meaning: string }> {
  const pick = (preferred: string[], test: (field: DocField) => boolean) =>
    preferred.map((name) => fields.find((field) => field.element === name && test(field))).find(Boolean) ?? fields.find(test);
  const order = pick(['sys_updated_on', 'sys_created_on'], isDate);
  const orderSuffix = order ? `^ORDERBYDESC${order.element}` : '';
  const examples: Array<{ query: string; meaning: string }> = [];
  const flag = pick(['active'], (field) => field.type === 'boolean');
  const choice = pick(['state', 'priority', 'category'], (field) => field.choices.length > 0);
  if (choice) {
    const value = choice.choices[0] as string;
    const query = flag ? `${flag.element}=true^${choice.element}=${value}` : `${choice.element}=${value}`;
    examples.push({ query: `${query}${orderSuffix}`, meaning: `${flag ? `${flag.element} records` : 'records'} whose ${choice.element} is ${value}${order ? `, newest ${order.element} first` : ''}` });
  } else if (flag) {
    examples.push({ query: `${flag.element}=true${orderSuffix}`, meaning: `${flag.element} records${order ? `, newest ${order.element} first` : ''}` });
  }
  const reference = pick(['assigned_to', 'assignment_group', 'caller_id', 'opened_by'], (field) => field.reference !== null);
  if (reference) {
    examples.push({ query: `${reference.element}ISEMPTY`, meaning: `records with an empty ${reference.element} (a reference to \`${reference.reference}\`)` });
    examples.push({
      query: `${reference.element}=<sys_id>`,
      meaning: `records pointing at one \`${reference.reference}\` record; put its 32-character sys_id in place of \`<sys_id>\``
    });
  }
  const text = pick(['short_description', 'name', 'description'], isProse);
  if (text) {
    examples.push({ query: `${text.element}LIKEnetwork^OR${text.element}STARTSWITHVPN`, meaning: `${text.element} contains "network" or starts with "VPN"` });
  }
  if (order) examples.push({ query: `${order.element}>=2026-01-01 00:00:00`, meaning: `${order.element} on or after 1 January 2026` });
  return examples;
}
