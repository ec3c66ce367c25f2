/**
 * Checks that need the table's metadata: the field path, the operator for
 * the field's type, and each value against the field's type and choices.
 */
import type { Condition, Leaf, Scalar, Value } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { Choice, Field, Metadata, Table } from '../../metadata/model';
import { looksLikeScript, OPAQUE } from '../scan';
import { familyOf, operatorMismatch, type TypeFamily } from './field-types';
import { lookupField, resolvePath } from './fields';
import { fieldType, WORD_SYS_IDS } from '../../metadata/field-types';
import { closestMatch } from '../../text/close-matches';
import { checkClassName, isClassField } from './class-names';
import { checkDynamicOption } from './dynamic';
import { isBoolean, isDate, isNumber, isSysId, repairBoolean, repairDate, repairNumber, repairSysId } from './literals';

const EQUALITY = new Set(['=', '!=', 'IN', 'NOT IN']);
/** The zero-width characters the parser reports (scan.ts isInvisible). */
const INVISIBLE = /[\u200b\u2060\ufeff]/;
const INVISIBLE_ALL = /[\u200b\u2060\ufeff]/g;
const ORDERING = new Set(['<', '<=', '>', '>=']);

export function checkConditionTypes(condition: Condition, table: Table, metadata: Metadata, out: Diagnostic[]): void {
  const resolution = resolvePath(condition.field, table, metadata, out);
  const { value, operator } = condition;
  // No field at all is reported as a missing value (structure.ts), not as a field named "".
  if ((value?.type === 'FieldComparison' || value?.type === 'FieldDistance') && value.field.raw !== '') {
    resolvePath(value.field, table, metadata, out);
  }
  if (!resolution || operator.name === null) return;
  const { field } = resolution;
  const family = familyOf(field);
  const mismatch = operatorMismatch(operator.name, field, family);
  if (mismatch) {
    out.push({ severity: 'warning', code: 'operator.not-for-type', start: operator.start, end: operator.end, message: mismatch });
  }
  if (!value) return;
  if (operator.name === 'DYNAMIC' && value.type === 'Scalar' && !value.text.includes(OPAQUE)) checkDynamicOption(value, field, metadata, out);
  const wholeDay = wholeDayEquality(condition, field, family);
  if (wholeDay) out.push(wholeDay);
  const tooLong = longerThanField(condition, field, family);
  if (tooLong) out.push(tooLong);
  const leaves = comparedLeaves(value, operator.name);
  for (const leaf of leaves) {
    // NULL is ServiceNow's spelling of "empty" in queries (`category!=NULL`).
    if (leaf.type === 'Script' || leaf.raw === '' || leaf.raw === 'NULL' || leaf.raw.includes(OPAQUE) || looksLikeScript(leaf.text)) continue;
    const finding = checkLeaf(leaf, field, family, operator.name, resolution.table, metadata);
    if (!finding) continue;
    const { byDisplayName, ...diagnostic } = finding;
    if (byDisplayName && leaf === value) {
      // The fix is in the field: `caller_id=Abel Tuter` → `caller_id.name=Abel Tuter`, so the range covers both.
      diagnostic.start = condition.field.start;
      diagnostic.suggestion = `${condition.field.raw}.${byDisplayName}${operator.raw}${leaf.raw}`;
      // The message names the field alone; the fix keeps the path and the operator as written (`task.ref_incident.caller_id!=…`).
      diagnostic.message = diagnostic.message.replace(`dot-walk: ${field.element}.${byDisplayName}=${leaf.text}`, `dot-walk: ${diagnostic.suggestion}`);
    }
    out.push(diagnostic);
  }
  if (isClassField(field.internalType)) {
    const classes = operator.name === 'INSTANCEOF' && value.type === 'Scalar' ? [value] : leaves;
    for (const leaf of classes) {
      if (leaf.type === 'Script' || leaf.raw === '' || leaf.raw === 'NULL' || leaf.raw.includes(OPAQUE)) continue;
      const finding = checkClassName(leaf, operator.name, resolution.table, metadata);
      if (finding) out.push(finding);
    }
  }
}

const TEXT_COMPARISONS = new Set(['=', 'LIKE', 'STARTSWITH', 'ENDSWITH']);

