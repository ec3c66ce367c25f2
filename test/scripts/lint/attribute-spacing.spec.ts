import { describe, expect, it } from 'vitest';
import { tightenAttributeSpacing } from '../../../scripts/lint/attribute-spacing';

describe('scripts/lint - attribute-spacing', () => {
  it.each([
    ['spaces on both sides', `<a id = 'T1' name="x"/>`, `<a id='T1'   name="x"/>`],
    ['a space before "=" only, double quotes', '<a id ="T1">', '<a id="T1" >'],
    ['a line break around "="', '<a\n  source\n    = "=x = 1" target="url"/>', '<a\n  source="=x = 1"\n      target="url"/>'],
    ['several attributes', '<a id= "T1" b =\'2\'></a>', '<a id="T1"  b=\'2\' ></a>']
  ])('writes %s as name="value", the spaces behind the value', (_name, xml, written) => {
    // when
    const result = tightenAttributeSpacing(xml);

    // then
    expect(result.xml).toBe(written);
    expect(result.xml.length).toBe(xml.length);
  });

  it.each([
    ['tight attributes', '<a id="T1" b=\'x = y\'/>'],
    ['text content', '<a id="T1">x = "y"</a>'],
    ['a comment', '<!-- <a id = "T1"> --><a/>'],
    ['a CDATA section', '<a><![CDATA[ <b id = "x"> ]]></a>'],
    ['a processing instruction', '<?xml version = "1.0"?><a/>'],
    ['a DOCTYPE with an internal subset', '<!DOCTYPE a [ <!ATTLIST a id ID #IMPLIED> ]><a id="T1"/>'],
    ['a "=" inside a value', '<a source="=a = b" target = >']
  ])('leaves %s as written', (_name, xml) => {
    expect(tightenAttributeSpacing(xml)).toEqual({ xml, spaced: [] });
  });

  it('names each rewritten tag with its offset, its attributes and its own id or its enclosing element\'s', () => {
    // given
    const xml = '<p id="P"><t id = "T1"><x/><in source = "a" target ="b"/></t><in source= "c"/></p>';

    // when
    const { spaced } = tightenAttributeSpacing(xml);

    // then
    expect(spaced).toEqual([
      { offset: 10, tag: 't', attributes: ['id'], id: 'T1' },
      { offset: 27, tag: 'in', attributes: ['source', 'target'], id: 'T1' },
      { offset: 61, tag: 'in', attributes: ['source'], id: 'P' }
    ]);
  });
});
