import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkQuery } from '../../../core/query/index';
import type { ElementTemplate } from '../../../core/template/types';
import { movedParameters } from '../../../client/query-validation/moved-parameters';
import { metadata } from '../../core/query/metadata';

const template = JSON.parse(readFileSync('templates/servicenow-incident.json', 'utf8')) as ElementTemplate;

describe('client/query-validation - parameters pasted with a query', () => {
  it('moves sysparm_limit into the template\'s Limit field instead of dropping it', () => {
    // given
    const text = 'active=true&sysparm_limit=10&sysparm_view=ess';
    const { diagnostics } = checkQuery(text, { table: 'incident', metadata: metadata('instance') });

    // when
    const moved = movedParameters(text, diagnostics, template);

    // then: the limit has a field; sysparm_view has none and is only removed
    expect(moved.map(({ property, value }) => [property.id, value])).toEqual([['sysparm_limit', '10']]);
  });
});
