import { describe, expect, it } from 'vitest';
import { planRelease, serializeTemplate, type PlannedTemplate } from '../../../core/template/versioning';
import type { ElementTemplate } from '../../../core/template/types';

function planned(file: string, description: string): PlannedTemplate {
  return { file, build: (version: number): ElementTemplate => ({ id: `x.${file}`, name: file, version, description, appliesTo: ['bpmn:Task'], properties: [] }) };
}

const retireNothing = { retire: () => false };

describe('core/template - versioning', () => {
  it('starts new templates at version 1', () => {
    // when
    const plan = planRelease([planned('a.json', 'one')], new Map(), retireNothing);

    // then
    expect(plan.results.map(({ file, version, status }) => ({ file, version, status }))).toEqual([{ file: 'a.json', version: 1, status: 'new' }]);
    expect([...plan.files.keys()]).toEqual(['a.json']);
  });

  it('keeps the version and the bytes when the content is unchanged', () => {
    // given
    const existing = new Map([['a.json', serializeTemplate(planned('a.json', 'one').build(4))]]);

    // when
    const plan = planRelease([planned('a.json', 'one')], existing, retireNothing);

    // then
    expect(plan.results[0]).toMatchObject({ version: 4, status: 'unchanged' });
    expect(plan.files).toEqual(existing);
  });

  it('bumps a changed template and keeps the released copy, byte for byte, in versioned/', () => {
    // given
    const released = serializeTemplate(planned('a.json', 'one').build(2));
    const existing = new Map([['a.json', released], ['versioned/a-1.json', 'v1 bytes']]);

    // when
    const plan = planRelease([planned('a.json', 'two')], existing, retireNothing);

    // then
    expect(plan.results[0]).toMatchObject({ version: 3, status: 'changed' });
    expect(plan.files.get('versioned/a-2.json')).toBe(released);
    expect(plan.files.get('versioned/a-1.json')).toBe('v1 bytes');
    expect(JSON.parse(plan.files.get('a.json') ?? '{}')).toMatchObject({ version: 3, description: 'two' });
  });

  it('never reuses a version that exists only in versioned/', () => {
    // given: the current file was removed by hand, version 7 is released
    const existing = new Map([['versioned/a-7.json', 'v7 bytes']]);

    // when
    const plan = planRelease([planned('a.json', 'three')], existing, retireNothing);

    // then
    expect(plan.results[0]).toMatchObject({ version: 8, status: 'new' });
  });

  it('never overwrites a released copy with other content', () => {
    // given: versioned/a-2.json already differs from the current a.json v2
    const existing = new Map([['a.json', serializeTemplate(planned('a.json', 'one').build(2))], ['versioned/a-2.json', 'other bytes']]);

    // when
    const plan = planRelease([planned('a.json', 'two')], existing, retireNothing);

    // then
    expect(plan.files.get('versioned/a-2.json')).toBe('other bytes');
    expect(plan.warnings).toEqual(['versioned/a-2.json already holds a different released copy; kept it unchanged']);
  });

  it('retires current templates that are no longer generated into versioned/ and keeps foreign files', () => {
    // given
    const gone = serializeTemplate(planned('gone.json', 'old').build(5));
    const existing = new Map([['gone.json', gone], ['README.txt', 'mine']]);

    // when
    const plan = planRelease([planned('a.json', 'one')], existing, { retire: (path) => path.endsWith('.json') });

    // then
    expect(plan.retired).toEqual(['gone.json']);
    expect(plan.files.has('gone.json')).toBe(false);
    expect(plan.files.get('versioned/gone-5.json')).toBe(gone);
    expect(plan.files.get('README.txt')).toBe('mine');
  });
});
