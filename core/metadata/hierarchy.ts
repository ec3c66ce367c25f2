/** Table hierarchies (`incident → task`), with missing super classes and cycles reported once each. */
import type { Problems } from './problems';
import { SNAPSHOT_FILES, tableRef, type TableRecord } from './records';

/** Maps each table whose chain is sound to `[table, super, ..., root]`. */
export function resolveHierarchies(tables: ReadonlyMap<string, TableRecord>, problems: Problems): Map<string, string[]> {
  const hierarchies = new Map<string, string[]>();
  const broken = new Set<string>();
  const reported = new Set<string>();
  const report = (key: string, record: TableRecord, message: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    problems.error(SNAPSHOT_FILES.tables, tableRef(record), message);
  };

  for (const name of tables.keys()) {
    const chain = [name];
    const seen = new Set(chain);
    let current = tables.get(name);
    let ok = true;
    while (current?.superClass !== undefined) {
      const superClass = current.superClass;
      const known = hierarchies.get(superClass);
      if (known) {
        chain.push(...known);
        break;
      }
      const superRecord = tables.get(superClass);
      if (!superRecord) {
        report(`missing ${current.name}`, current, `super class "${superClass}" is not in the snapshot; add its sys_db_object record (walk super_class.name up to the root)`);
        ok = false;
        break;
      }
      if (broken.has(superClass)) {
        ok = false;
        break;
      }
      if (seen.has(superClass)) {
        const cycle = [...chain.slice(chain.indexOf(superClass)), superClass];
        report(`cycle ${[...new Set(cycle)].sort().join(',')}`, current, `cycle in the table hierarchy: ${cycle.join(' → ')}; fix super_class.name`);
        ok = false;
        break;
      }
      chain.push(superClass);
      seen.add(superClass);
      current = superRecord;
    }
    if (ok) hierarchies.set(name, chain);
    else broken.add(name);
  }
  return hierarchies;
}
