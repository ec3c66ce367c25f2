/** The snapshot's manifest.json: where it came from and which tables it holds in full. */
import type { MetadataOrigin } from './model';
import type { Problems } from './problems';
import { isObject } from './records';

export interface Manifest {
  format: 1;
  origin: MetadataOrigin;
  source: string;
  instance?: string;
  build?: string;
  time?: string;
  /** The complete tables: all their columns are in the snapshot. */
  tables: string[];
  /** The language of the sys_choice labels (`fetch-metadata --language`); `en` when absent. */
  language?: string;
  /** Record count per record file name (`sys_dictionary` → 812). */
  records: Record<string, number>;
}

export const MANIFEST_FILE = 'manifest.json';

const origins: MetadataOrigin[] = ['bundled', 'instance', 'sdk', 'template', 'synthetic'];

export function parseManifest(file: string, text: string, problems: Problems): Manifest | undefined {
  const body = problems.parseJson(file, text);
  if (body === undefined) return undefined;
  const before = problems.errors.length;
  const fail = (message: string) => problems.error(file, undefined, message);
  if (!isObject(body)) {
    fail('expected a JSON object (see metadata/README.md)');
    return undefined;
  }
  if (body['format'] !== 1) fail('format must be 1');
  if (!origins.includes(body['origin'] as MetadataOrigin)) fail(`origin must be one of ${origins.join(', ')}`);
  if (typeof body['source'] !== 'string') fail('source must be a string');
  const tables = body['tables'];
  if (!Array.isArray(tables) || !tables.every((table) => typeof table === 'string')) fail('tables must be an array of table names');
  if (body['language'] !== undefined && (typeof body['language'] !== 'string' || body['language'] === '')) fail('language must be a sys_choice language code such as en or de');
  const records = body['records'];
  if (!isObject(records) || !Object.values(records).every((count) => Number.isInteger(count))) {
    fail('records must map each record file (sys_dictionary, ...) to its record count');
  }
  return problems.errors.length === before ? (body as unknown as Manifest) : undefined;
}
