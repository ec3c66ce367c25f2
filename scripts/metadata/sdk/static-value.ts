/**
 * Evaluates the literal parts of a Fluent source without running it: strings,
 * numbers, booleans, arrays and objects, and what the SDK's own build reads
 * statically from the same file (a `const` holding such a value, `...spread`
 * of one, `{ shorthand }`, `other.name` of a `Table({...})` const, template
 * strings of literals). Anything else is NOT_LITERAL, reported by the caller.
 */
import { posix } from 'node:path';
import ts from 'typescript';

export const NOT_LITERAL = Symbol('not a literal');

/** Deeper than any real configuration: stops self-referencing consts (`const a = { ...a }`). */
const MAX_DEPTH = 40;

/** The SDK functions that return the configuration they are given: `Table`, `Record` and the column functions. */
function isConfigFunction(name: string | undefined): boolean {
  return name === 'Table' || name === 'Record' || (name !== undefined && /^[A-Z]\w*Column$/.test(name));
}

/** One `key: value` of an object literal, with spreads and shorthands flattened. */
export interface Entry {
  key: string;
  value: ts.Expression;
  /** The node to name in messages (the property, possibly inside a spread const). */
  node: ts.Node;
}

/** What one file declares at its top level. */
class FileScope {
  /** Local name → exported name and module, for `import { StringColumn as S } from '...'`. */
  readonly imported = new Map<string, { name: string; module: string }>();
  /** Local names of `import * as sdk from ...`. */
  readonly namespaces = new Set<string>();
  /** Top-level `const name = value`. */
  readonly consts = new Map<string, ts.Expression>();

  constructor(source: ts.SourceFile) {
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) this.addImport(statement, statement.moduleSpecifier.text);
      else if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.initializer) this.consts.set(declaration.name.text, declaration.initializer);
        }
      }
    }
  }

  private addImport(declaration: ts.ImportDeclaration, module: string): void {
    const bindings = declaration.importClause?.namedBindings;
    if (!bindings) return;
    if (ts.isNamespaceImport(bindings)) this.namespaces.add(bindings.name.text);
    else for (const element of bindings.elements) this.imported.set(element.name.text, { name: (element.propertyName ?? element.name).text, module });
  }
}

/**
 * The Fluent files read together: a name resolves in the file that uses it,
 * and a relative import (`import { PropertyTypeChoices } from './sys_properties.now'`)
 * into the exported const of another file of the set.
 */
export class SourceScope {
  private readonly scopes = new Map<string, FileScope>();

  constructor(sources: readonly ts.SourceFile[]) {
    for (const source of sources) this.scopes.set(slashes(source.fileName), new FileScope(source));
  }

  private scopeOf(node: ts.Node): FileScope | undefined {
    return this.scopes.get(slashes(node.getSourceFile().fileName));
  }

  /** The const a name stands for, in its own file or through a relative import of a file of the set. */
  private constOf(identifier: ts.Identifier): ts.Expression | undefined {
    const scope = this.scopeOf(identifier);
    const local = scope?.consts.get(identifier.text);
    if (local) return local;
    const imported = scope?.imported.get(identifier.text);
    if (!imported || !imported.module.startsWith('.')) return undefined;
    const base = posix.join(posix.dirname(slashes(identifier.getSourceFile().fileName)), imported.module);
    for (const candidate of [`${base}.ts`, base, `${base}/index.ts`]) {
      const target = this.scopes.get(candidate);
      if (target) return target.consts.get(imported.name);
    }
    return undefined;
  }

