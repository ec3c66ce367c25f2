import type { ElementTemplate } from './types';

/** The folder (inside the output directory) holding every released version that is no longer current. */
export const VERSIONED_DIR = 'versioned';

/** One template to write, buildable at any version (the version is part of its content). */
export interface PlannedTemplate {
  /** File name in the output directory, e.g. `servicenow-incident.json`. */
  file: string;
  build(version: number): ElementTemplate;
}

export type ReleaseStatus = 'new' | 'changed' | 'unchanged';

export interface ReleaseResult {
  file: string;
  id: string;
  version: number;
  status: ReleaseStatus;
  /** The template, read back from its text when asked: a run of thousands keeps only the texts in memory. */
  readonly template: ElementTemplate;
}

function result(file: string, id: string, version: number, status: ReleaseStatus, text: string): ReleaseResult {
  return { file, id, version, status, get template() { return JSON.parse(text) as ElementTemplate; } };
}

export interface ReleasePlan {
  /** The complete new content of the output directory (relative path → text). */
  files: Map<string, string>;
  results: ReleaseResult[];
  /** Files that were current and are now only kept in `versioned/` (their table left the snapshot). */
  retired: string[];
  warnings: string[];
}

/**
 * Stable, diff-friendly serialization: each top-level key on a line of its
 * own, and each entry of a list of objects (properties, groups, presets,
 * steps) on one line, so a change to one property is a one-line diff. Two-
 * space pretty printing spent about a third of a table template on
 * indentation, which the Modeler parses on every start and Web Modeler
 * uploads with every template.
 */
export function serializeTemplate(template: ElementTemplate): string {
  const entries = Object.entries(template).filter(([, value]) => value !== undefined).map(([key, value]) => {
    const objectList = Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
    return objectList
      ? `  ${JSON.stringify(key)}: [\n${(value as unknown[]).map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`
      : `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

function versionedPath(file: string, version: number): string {
  return `${VERSIONED_DIR}/${file.replace(/\.json$/, '')}-${version}.json`;
}

function versionOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

/** Versions of `file` already released: its current copy and those in `versioned/`. */
function releasedVersions(file: string, existing: ReadonlyMap<string, string>): number[] {
  const prefix = `${VERSIONED_DIR}/${file.replace(/\.json$/, '')}-`;
  const versions: number[] = [];
  for (const path of existing.keys()) {
    if (!path.startsWith(prefix)) continue;
    const match = /^(\d+)\.json$/.exec(path.slice(prefix.length));
    if (match) versions.push(Number(match[1]));
  }
  const current = versionOf(existing.get(file));
  if (current !== undefined) versions.push(current);
  return versions;
}

/**
 * Decides versions so that a released id+version never changes content:
 * a template whose generated content equals its current file keeps its
 * version; otherwise it gets the next free version and the old file is kept
 * in `versioned/`. Everything else in the output directory is carried over,
 * except current templates not generated any more when `retire` is set
 * (they too stay in `versioned/`).
 */
export function planRelease(planned: PlannedTemplate[], existing: ReadonlyMap<string, string>, options: { retire: (file: string) => boolean }): ReleasePlan {
  const files = new Map(existing);
  const results: ReleaseResult[] = [];
  const warnings: string[] = [];
  const keep = (path: string, text: string) => {
    const released = files.get(path);
    if (released !== undefined && released !== text) warnings.push(`${path} already holds a different released copy; kept it unchanged`);
    else files.set(path, text);
  };

  for (const { file, build } of planned) {
    const current = existing.get(file);
    const currentVersion = versionOf(current);
    if (current !== undefined && currentVersion === undefined) warnings.push(`${file} was not a template with an integer "version" (malformed JSON or edited by hand); replaced it with a new template`);
    if (current !== undefined && currentVersion !== undefined) {
      const same = build(currentVersion);
      if (serializeTemplate(same) === current) {
        results.push(result(file, same.id, currentVersion, 'unchanged', current));
        continue;
      }
      keep(versionedPath(file, currentVersion), current);
    }
    const version = Math.max(0, ...releasedVersions(file, existing)) + 1;
    const template = build(version);
    const text = serializeTemplate(template);
    files.set(file, text);
    results.push(result(file, template.id, version, current === undefined ? 'new' : 'changed', text));
  }

  const generated = new Set(planned.map((entry) => entry.file));
  const retired: string[] = [];
  for (const [path, text] of existing) {
    if (generated.has(path) || !options.retire(path)) continue;
    const version = versionOf(text);
    if (version !== undefined) keep(versionedPath(path, version), text);
    files.delete(path);
    retired.push(path);
  }
  return { files, results, retired, warnings };
}