/** `short_description=<200 characters>` on a 160-character field: no stored value can match. */
function longerThanField(condition: Condition, field: Field, family: TypeFamily): Diagnostic | undefined {
  const { operator, value } = condition;
  if (family !== 'string' || field.maxLength === undefined || operator.name === null || !TEXT_COMPARISONS.has(operator.name)) return undefined;
  if (value?.type !== 'Scalar' || value.text.length <= field.maxLength || value.text.includes(OPAQUE)) return undefined;
  return {
    severity: 'warning', code: 'value.too-long', start: value.start, end: value.end,
    message: `This value has ${value.text.length} characters but ${field.element} holds at most ${field.maxLength}, so no record can match.`
  };
}

/**
 * `opened_at=2024-01-05` on a date-time compares with midnight exactly, so it
 * almost never matches; ON with the day's start and end is what was meant.
 */
function wholeDayEquality(condition: Condition, field: Field, family: TypeFamily): Diagnostic | undefined {
  const { operator, value } = condition;
  if (family !== 'date' || field.internalType === 'glide_date' || (operator.name !== '=' && operator.name !== '!=')) return undefined;
  if (value?.type !== 'Scalar' || !/^\d{4}-\d{2}-\d{2}$/.test(value.text) || !isDate(value.text)) return undefined;
  const day = value.text;
  const on = operator.name === '=' ? 'ON' : 'NOTON';
  return {
    severity: 'warning', code: 'value.date', start: operator.start, end: value.end,
    suggestion: `${on}${day}@javascript:gs.dateGenerate('${day}','start')@javascript:gs.dateGenerate('${day}','end')`,
    message: `${field.element} holds a date and time, so ${operator.name}${day} compares with ${day} 00:00:00 exactly; to match the whole day use ${on}.`
  };
}

/** The values compared with the field (not labels, units or other fields). */
function comparedLeaves(value: Value, operator: string): Leaf[] {
  switch (value.type) {
    case 'Scalar':
    case 'Script':
      // BETWEEN, ON and NOTON hold a single value only when the parser could not split it (value.malformed says so).
      return EQUALITY.has(operator) || ORDERING.has(operator) ? [value] : [];
    case 'List':
      return value.items.length === 1 && value.items[0]!.type === 'Script' ? [] : value.items;
    case 'Range':
    case 'DateOn':
      return [value.from, value.to];
    default:
      return [];
  }
}

/** A value finding, and for a reference compared with a name, the target's field that holds names (the fix dot-walks to it). */
interface LeafFinding extends Diagnostic {
  byDisplayName?: string;
}

