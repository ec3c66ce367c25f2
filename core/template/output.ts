import { deferUnexpectedAnswer } from './answer-guard';
import { operationRule, successStatuses } from './error-handling';
import { allOf, headerBinding, whenOperation, type Operation } from './operations';
import { customResultExpressionProperty, resultMappingProperty, resultVariableProperty } from './preset-output';
import type { TemplateProperty } from './types';

/** Process variable names for one table: `sc_req_item` → `scReqItemSysId`. */
export function outputVariableNames(tableName: string | undefined): { sysId: string; number: string; records: string; count: string } {
  const stem = tableName ? camelCase(tableName) : 'record';
  return { sysId: `${stem}SysId`, number: `${stem}Number`, records: tableName ? `${stem}Records` : 'records', count: tableName ? `${stem}Count` : 'recordCount' };
}

/**
 * The Aggregate API answers `{"result": {"stats": {"count": "12"}}}`, or with
 * `sysparm_group_by` a list of `{"stats": {...}, "groupby_fields": [{field, value}]}`:
 * the count is a number (the total over the groups), the groups a list.
 */
function countExpression(count: string): string {
  const groupCount = 'if group instance of context and get value(group, "stats") instance of context then number(string(get value(get value(group, "stats"), "count"))) else null';
  return [
    '={',
    'result: if body instance of context then get value(body, "result") else null,',
    'groups: if result instance of list then result else if result instance of context then [result] else [],',
    `counts: for group in groups return ${groupCount},`,
    `out: {${count}: if result = null then null else if count(counts) = 0 then 0 else sum(counts), ${count}Groups: if result instance of list then for group in groups return {fields: get value(group, "groupby_fields"), count: ${groupCount}} else null}`,
    '}.out'
  ].join(' ');
}

function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  return /^[A-Za-z_]/.test(joined) ? joined : `t${joined}`;
}

/**
 * A column of the returned record, stored or display value: with
 * `sysparm_display_value=all` it is a `{value, display_value}` context. Read
 * with `get value` so a column left out by `sysparm_fields` maps to null
 * instead of failing the job (the runtime is strict about missing fields).
 */
function storedValue(column: string): string {
  const value = `get value(record, "${column}")`;
  return `(if ${value} instance of context then get value(${value}, "value") else ${value})`;
}

/** The returned record, or an empty context when the body is not the Table API's. */
const RECORD = 'record: if body instance of context and get value(body, "result") instance of context then get value(body, "result") else {}';

/**
 * The result expression presets: a single record's sys_id (and number, where
 * the table has one) for Create, Get and Update; the list for Query.
 */
export function outputProperties(tableName: string | undefined, hasNumber: boolean): TemplateProperty[] {
  const names = outputVariableNames(tableName);
  const record = [`${names.sysId}: ${storedValue('sys_id')}`];
  if (hasNumber) record.push(`${names.number}: ${storedValue('number')}`);
  const presets: [Operation[], string, string][] = [
    [['create', 'get', 'update'], 'record', `={${RECORD}, out: {${record.join(', ')}}}.out`],
    [['query'], 'list', `={${names.records}: if body instance of context then get value(body, "result") else null}`],
    [['count'], 'count', countExpression(names.count)]
  ];
  return [
    resultVariableProperty(),
    resultMappingProperty(`Record: ${names.sysId}${hasNumber ? `, ${names.number}` : ''}; Query: ${names.records}; Count: ${names.count}`, whenOperation('create', 'get', 'query', 'update', 'count')),
    ...presets.flatMap(([operations, suffix, expression]) => {
      // One property per answer rule (Create answers 201, Get and Update 200): each sets no variable for an answer its rule rejects.
      const byRule = new Map<string, Operation[]>();
      for (const operation of operations) {
        const rule = JSON.stringify(operationRule(operation));
        byRule.set(rule, [...(byRule.get(rule) ?? []), operation]);
      }
      return [...byRule.values()].map((scoped): TemplateProperty => ({
        id: byRule.size === 1 ? `resultExpression.${suffix}` : `resultExpression.${suffix}.${scoped.join('-')}`,
        type: 'Hidden',
        value: deferUnexpectedAnswer(expression, operationRule(scoped[0] as Operation)),
        binding: headerBinding('resultExpression'),
        condition: allOf({ property: 'resultMapping', isEmpty: true }, whenOperation(...scoped))
      }));
    }),
    customResultExpressionProperty(['body', 'headers', 'status'], `={${names.sysId}: body.result.sys_id}`, allOf({ property: 'resultMapping', equals: 'custom' }, whenOperation('create', 'get', 'query', 'update', 'count')),
      { rule: operationRule('create'), scope: ` for Create; Get, Query, Update and Count check for ${successStatuses('get').join(' or ')}` })
  ];
}
