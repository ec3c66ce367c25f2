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

describe('scripts/lint - references the XML reader could not resolve', () => {
  // In the shape GenMyModel 0.47 exports (BPMN MIWG test suite, GenMyModel 0.47/B.1.0-export.bpmn): every reference a QName
  // whose prefix is bound to the BPMN namespace; and a reference into another namespace, as Trisotech writes (Reference/C.8.1.bpmn).
  const diagram = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:triso="http://www.trisotech.com/2015/triso/modeling" id="D" targetNamespace="http://www.omg.org/spec/BPMN/20100524/MODEL">
  <bpmn2:process id="P">
    <bpmn2:task id="A" />
    <bpmn2:task id="B" />
    <bpmn2:sequenceFlow id="F" sourceRef="bpmn2:A" targetRef="B" />
    <bpmn2:sendTask id="S" messageRef="triso:unspecified" />
    <bpmn2:sequenceFlow id="G" sourceRef="B" targetRef="Missing" />
  </bpmn2:process>
</bpmn2:definitions>
`;

  it('says whether the id is in the diagram behind a namespace prefix, names another namespace, or is missing', async () => {
    // when
    const { problems } = await lintDiagram('refs.bpmn', diagram, { templates: [] });

    // then
    expect(problems.map((problem) => [problem.line, problem.id, problem.message.split(': ')[0]])).toEqual([
      [6, 'F', 'bpmn:sourceRef names bpmn2:A, the id A with the namespace prefix bpmn2'],
      [7, 'S', 'bpmn:messageRef names triso:unspecified, something of the namespace prefixed triso rather than an element of this diagram'],
      [8, 'G', 'bpmn:targetRef names Missing, no element of this diagram']
    ]);
    expect(problems[0]?.message).toMatch(/resolves plain ids only, so it drops the reference, lint, like the Modeler, goes without it, and saving in the Modeler loses it; write A$/);
  });
});
