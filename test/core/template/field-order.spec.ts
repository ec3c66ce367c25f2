import { describe, expect, it } from 'vitest';
import { orderPrimaryFields, updatePrimaryFields } from '../../../core/template/field-order';
import { incidentTable } from './fixtures/tables';

describe('core/template - field order by operation', () => {
  it('puts mandatory fields first on Create, then the form order', () => {
    // given
    const table = incidentTable();
    const primary = table.primaryFields.map((element) => table.fields.find((field) => field.element === element)!);

    // when
    const ordered = orderPrimaryFields(primary).map((field) => field.element);

    // then
    expect(ordered[0]).toBe('short_description');
    expect(ordered.slice(1, 3)).toEqual(['caller_id', 'category']);
  });

  it('derives Update\'s own set from the metadata: journal inputs, state, close_* columns, assignment', () => {
    // when
    const update = updatePrimaryFields(incidentTable().fields).map((field) => field.element);

    // then: no hand list of names; number, counters and free columns stay out
    expect(update).toEqual(['work_notes', 'state', 'close_notes', 'assigned_to']);
  });
});
