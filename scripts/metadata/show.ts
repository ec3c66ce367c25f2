/** `metadata show <table>`: the resolved table as aligned text or JSON. */
import type { Field, Metadata, Table } from '../../core/metadata/model';
import { UserError } from '../../core/errors';
import { closeMatches } from '../../core/text/close-matches';

export function findTable(metadata: Metadata, name: string): Table {
  const table = metadata.tables.get(name);
  if (table) return table;
  const target = metadata.referenceTargets?.get(name);
  if (target) {
    throw new UserError(`The snapshot (${metadata.source}) names table "${name}" only as a reference target; its columns are not in it. Fetch them with camunda-servicenow fetch-metadata.`);
  }
  const near = closeMatches(name, metadata.tables.keys(), { containing: true, limit: 5 });
  throw new UserError(
    `Table "${name}" is not in the snapshot (${metadata.source}).`,
    [near.length ? `Did you mean: ${near.join(', ')}?` : `Tables: ${[...metadata.tables.keys()].join(', ')}`]
  );
}

const columns: { title: string; cell: (field: Field) => string }[] = [
  { title: 'ELEMENT', cell: (field) => field.element },
  { title: 'LABEL', cell: (field) => field.label },
  { title: 'TYPE', cell: (field) => field.internalType },
  { title: 'MAX', cell: (field) => (field.maxLength === undefined ? '' : String(field.maxLength)) },
  { title: 'MANDATORY', cell: (field) => (field.mandatory ? 'yes' : '') },
  { title: 'WRITABLE', cell: (field) => (field.writable ? 'yes' : 'no') },
  { title: 'REFERENCE', cell: (field) => field.reference ?? '' },
  { title: 'CHOICES', cell: (field) => field.choices.map((choice) => `${choice.value}=${choice.label}`).join(', ') }
];

/** The primary fields first (form order), then the rest by name. */
export function orderedFields(table: Table): Field[] {
  const primary = new Set(table.primaryFields);
  const byName = new Map(table.fields.map((field) => [field.element, field]));
  return [...table.primaryFields.map((element) => byName.get(element)!), ...table.fields.filter((field) => !primary.has(field.element))];
}

export function formatTable(table: Table, source: string): string {
  const fields = orderedFields(table);
  const rows = [columns.map((column) => column.title), ...fields.map((field) => columns.map((column) => column.cell(field)))];
  const widths = columns.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  const lines = [
    `${table.label} [${table.name}]${table.abstract ? ' (abstract: no template)' : ''}`,
    `hierarchy: ${table.hierarchy.join(' → ')}`,
    `source: ${source}`,
    `${fields.length} fields, ${table.primaryFields.length} primary (listed first), ${fields.filter((field) => field.writable).length} writable`,
    '',
    ...rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  ').trimEnd())
  ];
  const notWritable = fields.filter((field) => !field.writable && !field.element.startsWith('sys_') && field.notWritableReason !== 'read-only in the dictionary');
  if (notWritable.length) lines.push('', 'Not writable:', ...notWritable.map((field) => `  ${field.element}: ${field.notWritableReason}`));
  if (table.unverified?.length) lines.push('', 'Unverified (check on an instance):', ...table.unverified.map((note) => `  ${note}`));
  return `${lines.join('\n')}\n`;
}

export function tableJson(table: Table, metadata: Metadata): string {
  return `${JSON.stringify({ origin: metadata.origin, source: metadata.source, table }, null, 2)}\n`;
}

/** `metadata list`: one line per complete table. */
export function formatTableList(metadata: Metadata): string {
  const rows = [['TABLE', 'LABEL', 'EXTENDS', 'FIELDS', 'PRIMARY', 'NOTE']];
  for (const table of metadata.tables.values()) {
    rows.push([table.name, table.label, table.superClass ?? '', String(table.fields.length), String(table.primaryFields.length), table.abstract ? 'abstract: no template' : '']);
  }
  const widths = rows[0]!.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  const lines = rows.map((row) => row.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd());
  const targets = metadata.referenceTargets?.size ?? 0;
  return `${lines.join('\n')}\n\n${metadata.tables.size} tables from ${metadata.source}${targets ? `; ${targets} more known only as reference targets` : ''}\n`;
}

export function tableListJson(metadata: Metadata): string {
  const tables = [...metadata.tables.values()].map((table) => ({
    name: table.name,
    label: table.label,
    superClass: table.superClass ?? null,
    abstract: table.abstract,
    fields: table.fields.length,
    primaryFields: table.primaryFields
  }));
  return `${JSON.stringify({ origin: metadata.origin, source: metadata.source, tables, referenceTargets: [...(metadata.referenceTargets?.keys() ?? [])] }, null, 2)}\n`;
}