function checkLeaf(leaf: Scalar, field: Field, family: TypeFamily, operator: string, table: Table, metadata: Metadata): LeafFinding | undefined {
  const diagnostic = checkLeafValue(leaf, field, family, operator, table, metadata);
  // A zero-width character has its own finding (syntax.invisible-character): the value without it is what was meant.
  if (diagnostic && INVISIBLE.test(leaf.text)) {
    const visible = leaf.text.replace(INVISIBLE_ALL, '');
    if (!checkLeafValue({ ...leaf, raw: visible, text: visible }, field, family, operator, table, metadata)) return undefined;
  }
  // Quoted values ('1', "true") are compared with their quotes: suggest the bare value when that one is right.
  const quoted = diagnostic && /^(['"])(.*)\1$/.exec(leaf.text);
  if (diagnostic && quoted && !checkLeafValue({ ...leaf, raw: quoted[2]!, text: quoted[2]! }, field, family, operator, table, metadata)) {
    diagnostic.suggestion = quoted[2]!;
    diagnostic.message += ' Values are written without quotes in encoded queries.';
  }
  return diagnostic;
}

function checkLeafValue(leaf: Scalar, field: Field, family: TypeFamily, operator: string, table: Table, metadata: Metadata): LeafFinding | undefined {
  const at = { start: leaf.start, end: leaf.end };
  const value = leaf.text;
  switch (family) {
    case 'choice':
      if (EQUALITY.has(operator)) return checkChoice(leaf, field, table, metadata);
      if (fieldType(field.internalType).family === 'number' && !isNumber(value)) {
        return { severity: 'error', code: 'value.number', ...at, message: `${field.element} holds numbers; "${value}" is not a number.` };
      }
      return undefined;
    case 'reference':
      // A reference key (sys_dictionary.internal_type stores the type's name) makes any value possible.
      if (!EQUALITY.has(operator) || isSysId(value) || storesOtherKey(field) || isWordSysId(value, field, metadata)) return undefined;
      if (repairSysId(value)) return sysIdCase(leaf, field);
      return referenceDiagnostic(leaf, field, metadata);
    case 'boolean':
      if (isBoolean(value)) return undefined;
      return withSuggestion({ severity: 'error', code: 'value.boolean', ...at,
        message: `${field.element} is true or false; "${value}" is neither, so the condition matches no record.` }, repairBoolean(value));
    case 'number':
      if (isNumber(value)) return undefined;
      return withSuggestion({ severity: 'error', code: 'value.number', ...at,
        message: `${field.element} holds numbers; "${value}" is not a number.` }, repairNumber(value));
    case 'date':
      if (isDate(value)) return undefined;
      return withSuggestion({ severity: 'error', code: 'value.date', ...at,
        message: `"${value}" is not a date ServiceNow reads here: write yyyy-MM-dd or yyyy-MM-dd HH:mm:ss (GMT), or a javascript: value such as javascript:gs.daysAgoStart(7).` }, repairDate(value));
    default:
      if (fieldType(field.internalType).sysId && EQUALITY.has(operator) && !isSysId(value)) {
        return withSuggestion({ severity: 'warning', code: 'value.sys-id', ...at, message: `${field.element} holds sys_ids (32 lower-case hexadecimal characters); "${value}" is not one, so nothing matches.` }, repairSysId(value));
      }
      return undefined;
  }
}

/**
 * A value that is another choice's label is wrong everywhere (error). An
 * unknown value of a text choice list (category...) is only a warning
 * against the bundled snapshot, since instances add such choices all the
 * time; numeric codes (state, priority) stay errors.
 */
export function checkChoice(leaf: Scalar, field: Field, table: Table, metadata: Metadata): Diagnostic | undefined {
  if (field.choiceMode === 2) return undefined; // a suggestion list: free text is allowed
  const value = leaf.text;
  const choice = findChoice(field, value);
  const noun = field.label.toLowerCase();
  if (choice && !choice.inactive) return undefined;
  if (choice) {
    return { severity: 'info', code: 'value.inactive-choice', start: leaf.start, end: leaf.end,
      message: `${value} (${choice.label}) is an inactive ${noun} of ${table.name}: old records may still have it, new ones cannot.` };
  }
  const words = choiceWords(field);
  const meant = guessChoice(words, value);
  const match = meant?.exact ? meant.choice : undefined;
  const numeric = fieldType(field.internalType).family === 'number';
  const lenient = !match && !numeric && (metadata.origin === 'bundled' || metadata.origin === 'sdk' || metadata.origin === 'template');
  const caveat = lenient ? ` (per the ${metadata.origin} metadata; your instance may have more: check with its metadata)` : '';
  return withSuggestion({ severity: lenient ? 'warning' : 'error', code: 'value.choice', start: leaf.start, end: leaf.end,
    message: `${value} is not ${article(noun)} ${noun} of ${table.name}; ${words.nouns} are ${words.listed}${caveat}.` }, meant?.choice.value);
}

type ChoiceGuess = { choice: Choice; exact: boolean } | undefined;

/** What a wrong value's finding says of the field's choices, and the guess per written value. */
interface ChoiceWords {
  active: Choice[];
  listed: string;
  nouns: string;
  guesses: Map<string, ChoiceGuess>;
}

/**
 * Per field: a wrong choice value is the most common finding on real
 * queries, its guess (an edit distance to every choice) costs more than the
 * rest of the check, and live validation re-checks the same query on every
 * keystroke. Fields do not change once the metadata is built.
 */
const choiceWordsByField = new WeakMap<Field, ChoiceWords>();

function choiceWords(field: Field): ChoiceWords {
  let words = choiceWordsByField.get(field);
  if (!words) {
    const active = field.choices.filter((candidate) => !candidate.inactive);
    words = { active, listed: listChoices(active), nouns: plural(field.label.toLowerCase()), guesses: new Map() };
    choiceWordsByField.set(field, words);
  }
  return words;
}

/** choiceMeant over the active choices, remembered (bounded). */
function guessChoice(words: ChoiceWords, value: string): ChoiceGuess {
  if (words.guesses.has(value)) return words.guesses.get(value);
  const guess = choiceMeant(value, words.active);
  if (words.guesses.size >= 1000) words.guesses.clear();
  words.guesses.set(value, guess);
  return guess;
}

/**
 * The choice a wrong value most likely means, for the fix: a label or value
 * in other case ("In Progress" → 2), a label without its value prefix
 * ("Critical" for "1 - Critical"), else one label or value at most two edits
 * away ("Critcal"). A short code such as state 9 is one edit from every
 * other digit, so it gets no guess: the message lists the choices.
 */
function choiceMeant(value: string, choices: Choice[]): { choice: Choice; exact: boolean } | undefined {
  const lower = value.trim().toLowerCase();
  if (!lower) return undefined;
  const bare = (label: string) => label.replace(/^\S+\s+-\s+/, '').toLowerCase();
  const exact = choices.find((candidate) => candidate.label.toLowerCase() === lower || candidate.value.toLowerCase() === lower)
    ?? choices.find((candidate) => bare(candidate.label) === lower);
  if (exact) return { choice: exact, exact: true };
  if (lower.length < 4) return undefined;
  const names = new Map<string, Choice>();
  for (const candidate of choices) for (const name of [bare(candidate.label), candidate.value.toLowerCase()]) if (!names.has(name)) names.set(name, candidate);
  const near = closestMatch(lower, names.keys());
  return near === undefined ? undefined : { choice: names.get(near)!, exact: false };
}

/** The choice with this value (a loop: the check runs for every compared value). */
export function findChoice(field: Field, value: string): Choice | undefined {
  for (const choice of field.choices) if (choice.value === value) return choice;
  return undefined;
}

/** A sys_id in upper case: ServiceNow writes them in lower case and compares query values as written. */
function sysIdCase(leaf: Scalar, field: Field): LeafFinding {
  return { severity: 'warning', code: 'value.sys-id', start: leaf.start, end: leaf.end, suggestion: leaf.text.toLowerCase(),
    message: `${field.element} holds sys_ids in lower case; "${leaf.text}" is in upper case, and query values are compared as written.` };
}

function referenceDiagnostic(leaf: Scalar, field: Field, metadata: Metadata): LeafFinding {
  const target = field.reference ?? '';
  // `assigned_to=3D4860…`: quoted-printable (an email) writes "=" as "=3D" (ServiceNowDocs edge-encryption/json-overview.md has one).
  if (leaf.text.startsWith('3D') && isSysId(leaf.text.slice(2))) {
    return { severity: 'warning', code: 'value.reference', start: leaf.start, end: leaf.end, suggestion: leaf.text.slice(2),
      message: `"${leaf.text}" is a sys_id with "3D" before it, what is left of "=3D", the way an email (quoted-printable) writes "=": remove the 3D.` };
  }
  const targetTable = metadata.tables.get(target);
  const byName = targetTable ? lookupField(targetTable, 'name') !== undefined : NAMED_TABLES.test(target);
  return { severity: 'warning', code: 'value.reference', start: leaf.start, end: leaf.end,
    message: `${field.element} refers to ${target} records by sys_id; "${leaf.text}" is not a sys_id, so it likely matches nothing${byName ? `. To match by name, dot-walk: ${field.element}.name=${leaf.text}` : ''}.`,
    ...(byName ? { byDisplayName: 'name' } : {}) };
}

/** `sys_scope=global`: the target table, or one it extends, has a record with this word as its sys_id. */
function isWordSysId(value: string, field: Field, metadata: Metadata): boolean {
  const target = field.reference ?? '';
  const hierarchy = metadata.tables.get(target)?.hierarchy ?? [target];
  return hierarchy.some((name) => WORD_SYS_IDS[name]?.includes(value) === true);
}

function storesOtherKey(field: Field): boolean {
  return field.referenceKey !== undefined && field.referenceKey !== 'sys_id';
}

/** Tables whose display value is `name` (for the dot-walk hint when they are not in the metadata). */
const NAMED_TABLES = /^(sys_user|sys_user_group|core_company|cmn_location|cmn_department|cmdb_ci.*)$/;

function withSuggestion(diagnostic: Diagnostic, suggestion: string | undefined): Diagnostic {
  if (suggestion !== undefined) diagnostic.suggestion = suggestion;
  return diagnostic;
}

function listChoices(choices: Choice[]): string {
  // Labels that already start with the value ("1 - Critical") are shown alone.
  const shown = choices.slice(0, 15).map((choice) => (choice.label === choice.value || choice.label.startsWith(`${choice.value} `) ? choice.label : `${choice.value} ${choice.label}`));
  return shown.join(', ') + (choices.length > 15 ? `, and ${choices.length - 15} more` : '');
}

function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}
