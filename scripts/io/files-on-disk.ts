import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files of a folder, listed once and read each time one is asked for, as a
 * read-only map: a folder of thousands of large templates is never in
 * memory all at once, as a map of their contents would be.
 */
export class FilesOnDisk<T> implements ReadonlyMap<string, T> {
  private readonly known: ReadonlySet<string>;

  constructor(
    private readonly directory: string,
    paths: readonly string[],
    private readonly decode: (bytes: Buffer) => T
  ) {
    this.known = new Set(paths);
  }

  get size(): number {
    return this.known.size;
  }

  has(path: string): boolean {
    return this.known.has(path);
  }

  get(path: string): T | undefined {
    return this.known.has(path) ? this.decode(readFileSync(join(this.directory, path))) : undefined;
  }

  keys(): MapIterator<string> {
    return this.known.values();
  }

  *values(): MapIterator<T> {
    for (const path of this.known) yield this.get(path)!;
  }

  *entries(): MapIterator<[string, T]> {
    for (const path of this.known) yield [path, this.get(path)!];
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [path, value] of this) callback(value, path, this);
  }
}
