/**
 * The Modeler's shared libraries ship no typings. The plugin reaches them
 * through camunda-modeler-plugin-helpers' vendor modules (webpack aliases);
 * these declarations type the small part it uses.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- untyped vendor modules */
declare module '@bpmn-io/properties-panel' {
  export const TextFieldEntry: any;
  export const SelectEntry: any;
  export const Group: any;
  export function isTextFieldEntryEdited(node: any): boolean;
  export function isSelectEntryEdited(node: any): boolean;
  /** The error the panel holds for an entry id (what linting set through `propertiesPanel.setErrors`). */
  export function useError(id: string): string | undefined;
}

declare module '@bpmn-io/properties-panel/preact' {
  export function h(type: any, props?: any, ...children: any[]): any;
  export const Fragment: any;
}

declare module '@bpmn-io/properties-panel/preact/hooks' {
  export function useState<T>(initial: T | (() => T)): [T, (value: T | ((previous: T) => T)) => void];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useLayoutEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
  export function useRef<T>(initial: T): { current: T };
  export function useCallback<T extends (...args: any[]) => any>(callback: T, deps: readonly unknown[]): T;
  export function useId(): string;
}

declare module '@bpmn-io/properties-panel/preact/jsx-runtime' {
  export const jsx: any;
  export const jsxs: any;
  export const Fragment: any;
  export namespace JSX {
    type Element = any;
    interface ElementChildrenAttribute { children: unknown }
    interface IntrinsicAttributes { key?: string | number }
    interface IntrinsicElements { [element: string]: Record<string, unknown> }
  }
}

declare module 'bpmn-js-properties-panel' {
  export function useService<T = any>(name: string, strict?: boolean): T;
}

declare module 'camunda-modeler-plugin-helpers' {
  export function registerClientPlugin(plugin: unknown, type: string): void;
  export function registerClientExtension(component: unknown): void;
  export function registerCloudBpmnJSPlugin(module: unknown): void;
}

declare module 'camunda-modeler-plugin-helpers/components/Fill.js' {
  const Fill: any;
  export default Fill;
}

declare module 'camunda-modeler-plugin-helpers/vendor/react' {
  import * as React from 'react';
  export = React;
}
