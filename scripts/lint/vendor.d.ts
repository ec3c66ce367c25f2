// Typings for the untyped modules the lint and validate commands (and the harness) use.
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: unknown; elementsById: Record<string, unknown>; warnings: unknown[] }>;
    /** The type of a name such as `bpmn:ServiceTask`; undefined for a name no package defines. */
    getType(name: string): unknown;
    getElementDescriptor(type: unknown): { allTypesByName: Record<string, unknown> };
  }
}

declare module 'bpmnlint/lib/linter' {
  export default class Linter {
    constructor(options: { resolver: unknown; config?: unknown });
    lint(definitions: unknown, config?: unknown): Promise<Record<string, unknown[]>>;
  }
}

declare module 'bpmnlint/lib/testers/helper' {
  export function createModdle(xml: string, moddleExtensions?: Record<string, unknown>): Promise<{ root: unknown }>;
}

declare module 'bpmnlint/lib/testers/rule-tester' {
  const RuleTester: { verify(name: string, rule: unknown, cases: { valid: unknown[]; invalid: unknown[] }): void };
  export default RuleTester;
}
