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

/** The value formats belong to the field-type table; re-exported for the builders of other template kinds. */
export { DATE, DATE_TIME, DECIMAL, INTEGER, SECRET_PLACEHOLDER, SYS_ID, TIME } from '../metadata/field-types';

/**
 * Static text that reaches ServiceNow as typed. Two runtime steps change
 * other text: Zeebe wraps a static input in a FEEL string literal and
 * feel-scala decodes its escapes (`\n`, `\b`, `\\`...; a trailing `\` fails
 * the deployment), and the connector runtime replaces the legacy bare form
 * `secrets.NAME` anywhere in the job's variables (SecretUtil). So: no
 * backslash, and `secrets.` followed by a letter or digit only inside a
 * `{{secrets.NAME}}` placeholder.
 */
export const SAFE_TEXT = String.raw`(?:\{\{\s*secrets\.[^{}\s\\]+\s*\}\}|(?!secrets\.[A-Za-z0-9])[^\\])*`;

/**
 * Shown on every free-text input (dozens per template, so every character
 * counts in the file): it names both fixes; staticTextProblem, shown by the
 * plugin's lint, gives the reasons.
 */
export const SAFE_TEXT_MESSAGE = 'must not hold \\ (write ="D:\\\\new") or bare secrets.<name> (write {{secrets.NAME}})';

/** Safe static text, optionally also matching `core` (a pattern body without anchors) as `coreMessage` says. */
export function safeTextPattern(core?: string, coreMessage?: string): Pattern {
  if (core === undefined) return { value: `^${SAFE_TEXT}$`, message: SAFE_TEXT_MESSAGE };
  return { value: `^(?=${SAFE_TEXT}$)(?:${core})$`, message: `${coreMessage ?? 'has an unexpected form'}; it also ${SAFE_TEXT_MESSAGE}` };
}

const SECRET_PLACEHOLDERS = /\{\{\s*secrets\.[^{}\s\\]+\s*\}\}/g;

/** Whether text holds `secrets.<name>` outside a placeholder: the connector replaces it even inside FEEL-built values. */
export function holdsBareSecret(text: string): boolean {
  return /secrets\.[A-Za-z0-9]/.test(text.replace(SECRET_PLACEHOLDERS, ''));
}

/**
 * Whether the whole text is one secret reference in the connector runtime's
 * older form, `secrets.SENDGRID_API_KEY` (camunda/connectors 9b30630
 * `SecretUtil.SECRET_PATTERN_SECRETS`, still replaced beside
 * `{{secrets.NAME}}`): meant as the secret, as in the Camunda Web Modeler
 * diagram of the BPMN MIWG test suite (Reference/C.9.0.bpmn), not text that
 * the replacement would change.
 */
export function isSecretReference(text: string): boolean {
  return /^secrets\.(?:[a-zA-Z0-9]+[/._-])*[a-zA-Z0-9]+$/.test(text);
}

/** Why a static input value would not reach ServiceNow as typed (the two cases SAFE_TEXT refuses), or undefined. */
export function staticTextProblem(text: string): string | undefined {
  if (text.includes('\\')) return 'holds a backslash, which Zeebe reads as an escape (\\n becomes a line break; a trailing \\ or \\" fails the deployment): write it as a FEEL string with every \\ doubled';
  if (holdsBareSecret(text)) return 'holds the text secrets.<name>, which the connector runtime replaces with a cluster secret, or fails the task without retries when there is none: reword it, or write {{secrets.NAME}}';
  return undefined;
}
