/**
 * `DYNAMIC<sys_id>` on a reference field: a well-known dynamic filter option
 * returns records of one table (Me a user, One of My Groups groups), so on a
 * field that refers to another table it matches nothing.
 */
import type { Scalar } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { Field, Metadata } from '../../metadata/model';
import { dynamicOption, type DynamicOption } from '../dynamic-options';
import { relatedTables } from './related-link';

export function checkDynamicOption(value: Scalar, field: Field, metadata: Metadata, out: Diagnostic[]): void {
  const target = field.reference;
  if (target === undefined) return;
  let start = value.start;
  for (const sysId of value.text.split(',')) {
    const option = dynamicOption(sysId);
    if (option && !optionFits(option, target, metadata)) {
      out.push({ severity: 'warning', code: 'value.dynamic-option', start, end: start + sysId.length,
        message: `${sysId} is the dynamic filter option ${option.label}, which gives ${option.table} records; ${field.element} refers to ${target}, so nothing matches.` });
    }
    start += sysId.length + 1;
  }
}

/** A reference to `target` can hold the option's records (the same table, or one extending the other), or the metadata cannot tell. */
export function optionFits(option: DynamicOption, target: string, metadata: Metadata): boolean {
  return relatedTables(target, option.table, metadata) !== false;
}
