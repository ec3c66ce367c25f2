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
