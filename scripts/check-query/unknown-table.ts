import type { Metadata } from '../../core/metadata/model';

/** Why a table cannot be checked against the metadata, or undefined when it can (the same answer for one query and for --jsonl). */
export function unknownTable(table: string, metadata: Metadata): string | undefined {
  return metadata.tables.has(table) ? undefined : `table "${table}" is not in the metadata (${metadata.source})`;
}
