/**
 * Sizes past which a template is certainly a mistake (a pasted log, a binary
 * as text): the Modeler loads every template file of a folder on start and
 * renders these texts in its panels. Next to Web Modeler's 8 KB icon limit
 * (check-template), these are ours, stated in `validate --help` and the README.
 */
import type { Severity } from '../../core/template/check/check-template';

/** One template file: twenty times the largest of Camunda's own ServiceNow template files (165 KB, three versions). */
export const MAX_TEMPLATE_FILE_BYTES = 4 * 1024 * 1024;
/** One text the Modeler shows: a name, description, label or tooltip. */
export const MAX_TEXT_CHARACTERS = 10_000;

const TEXT_KEYS = ['name', 'description', 'label', 'tooltip'] as const;

export function fileTooLarge(text: string): string | undefined {
  // UTF-8 takes at most 3 bytes for each UTF-16 unit: most texts need no count.
  if (text.length * 3 <= MAX_TEMPLATE_FILE_BYTES) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > MAX_TEMPLATE_FILE_BYTES ? `the file is ${bytes} bytes; a template file may have at most ${MAX_TEMPLATE_FILE_BYTES} (4 MB)` : undefined;
}

/** Texts of the template, its groups and its properties that are longer than MAX_TEXT_CHARACTERS. */
export function oversizedTexts(template: Record<string, unknown>): { severity: Severity; property?: string; message: string }[] {
  const problems: { severity: Severity; property?: string; message: string }[] = [];
  const check = (owner: unknown, where: string, property?: string) => {
    if (!owner || typeof owner !== 'object') return;
    for (const key of TEXT_KEYS) {
      const value = (owner as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.length > MAX_TEXT_CHARACTERS) {
        problems.push({ severity: 'error', ...(property === undefined ? {} : { property }), message: `${where}${key} has ${value.length} characters; texts may have at most ${MAX_TEXT_CHARACTERS}` });
      }
    }
  };
  check(template, '');
  (Array.isArray(template['groups']) ? template['groups'] : []).forEach((group: unknown, index) => check(group, `group ${String((group as { id?: unknown })?.id ?? `#${index}`)} `));
  (Array.isArray(template['properties']) ? template['properties'] : []).forEach((property: unknown, index) => check(property, '', String((property as { id?: unknown })?.id ?? `#${index}`)));
  return problems;
}
