/**
 * The answer check a result expression carries, kept apart from the error
 * expressions it works with (error-handling.ts): the plugin's lint and
 * output helper write and read it in every tab, while the large preset
 * expressions are needed only when templates are built or judged.
 */
import { isComment, type FeelNode, type FeelParser } from '../feel/tree';

/**
 * A result expression that sets no variable for an answer the error
 * expression calls unexpected: with variables set, the error expression
 * would get them instead of the response and let the answer complete the
 * task (error-handling.ts explains the runtime). The presets carry it,
 * and so does what the output helper writes and the lint fix offers for a
 * custom expression. The result
 * expression gets the response's own fields (`status`, `body`) as
 * variables, so the guard is the rule alone; the error expression then
 * words the message. Kept short: every template carries it once per preset,
 * and each is parsed when templates are checked.
 */
export function deferUnexpectedAnswer(mapping: string, rule: GuardedAnswer): string {
  return `=if ${expectedAnswer(rule)} then ${mapping.trim().replace(/^=/, '')} else {}`;
}

/** What a guard checks: an answer rule (error-handling.ts) without the API's name, which only the error expression's message uses. */
export interface GuardedAnswer {
  statuses: number[];
  needsResult: boolean;
  /**
   * A response header every good answer carries, for an answer whose body
   * the check cannot read: a download stored as a document hands on no body
   * (connectors 8.8.16 HttpCommonResultResponseHandler.java:88, 8.9.7
   * HttpCommonResultMapper.java:74), so only a header tells a file from a
   * login page. Names are matched ignoring case (servers spell them freely).
   */
  header?: string;
  /**
   * A key the body's `result` object of every good answer holds, for an API
   * that can answer 200 with a `result` of another kind: order_now on an
   * instance with two-step checkout answers a cart (`cart_id`), not the
   * request (build-order-template.ts).
   */
  resultKey?: string;
}

/** FEEL: whether `headers` (a response's) holds `header`, ignoring case; null when `headers` is no context. */
export function carriesHeader(headers: string, header: string): string {
  return `count(get entries(${headers})[lower case(item.key) = "${header.toLowerCase()}"]) > 0`;
}

/** FEEL: whether `body` (a response's) has a `result` context holding `key`; `get value` of anything but a context would warn, so it is asked only of one. */
export function resultHolds(body: string, key: string): string {
  return `(if get value(${body}, "result") instance of context then get value(get value(${body}, "result"), "${key}") != null else false)`;
}

function expectedAnswer(rule: GuardedAnswer): string {
  // A 200 can carry the error after the records when a transaction quota cancelled the request midway (KB1297438): no answer.
  return [
    `list contains([${rule.statuses.join(', ')}], status)`,
    ...(rule.needsResult ? ['body instance of context', 'get value(body, "result") != null', 'get value(body, "error") = null'] : []),
    ...(rule.resultKey ? [resultHolds('body', rule.resultKey)] : []),
    ...(rule.header ? [carriesHeader('headers', rule.header)] : [])
  ].join(' and ');
}

/** Whether a guard checks exactly what `rule` asks of an answer. */
export function guardsFor(guard: GuardedAnswer, rule: GuardedAnswer): boolean {
  return expectedAnswer(guard) === expectedAnswer(rule);
}

/**
 * A result expression guarded by `deferUnexpectedAnswer`, read back with the
 * FEEL grammar (so line breaks and spacing may differ): the mapping it
 * guards and what its guard checks. Undefined for any other expression,
 * one that does not parse, or an `if` whose condition is not the guard.
 */
export function readDeferredAnswer(expression: string, feel: FeelParser): { mapping: string; guard: GuardedAnswer } | undefined {
  const source = expression.trim().replace(/^=/, '');
  const tree = feel(source);
  let broken = false;
  tree.iterate({ enter: (node) => { if (node.type.isError) broken = true; } });
  const [top, ...rest] = codeChildren(tree.topNode);
  if (broken || rest.length > 0 || top?.name !== 'IfExpression') return undefined;
  const parts = codeChildren(top);
  const [condition, mapping, otherwise] = [parts[1], parts[3], parts[5]];
  if (parts.length !== 6 || !condition || !mapping || otherwise?.name !== 'Context' || codeChildren(otherwise).some((node) => node.name === 'ContextEntry')) return undefined;
  // Compared without whitespace: the grammar already read the tokens, only their spacing may differ.
  const written = source.slice(condition.from, condition.to).replace(/\s+/g, '');
  const statuses = /^listcontains\(\[([0-9,]*)\],status\)/.exec(written)?.[1]?.split(',').filter(Boolean).map(Number);
  if (!statuses) return undefined;
  const header = /count\(getentries\(headers\)\[lowercase\(item\.key\)="([^"]+)"\]\)>0$/.exec(written)?.[1];
  const resultKey = /getvalue\(getvalue\(body,"result"\),"([^"]+)"\)!=nullelsefalse\)/.exec(written)?.[1];
  const guard = [true, false].flatMap((needsResult) => [{ statuses, needsResult }, ...(header ? [{ statuses, needsResult, header }] : []), ...(resultKey ? [{ statuses, needsResult, resultKey }] : [])])
    .find((candidate) => expectedAnswer(candidate).replace(/\s+/g, '') === written);
  return guard ? { mapping: `=${source.slice(mapping.from, mapping.to)}`, guard } : undefined;
}

function codeChildren(node: FeelNode): FeelNode[] {
  const list: FeelNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (!isComment(child)) list.push(child);
  return list;
}
