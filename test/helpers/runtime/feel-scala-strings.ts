/**
 * How a static input source becomes a value: Zeebe wraps it in a FEEL string
 * literal, escaping only `"`, and feel-scala parses that literal and decodes
 * its escape sequences. feelin decodes escapes differently (it keeps `\b`
 * and `\f`, decodes `\u0041`), so the proof does this step itself.
 */

/** Why a static source never becomes a value: the engine refuses the deployment. */
export class DeploymentRejected extends Error {}

/**
 * Zeebe's quoting of a static source: camunda/camunda
 * zeebe/engine/src/main/java/io/camunda/zeebe/engine/processing/deployment/model/transformer/VariableMappingTransformer.java
 * (`formatSourceExpression` in 8.8, `toInputSourceExpression` later):
 * `"\"" + source.replaceAll("\"", "\\\\\"") + "\""`.
 */
export function quoteStaticSource(source: string): string {
  return `"${source.replaceAll('"', '\\"')}"`;
}

/**
 * feel-scala's string literal (feel-scala 1.19.5 .. 1.21.0,
 * src/main/scala/org/camunda/feel/impl/parser/FeelParser.scala:195
 * `stringWithQuotes`: `"` then (`\` AnyChar | not `"`)* then `"`), whose
 * content goes through `translateEscapes` (FeelParser.scala:697).
 * Returns the decoded text; a literal that does not parse ends the deployment.
 */
export function parseFeelStringLiteral(literal: string): string {
  if (!literal.startsWith('"')) throw new DeploymentRejected(`not a FEEL string literal: ${literal}`);
  let index = 1;
  while (index < literal.length && literal[index] !== '"') index += literal[index] === '\\' ? 2 : 1;
  if (index !== literal.length - 1) {
    throw new DeploymentRejected(`the FEEL string literal ${literal} does not parse (a value ending in \\ or holding \\" closes or escapes the quote), so the deployment is rejected`);
  }
  return translateEscapes(literal.slice(1, -1));
}

/** FeelParser.scala:697 `translateEscapes`, regex for regex, in the same order (`\u` is not decoded). */
export function translateEscapes(input: string): string {
  return input
    .replace(/(?<!\\)\\n/g, '\n')
    .replace(/(?<!\\)\\r/g, '\r')
    .replace(/(?<!\\)\\t/g, '\t')
    .replace(/(?<!\\)\\b/g, '\b')
    .replace(/(?<!\\)\\f/g, '\f')
    .replace(/(?<!\\)\\'/g, "'")
    .replace(/(?<!\\)\\"/g, '"')
    .replace(/\\\\/g, '\\');
}

/** The value a static source reaches the job with. */
export function staticSourceValue(source: string): string {
  return parseFeelStringLiteral(quoteStaticSource(source));
}
