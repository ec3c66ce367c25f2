// Typings the harness needs for packages that ship none.
declare module '@bpmn-io/properties-panel/preact/compat' {
  const compat: Record<string, unknown>;
  export = compat;
}
declare module 'react-dom' {
  export function createPortal(children: unknown, container: Element): unknown;
}
declare module 'react-dom/client' {
  export function createRoot(container: Element): { render(node: unknown): void; unmount(): void };
}
declare module '@camunda/linting' {
  export class Linter {
    constructor(options: { modeler?: string; type?: string; plugins?: unknown[] });
    lint(definitions: unknown): Promise<unknown[]>;
  }
}
declare module '@camunda/linting/modeler' {
  const module: Record<string, unknown>;
  export default module;
}
declare module 'bpmn-js-element-templates' {
  /** The `{ config, resolver }` of the templates' lint rules (validate, compatibility, update). */
  export function CloudElementTemplatesLinterPlugin(templates: unknown[]): { config: unknown; resolver: unknown };
}
