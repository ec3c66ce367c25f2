import type { Pattern } from './types';

/**
 * A pattern for an input that may stay empty. The Modeler's template linter
 * tests patterns against the raw stored value, and an input without a source
 * reads as `undefined`, which `RegExp#test` turns into the text "undefined";
 * accepting that text keeps untouched optional inputs free of false errors.
 * FEEL values (starting with `=`) are never pattern-checked by the Modeler.
 */
export function optionalPattern(core: string, message: string): Pattern {
  return { value: `^(?:${core}|undefined)?$`, message };
}

export const SYS_ID = '[0-9a-f]{32}';
export const INTEGER = '-?\\d+';
export const DECIMAL = '-?\\d+(?:\\.\\d+)?';
export const DATE = '\\d{4}-\\d{2}-\\d{2}';
export const TIME = '\\d{2}:\\d{2}:\\d{2}';
export const DATE_TIME = `${DATE} ${TIME}`;
/** A connector secret placeholder, replaced by the runtime: `{{secrets.NAME}}`. */
export const SECRET_PLACEHOLDER = '\\{\\{secrets\\.[A-Za-z0-9_.-]+\\}\\}';
