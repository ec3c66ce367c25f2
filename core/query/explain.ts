import type { Query } from './ast';
import type { Metadata } from '../metadata/model';

export function explain(_ast: Query, _options: { table?: string; metadata?: Metadata }): string {
  return '';
}
