/**
 * Reads one Fluent table source (`export const incident = Table({...})`)
 * with the TypeScript compiler API and returns its literal configuration.
 * Only literals are evaluated; anything computed is reported, never run.
 */
import ts from 'typescript';

export interface SdkColumn {
  element: string;
  /** The column function, e.g. `ReferenceColumn`. */
  kind: string;
  config: Record<string, unknown>;
  /** `file:line` for messages. */
  at: string;
}

export interface SdkTable {
  name: string;
  config: Record<string, unknown>;
  columns: SdkColumn[];
  at: string;
  /** Values of this table the importer could not evaluate, as `file:line: what`. */
  skipped: string[];
}

export interface ParseResult {
  tables: SdkTable[];
  /** Table() calls the importer could not read at all, as `file:line: what`. */
  skipped: string[];
}

const NOT_LITERAL = Symbol('not a literal');

export function parseTableSource(file: string, text: string): ParseResult {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const result: ParseResult = { tables: [], skipped: [] };
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;

  const visit = (node: ts.Node): void => {
    const call = asCall(node, 'Table');
    if (call) {
      const table = readTable(call, at, result.skipped);
      if (table) result.tables.push(table);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return result;
}

function readTable(call: ts.CallExpression, at: (node: ts.Node) => string, fileSkipped: string[]): SdkTable | undefined {
  const skipped: string[] = [];
  const argument = call.arguments[0];
  if (!argument || !ts.isObjectLiteralExpression(unwrap(argument))) return undefined;
  const object = unwrap(argument) as ts.ObjectLiteralExpression;
  const config: Record<string, unknown> = {};
  const columns: SdkColumn[] = [];
  for (const property of object.properties) {
    const key = propertyName(property);
    if (key === undefined || !ts.isPropertyAssignment(property)) continue;
    if (key === 'schema' && ts.isObjectLiteralExpression(unwrap(property.initializer))) {
      columns.push(...readSchema(unwrap(property.initializer) as ts.ObjectLiteralExpression, at, skipped));
      continue;
    }
    const value = literal(property.initializer);
    if (value === NOT_LITERAL) skipped.push(`${at(property)}: table option ${key} is computed`);
    else config[key] = value;
  }
  const name = config['name'];
  if (typeof name !== 'string') {
    fileSkipped.push(`${at(call)}: Table() without a literal name`);
    return undefined;
  }
  return { name, config, columns, at: at(call), skipped };
}

function readSchema(schema: ts.ObjectLiteralExpression, at: (node: ts.Node) => string, skipped: string[]): SdkColumn[] {
  const columns: SdkColumn[] = [];
  for (const property of schema.properties) {
    const element = propertyName(property);
    if (element === undefined || !ts.isPropertyAssignment(property)) {
      skipped.push(`${at(property)}: schema entry is not a plain "name: XColumn({...})"`);
      continue;
    }
    const call = unwrap(property.initializer);
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) {
      skipped.push(`${at(property)}: column ${element} is not a column function call`);
      continue;
    }
    const argument = call.arguments[0];
    const config = argument === undefined ? {} : literal(argument, (node, key) => skipped.push(`${at(node)}: ${element}.${key} is computed; left out`));
    if (config === NOT_LITERAL || typeof config !== 'object' || config === null || Array.isArray(config)) {
      skipped.push(`${at(property)}: column ${element} has a computed configuration`);
      continue;
    }
    columns.push({ element, kind: call.expression.text, config: config as Record<string, unknown>, at: at(property) });
  }
  return columns;
}

/** The value of a literal expression (objects and arrays included), or NOT_LITERAL. */
function literal(node: ts.Expression, onComputed?: (node: ts.Node, key: string) => void): unknown {
  const expression = unwrap(node);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (ts.isNumericLiteral(expression)) return Number(expression.text);
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (expression.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.MinusToken) {
    const value = literal(expression.operand);
    return typeof value === 'number' ? -value : NOT_LITERAL;
  }
  if (ts.isArrayLiteralExpression(expression)) {
    const values = expression.elements.map((element) => literal(element, onComputed));
    return values.includes(NOT_LITERAL) ? NOT_LITERAL : values;
  }
  if (ts.isObjectLiteralExpression(expression)) {
    const object: Record<string, unknown> = {};
    for (const property of expression.properties) {
      const key = propertyName(property);
      if (key === undefined || !ts.isPropertyAssignment(property)) return NOT_LITERAL;
      const value = literal(property.initializer, onComputed);
      // A computed option (e.g. a script built at run time) is left out, not guessed.
      if (value !== NOT_LITERAL) object[key] = value;
      else onComputed?.(property, key);
    }
    return object;
  }
  return NOT_LITERAL;
}

function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

function asCall(node: ts.Node, callee: string): ts.CallExpression | undefined {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === callee ? node : undefined;
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  return undefined;
}
