import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateTemplateText } from '../../../scripts/validate/validate-templates';
import { defaultThreadCount, openValidation, ValidationPool, type Validation } from '../../../scripts/validate/validation-pool';

const templatesDir = join(__dirname, '..', '..', '..', 'templates');
const fixtures = join(__dirname, 'command');

/** Valid templates, a broken one, one that is not JSON, and one the schema only warns about. */
function files(): { file: string; text: string }[] {
  const committed = readdirSync(templatesDir).filter((file) => file.endsWith('.json')).slice(0, 12);
  const warned = JSON.parse(readFileSync(join(templatesDir, committed[0]!), 'utf8')) as { properties: unknown[] };
  warned.properties.push({ type: 'Hidden', binding: { type: 'zeebe:input', name: 'unset' } });
  return [
    ...committed.map((file) => ({ file, text: readFileSync(join(templatesDir, file), 'utf8') })),
    ...['broken.json', 'not-json.json'].map((file) => ({ file, text: readFileSync(join(fixtures, file), 'utf8') })),
    { file: 'warned.json', text: JSON.stringify(warned, null, 2) }
  ];
}

let validation: Validation | undefined;
afterEach(async () => {
  await validation?.close();
});

describe('scripts/validate - validation pool', () => {
  it('gives every file the problems the in-process check gives, in the order asked, on worker threads', async () => {
    // given
    const inputs = files();
    validation = openValidation(inputs.length, 2);

    // when
    const results = await Promise.all(inputs.map(({ file, text }) => validation!.validate(file, text)));

    // then
    expect(validation).toBeInstanceOf(ValidationPool);
    expect(results).toEqual(inputs.map(({ file, text }) => validateTemplateText(file, text)));
    expect(results.flat().map((problem) => problem.file)).toEqual(expect.arrayContaining(['broken.json', 'not-json.json', 'warned.json']));
  });

  it('checks a few files on the calling thread, and a run of hundreds on threads', () => {
    expect(openValidation(20)).not.toBeInstanceOf(ValidationPool);
    expect(openValidation(20, 1)).not.toBeInstanceOf(ValidationPool);
  });

  it('fails the checks still pending when it is closed, naming their files, and every later one', async () => {
    // given
    const [first] = files();
    validation = openValidation(1, 2);
    const pending = expect(validation.validate('pending.json', first!.text)).rejects.toThrow('validating pending.json failed: the validation pool was closed');

    // when
    await validation.close();

    // then
    await pending;
    await expect(validation.validate('later.json', first!.text)).rejects.toThrow(/closed/);
    await validation.close();
  });

  it('takes a thread per core by default, at most 8, and no more than half the memory holds at 256 MB each', () => {
    const GB = 1024 ** 3;
    expect(defaultThreadCount(2, 24 * GB)).toBe(2);
    expect(defaultThreadCount(64, 256 * GB)).toBe(8);
    // a CI container on a big host: 32 cores visible, 2 GB allowed
    expect(defaultThreadCount(32, 2 * GB)).toBe(4);
    expect(defaultThreadCount(16, 0.25 * GB)).toBe(1);
  });
});