  /** The SDK function a call names (`Table`, `StringColumn`), through import aliases and namespaces. */
  calleeName(call: ts.CallExpression): string | undefined {
    const callee = unwrap(call.expression);
    const scope = this.scopeOf(call);
    if (ts.isIdentifier(callee)) return scope?.imported.get(callee.text)?.name ?? callee.text;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && scope?.namespaces.has(callee.expression.text)) return callee.name.text;
    return undefined;
  }

  /** The expression itself, or what the `const` it names holds (followed through further names). */
  resolve(node: ts.Expression): ts.Expression {
    let current = unwrap(node);
    const seen = new Set<ts.Expression>();
    while (ts.isIdentifier(current)) {
      const value = this.constOf(current);
      if (!value || seen.has(value)) break;
      seen.add(value);
      current = unwrap(value);
    }
    return current;
  }

  /** The object literal an expression stands for: itself, a const, `X.y` inside one, or the config of a call such as `Table({...})`. */
  objectOf(node: ts.Expression, depth = 0): ts.ObjectLiteralExpression | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expression = this.settle(node, depth);
    if (!expression) return undefined;
    if (ts.isObjectLiteralExpression(expression)) return expression;
    // Only the SDK's own functions return their configuration as it is (src/db/Table.ts, Column.ts); any other call is run-time work.
    if (ts.isCallExpression(expression) && expression.arguments[0] && isConfigFunction(this.calleeName(expression))) return this.objectOf(expression.arguments[0], depth + 1);
    return undefined;
  }

  /** The entries of an object literal, spreads and shorthands flattened in source order; a computed spread or key is passed to onComputed. */
  entries(object: ts.ObjectLiteralExpression, onComputed?: (node: ts.Node, what: string) => void, depth = 0): Entry[] {
    const entries: Entry[] = [];
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = depth < MAX_DEPTH ? this.objectOf(property.expression, depth + 1) : undefined;
        if (spread) entries.push(...this.entries(spread, onComputed, depth + 1));
        else onComputed?.(property, `...${property.expression.getText()}`);
        continue;
      }
      const key = propertyName(property);
      if (key === undefined) {
        onComputed?.(property, property.name ? `[${property.name.getText()}]` : 'an entry');
        continue;
      }
      if (ts.isPropertyAssignment(property)) entries.push({ key, value: property.initializer, node: property });
      else if (ts.isShorthandPropertyAssignment(property)) entries.push({ key, value: property.name, node: property });
      else onComputed?.(property, key);
    }
    return entries;
  }

  /** The value of a literal expression (objects and arrays included), or NOT_LITERAL; computed object members are left out and passed to onComputed. */
  literal(node: ts.Expression, onComputed?: (node: ts.Node, key: string) => void, depth = 0): unknown {
    if (depth > MAX_DEPTH) return NOT_LITERAL;
    const expression = this.settle(node, depth);
    if (!expression) return NOT_LITERAL;
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
    if (ts.isNumericLiteral(expression)) return Number(expression.text);
    if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (expression.kind === ts.SyntaxKind.NullKeyword) return null;
    if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.MinusToken) {
      const value = this.literal(expression.operand, undefined, depth + 1);
      return typeof value === 'number' ? -value : NOT_LITERAL;
    }
    if (ts.isTemplateExpression(expression)) {
      let text = expression.head.text;
      for (const span of expression.templateSpans) {
        const value = this.literal(span.expression, undefined, depth + 1);
        if (typeof value !== 'string' && typeof value !== 'number') return NOT_LITERAL;
        text += String(value) + span.literal.text;
      }
      return text;
    }
    if (ts.isArrayLiteralExpression(expression)) {
      const values: unknown[] = [];
      for (const element of expression.elements) {
        if (ts.isSpreadElement(element)) {
          const spread = this.literal(element.expression, onComputed, depth + 1);
          if (!Array.isArray(spread)) return NOT_LITERAL;
          values.push(...(spread as unknown[]));
        } else values.push(this.literal(element, onComputed, depth + 1));
      }
      return values.includes(NOT_LITERAL) ? NOT_LITERAL : values;
    }
    if (ts.isObjectLiteralExpression(expression)) {
      const object: Record<string, unknown> = {};
      for (const entry of this.entries(expression, onComputed, depth + 1)) {
        const value = this.literal(entry.value, onComputed, depth + 1);
        // A computed option (e.g. a script built at run time) is left out, not guessed; a later entry still overrides an earlier one.
        if (value !== NOT_LITERAL) object[entry.key] = value;
        else {
          delete object[entry.key];
          onComputed?.(entry.node, entry.key);
        }
      }
      return object;
    }
    return NOT_LITERAL;
  }

  /**
   * The expression a value comes down to: consts followed, and `X.name` / `X['name']` (X an object or an SDK
   * call's configuration, as in `sys_properties['schema']['type']['choices']`) replaced by the member's value.
   * Undefined when a member is not there to read.
   */
  private settle(node: ts.Expression, depth: number): ts.Expression | undefined {
    let expression = this.resolve(node);
    for (let step = depth; ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression); step++) {
      if (step > MAX_DEPTH) return undefined;
      const key = ts.isPropertyAccessExpression(expression)
        ? expression.name.text
        : ts.isStringLiteral(expression.argumentExpression) || ts.isNumericLiteral(expression.argumentExpression)
          ? expression.argumentExpression.text
          : undefined;
      const object = key === undefined ? undefined : this.objectOf(expression.expression, step + 1);
      // The last entry of a key wins, as at run time.
      const entry = object && this.entries(object).filter((candidate) => candidate.key === key).pop();
      if (!entry) return undefined;
      expression = this.resolve(entry.value);
    }
    return expression;
  }

}

function slashes(path: string): string {
  return path.split('\\').join('/');
}

export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isTypeAssertionExpression(current)) {
    current = current.expression;
  }
  return current;
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNumericLiteral(name.expression))) return name.expression.text;
  return undefined;
}
