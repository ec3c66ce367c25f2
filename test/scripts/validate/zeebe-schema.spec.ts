import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasCompiledCheck, validateZeebe, validateZeebeText, type SchemaResult } from '../../../scripts/validate/zeebe-schema';

const templatesDir = join(__dirname, '..', '..', '..', 'templates');
const valid = JSON.parse(readFileSync(join(__dirname, '..', '..', 'core', 'template', 'check', 'check-template', 'valid.json'), 'utf8')) as { properties: Record<string, unknown>[] } & Record<string, unknown>;

/** What a caller reads of a result (validateZeebe also hands back the parsed object). */
function verdict({ valid: isValid, errors, warnings }: SchemaResult) {
  return { valid: isValid, errors: errors ?? null, warnings: warnings ?? null };
}

function expectSameVerdict(text: string) {
  expect(verdict(validateZeebeText(text, JSON.parse(text)))).toEqual(verdict(validateZeebe(text)));
}

describe('scripts/validate - validateZeebeText', () => {
  it('has the validator\'s compiled schema function, so that valid templates skip the source map', () => {
    expect(hasCompiledCheck).toBe(true);
  });

  it('gives the validator\'s own verdict for every committed template', () => {
    const files = readdirSync(templatesDir).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expectSameVerdict(readFileSync(join(templatesDir, file), 'utf8'));
  });

  it('gives the validator\'s own errors, warnings and line numbers for a template with any property changed', () => {
    fc.assert(
      fc.property(fc.nat(valid.properties.length - 1), fc.constantFrom('binding', 'condition', 'choices', 'value', 'type', 'optional', 'feel', 'editable', 'generatedValue'), fc.oneof(fc.jsonValue(), fc.constant(undefined)), (index, key, junk) => {
        const template = structuredClone(valid);
        template.properties[index]![key] = junk;
        expectSameVerdict(JSON.stringify(template, null, 2));
      }),
      { numRuns: 200 }
    );
  });

  it('reports deprecation warnings the way the validator does, with their lines, and forgets them for the next template', () => {
    // given: a Hidden property without a value, which the schema only warns about
    const warned = { ...valid, properties: [...valid.properties, { type: 'Hidden', binding: { type: 'zeebe:input', name: 'x' } }] };
    const text = JSON.stringify(warned, null, 2);

    // when
    const result = validateZeebeText(text, warned);

    // then
    expect(result.warnings?.map((warning) => warning.message)).toEqual(["Hidden property should specify either 'value' or 'generatedValue'"]);
    expect(result.warnings?.[0]?.dataPointer?.value?.line).toBeGreaterThan(0);
    expect(verdict(validateZeebeText(JSON.stringify(valid), valid))).toEqual({ valid: true, errors: null, warnings: null });
  });
});
