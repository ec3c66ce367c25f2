/**
 * The shared element-template rules on the corner cases where
 * bpmn-js-element-templates 2.30 decides something a hand-written copy
 * easily gets wrong (core.esm.js isSimpleConditionMet / compare,
 * ConditionalBehavior areBindingsEqual).
 */
import { describe, expect, it } from 'vitest';
import { bindingKey, isKnownBinding, sameBinding } from '../../../../core/template/rules/bindings';
import { activeProperties } from '../../../../core/template/rules/conditions';
import type { TemplateProperty } from '../../../../core/template/types';

const input = (name: string) => ({ type: 'zeebe:input' as const, name });

function active(properties: TemplateProperty[], stored: Record<string, unknown>): (string | undefined)[] {
  return activeProperties(properties, { valueOf: (property) => stored[property.id ?? ''] }).map((property) => property.id);
}

describe('core/template/rules - conditions as the Modeler evaluates them', () => {
  const mode: TemplateProperty = { id: 'mode', type: 'Dropdown', choices: [{ name: 'A', value: 'a' }, { name: 'B', value: 'b' }], binding: input('mode') };

  it('equals and oneOf compare strictly; an unset value is the empty string', () => {
    const properties: TemplateProperty[] = [
      mode,
      { id: 'onA', type: 'String', binding: input('onA'), condition: { property: 'mode', equals: 'a' } },
      { id: 'onAB', type: 'String', binding: input('onAB'), condition: { property: 'mode', oneOf: ['a', 'b'] } },
      { id: 'onUnset', type: 'String', binding: input('onUnset'), condition: { property: 'mode', equals: '' } }
    ];
    expect(active(properties, { mode: 'a' })).toEqual(['mode', 'onA', 'onAB']);
    expect(active(properties, { mode: 'b' })).toEqual(['mode', 'onAB']);
    expect(active(properties, {})).toEqual(['mode', 'onUnset']);
  });

  it('a condition on a missing property never holds, except isActive: false', () => {
    const properties: TemplateProperty[] = [
      { id: 'equals', type: 'String', binding: input('x1'), condition: { property: 'ghost', equals: 'a' } },
      { id: 'empty', type: 'String', binding: input('x2'), condition: { property: 'ghost', isEmpty: true } },
      { id: 'notActive', type: 'String', binding: input('x3'), condition: { property: 'ghost', isActive: false } },
      { id: 'active', type: 'String', binding: input('x4'), condition: { property: 'ghost', isActive: true } }
    ];
    expect(active(properties, {})).toEqual(['notActive']);
  });

  it('isActive follows the related property, and an isActive cycle is inactive instead of overflowing', () => {
    const properties: TemplateProperty[] = [
      mode,
      { id: 'onA', type: 'String', binding: input('onA'), condition: { property: 'mode', equals: 'a' } },
      { id: 'withOnA', type: 'String', binding: input('withOnA'), condition: { property: 'onA', isActive: true } },
      { id: 'loop1', type: 'String', binding: input('loop1'), condition: { property: 'loop2', isActive: true } },
      { id: 'loop2', type: 'String', binding: input('loop2'), condition: { property: 'loop1', isActive: true } }
    ];
    expect(active(properties, { mode: 'a' })).toEqual(['mode', 'onA', 'withOnA']);
    expect(active(properties, { mode: 'b' })).toEqual(['mode']);
  });

  it('Boolean and Number inputs are compared by their FEEL literal, Numbers as numbers', () => {
    const properties: TemplateProperty[] = [
      { id: 'flag', type: 'Boolean', binding: input('flag') },
      { id: 'count', type: 'Number', binding: input('count') },
      { id: 'onFlag', type: 'String', binding: input('onFlag'), condition: { property: 'flag', equals: true } },
      { id: 'onTwo', type: 'String', binding: input('onTwo'), condition: { property: 'count', equals: 2 } }
    ];
    expect(active(properties, { flag: '=true', count: '=2.0' })).toEqual(['flag', 'count', 'onFlag', 'onTwo']);
    expect(active(properties, { flag: '=false', count: '=3' })).toEqual(['flag', 'count']);
  });

  it('allMatch needs every condition; a nested allMatch reads no property and fails, as in the library', () => {
    const properties: TemplateProperty[] = [
      mode,
      { id: 'text', type: 'String', binding: input('text') },
      { id: 'both', type: 'String', binding: input('both'), condition: { allMatch: [{ property: 'mode', equals: 'a' }, { property: 'text', isEmpty: false }] } },
      { id: 'nested', type: 'String', binding: input('nested'), condition: { allMatch: [{ allMatch: [{ property: 'mode', equals: 'a' }] }] } }
    ];
    expect(active(properties, { mode: 'a', text: 'x' })).toEqual(['mode', 'text', 'both']);
    expect(active(properties, { mode: 'a' })).toEqual(['mode', 'text']);
  });

  it('a correlation key the element does not allow is inactive', () => {
    const key: TemplateProperty = { id: 'key', type: 'String', binding: { type: 'bpmn:Message#zeebe:subscription#property', name: 'correlationKey' } };
    expect(activeProperties([key], { valueOf: () => '', allows: () => false })).toEqual([]);
  });
});

describe('core/template/rules - binding identity', () => {
  it('names what a binding writes, per binding type', () => {
    expect(bindingKey(input('url'))).toBe('zeebe:input:url');
    expect(bindingKey({ type: 'zeebe:taskHeader', key: 'resultExpression' })).toBe('zeebe:taskHeader:resultExpression');
    expect(bindingKey({ type: 'zeebe:output', source: '=body' })).toBe('zeebe:output:=body');
    expect(bindingKey({ type: 'zeebe:linkedResource', linkName: 'l', property: 'resourceId' })).toBe('zeebe:linkedResource:l:resourceId');
  });

  it('treats the deprecated zeebe:taskDefinition:type as zeebe:taskDefinition property type (normalizeBinding)', () => {
    expect(sameBinding({ type: 'zeebe:taskDefinition:type' }, { type: 'zeebe:taskDefinition', property: 'type' })).toBe(true);
    expect(sameBinding({ type: 'zeebe:taskDefinition', property: 'retries' }, { type: 'zeebe:taskDefinition', property: 'type' })).toBe(false);
  });

  it('keeps same-named targets of different kinds apart', () => {
    expect(sameBinding(input('name'), { type: 'zeebe:property', name: 'name' })).toBe(false);
    expect(sameBinding({ type: 'bpmn:Message#property', name: 'name' }, { type: 'bpmn:Message#zeebe:subscription#property', name: 'name' })).toBe(false);
  });

  it('knows the schema binding types and nothing else', () => {
    expect(isKnownBinding({ type: 'zeebe:calledElement', property: 'processId' })).toBe(true);
    expect(isKnownBinding({ type: 'camunda:inputParameter', name: 'x' })).toBe(false);
    expect(isKnownBinding('zeebe:input')).toBe(false);
    expect(() => bindingKey({ type: 'nonsense' } as never)).toThrow('unknown binding type "nonsense"');
  });
});
