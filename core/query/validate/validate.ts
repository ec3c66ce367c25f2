import type { Query } from '../ast';
import type { Diagnostic } from '../diagnostics';
import type { Metadata } from '../../metadata/model';

export function validate(_ast: Query, _text: string, _options: { table?: string; metadata?: Metadata }): Diagnostic[] {
  return [];
}
