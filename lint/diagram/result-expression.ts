import { isComment, type FeelNode, type FeelParser } from '../../core/feel/tree';
import { readDeferredAnswer, type GuardedAnswer } from '../../core/template/answer-guard';
import { outputVariableNames } from '../../core/template/output';

/**
 * Reads the output helper's part of a task's result expression (the panel's
 * helpers write it with result-expression-writer.ts): a FEEL context entry
 * storing the record's sys_id (and number) in process variables, e.g.
 * `={incidentSysId: body.result.sys_id, ...}` (written display-value safe, as
 * the generator's preset does).
 * The REST connector evaluates the result expression with the response in
 * scope (`body`, also as `response.body`). Entries written by the user are
 * kept; only the helper's own entries are added, renamed or removed. Given
 * the task's answer rule, the context is wrapped in the answer check the
 * presets carry (core/template/answer-guard.ts `deferUnexpectedAnswer`),
 * so an unexpected answer still reaches the error expression; a context
 * already inside that check is read and written through it.
 */

/** `incident` → `incidentSysId`, `sc_req_item` → `scReqItemSysId` (the generator's names). */
export function defaultSysIdVariable(table: string): string {
  return outputVariableNames(table).sysId;
}

/** `incidentSysId` → `incidentNumber`; any other name gets `Number` appended. */
export function numberVariableFor(sysIdVariable: string): string {
  return sysIdVariable.endsWith('SysId') ? `${sysIdVariable.slice(0, -'SysId'.length)}Number` : `${sysIdVariable}Number`;
}

/** A name FEEL accepts as a context key and a variable without quoting. */
export function isValidVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** The paths of the record's sys_id and number in the response (the connector also puts the body under `response`). */
const SYS_ID_PATHS = new Set(['body.result.sys_id', 'response.body.result.sys_id']);
const NUMBER_PATHS = new Set(['body.result.number', 'response.body.result.number']);

export interface Entry {
  key: string;
  text: string;
  /** Whether the value reads the record's sys_id or number path. */
  readsSysId: boolean;
  readsNumber: boolean;
}

/**
 * The entries of a `={...}` FEEL context, read with the FEEL grammar, or
 * undefined when the expression is something else or does not parse (then
 * the helper leaves it alone rather than rewrite text it cannot read).
 */
export function contextEntries(expression: string | undefined, feel: FeelParser): Entry[] | undefined {
  const trimmed = unguarded(expression, feel).mapping;
  if (!trimmed.startsWith('=')) return undefined;
  const source = trimmed.slice(1);
  const tree = feel(source);
  let broken = false;
  tree.iterate({ enter: (node) => { if (node.type.isError) broken = true; } });
  const tops = children(tree.topNode);
  const context = tops[0];
  if (broken || tops.length !== 1 || context?.name !== 'Context') return undefined;
  return children(context).filter((node) => node.name === 'ContextEntry').map((entry) => {
    const [key, value] = children(entry);
    const paths = value ? readPaths(value, source) : new Set<string>();
    return {
      key: key ? source.slice(key.from, key.to).replace(/^"(.*)"$/, '$1') : '',
      text: source.slice(entry.from, entry.to),
      readsSysId: [...paths].some((path) => SYS_ID_PATHS.has(path)),
      readsNumber: [...paths].some((path) => NUMBER_PATHS.has(path))
    };
  });
}

function children(node: FeelNode): FeelNode[] {
  const list: FeelNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (!isComment(child)) list.push(child);
  return list;
}

/** Every path expression inside `node` (`body.result.sys_id`, and its prefixes), spaces removed. */
function readPaths(node: FeelNode, source: string, paths = new Set<string>()): Set<string> {
  if (node.name === 'PathExpression') paths.add(source.slice(node.from, node.to).replace(/\s+/g, ''));
  for (let child = node.firstChild; child; child = child.nextSibling) readPaths(child, source, paths);
  return paths;
}

export const isHelperEntry = (entry: Entry) => entry.readsSysId || entry.readsNumber;

/** The variables that the expression's entries fill from the record's sys_id and number. */
export function readOutputVariables(expression: string | undefined, feel: FeelParser): { sysId?: string; number?: string } {
  const entries = contextEntries(expression, feel) ?? [];
  const sysId = entries.find((entry) => entry.readsSysId)?.key;
  const number = entries.find((entry) => entry.readsNumber)?.key;
  return { ...(sysId ? { sysId } : {}), ...(number ? { number } : {}) };
}

/** The expression inside an answer check, and that check; or the expression itself. */
export function unguarded(expression: string | undefined, feel: FeelParser): { mapping: string; guard?: GuardedAnswer } {
  const trimmed = expression?.trim() ?? '';
  const deferred = trimmed ? readDeferredAnswer(trimmed, feel) : undefined;
  return deferred ? { mapping: deferred.mapping.trim(), guard: deferred.guard } : { mapping: trimmed };
}

/** The keys the expression's context sets (through an answer check), or undefined when it is no FEEL context. */
export function contextKeys(expression: string | undefined, feel: FeelParser): string[] | undefined {
  return contextEntries(expression, feel)?.map((entry) => entry.key);
}
