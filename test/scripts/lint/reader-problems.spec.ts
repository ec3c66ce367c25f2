import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDiagram } from '../../../scripts/lint/lint-diagram';

// The BPMN MIWG test suite's Activiti Designer export (command/SOURCES.md): encoding="ISO-8859-1", ASCII only.
const declaredLatin1 = readFileSync(join(__dirname, 'command', 'activiti-iso-8859-1.bpmn'), 'utf8');
const withName = (name: string) => declaredLatin1.replace('name="Task 1"', `name="${name}"`);

describe('scripts/lint - what the XML reader says of a declared encoding other than UTF-8', () => {
  it('says nothing of a file of ASCII characters only, which reads the same in UTF-8', async () => {
    expect((await lintDiagram('a.bpmn', declaredLatin1, { templates: [] })).problems).toEqual([]);
  });

  it('warns, on line 1, that characters outside ASCII read wrong when the bytes are no UTF-8', async () => {
    // given: "Prüfung" saved in ISO-8859-1 as declared, read as UTF-8 as Camunda Modeler reads every file
    const text = Buffer.from(withName('Prüfung'), 'latin1').toString('utf8');

    // when
    const { problems } = await lintDiagram('a.bpmn', text, { templates: [] });

    // then
    expect(problems).toEqual([{ file: 'a.bpmn', line: 1, severity: 'warning', message: expect.stringMatching(/^declares encoding ISO-8859-1, but the XML reader of Camunda Modeler and lint \(bpmn-moddle\) reads every file as UTF-8: bytes of this file are no UTF-8, so characters outside ASCII .* save it as UTF-8 with encoding="UTF-8"$/) }]);
  });

  it('warns that the declaration is wrong when the file is UTF-8 after all', async () => {
    const { problems } = await lintDiagram('a.bpmn', withName('Prüfung'), { templates: [] });
    expect(problems).toEqual([expect.objectContaining({ line: 1, severity: 'warning', message: expect.stringContaining('reads every file as UTF-8, which this file is, so it reads as written there') })]);
  });
});
