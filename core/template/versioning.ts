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
  // Parts joined once: a flat string (appending would leave a rope of hundreds of pieces for each template kept).
  const parts: string[] = ['{'];
  let separator = '\n  ';
  for (const key of Object.keys(template)) {
    const value = (template as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    parts.push(separator, JSON.stringify(key), ': ');
    separator = ',\n  ';
    if (isObjectList(value)) {
      for (let index = 0; index < value.length; index++) parts.push(index === 0 ? '[\n    ' : ',\n    ', JSON.stringify(value[index]));
      parts.push('\n  ]');
    } else parts.push(JSON.stringify(value));
  }
  parts.push('\n}\n');
  return parts.join('');
}

function isObjectList(value: unknown): value is object[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
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

/** Versions of `file` already released: its current copy (its version given, as the caller has read it) and those in `versioned/`. */
function releasedVersions(file: string, existing: ReadonlyMap<string, string>, current: number | undefined): number[] {
  const prefix = `${VERSIONED_DIR}/${file.replace(/\.json$/, '')}-`;
  const versions: number[] = [];
  for (const path of existing.keys()) {
    if (!path.startsWith(prefix)) continue;
    const match = /^(\d+)\.json$/.exec(path.slice(prefix.length));
    if (match) versions.push(Number(match[1]));
  }
  if (current !== undefined) versions.push(current);
  return versions;
}

/** One file of the new output as the release decides it. */
export interface ReleaseStep {
  /** Relative path in the output directory. */
  path: string;
  text: string;
  /** For a current template: what was decided, and the template built. */
  release?: { file: string; id: string; version: number; status: ReleaseStatus; template: ElementTemplate };
}

/** What a release decided besides the files: everything but their content, which a streaming caller does not keep. */
export interface ReleaseSummary {
  /** Every path the output holds afterwards (new, changed, unchanged and carried-over files). */
  paths: Set<string>;
  retired: string[];
  warnings: string[];
}

/**
 * Decides versions so that a released id+version never changes content:
 * a template whose generated content equals its current file keeps its
 * version; otherwise it gets the next free version and the old file is kept
 * in `versioned/`. Everything else in the output directory is carried over,
 * except current templates not generated any more when `retire` is set
 * (they too stay in `versioned/`).
 *
 * Yields the files to write one at a time, each template built only when it
 * is asked for, so that a caller can check and write it before the next one
 * exists; `summary` is complete once the steps are.
 */
export function* releaseSteps(planned: PlannedTemplate[], existing: ReadonlyMap<string, string>, options: { retire: (file: string, text: string) => boolean }, summary: ReleaseSummary): Generator<ReleaseStep> {
  const paths = summary.paths;
  for (const path of existing.keys()) paths.add(path);
  /** Released copies written by this run: only these, besides `existing`, can clash. */
  const copies = new Map<string, string>();
  function* keep(path: string, text: string): Generator<ReleaseStep> {
    const released = copies.get(path) ?? existing.get(path);
    if (released !== undefined && released !== text) summary.warnings.push(`${path} already holds a different released copy; kept it unchanged`);
    else if (released === undefined) {
      copies.set(path, text);
      paths.add(path);
      yield { path, text };
    }
  }

  for (const { file, build } of planned) {
    const current = existing.get(file);
    const currentVersion = versionOf(current);
    if (current !== undefined && currentVersion === undefined) summary.warnings.push(`${file} was not a template with an integer "version" (edited by hand); replaced it with a new template`);
    if (current !== undefined && currentVersion !== undefined) {
      const same = build(currentVersion);
      if (serializeTemplate(same) === current) {
        yield { path: file, text: current, release: { file, id: same.id, version: currentVersion, status: 'unchanged', template: same } };
        continue;
      }
      yield* keep(versionedPath(file, currentVersion), current);
    }
    const version = Math.max(0, ...releasedVersions(file, existing, currentVersion)) + 1;
    const template = build(version);
    paths.add(file);
    yield { path: file, text: serializeTemplate(template), release: { file, id: template.id, version, status: current === undefined ? 'new' : 'changed', template } };
  }

  const generated = new Set(planned.map((entry) => entry.file));
  for (const [path, text] of existing) {
    if (generated.has(path) || !options.retire(path, text)) continue;
    const version = versionOf(text);
    if (version !== undefined) yield* keep(versionedPath(path, version), text);
    paths.delete(path);
    summary.retired.push(path);
  }
}

/** The whole release at once (relative path → text), for callers that keep it in memory. */
export function planRelease(planned: PlannedTemplate[], existing: ReadonlyMap<string, string>, options: { retire: (file: string, text: string) => boolean }): ReleasePlan {
  const summary: ReleaseSummary = { paths: new Set(), retired: [], warnings: [] };
  const written = new Map<string, string>();
  const results: ReleaseResult[] = [];
  for (const step of releaseSteps(planned, existing, options, summary)) {
    written.set(step.path, step.text);
    if (step.release) results.push(result(step.release.file, step.release.id, step.release.version, step.release.status, step.text));
  }
  const files = new Map<string, string>();
  for (const path of summary.paths) files.set(path, written.get(path) ?? existing.get(path)!);
  return { files, results, retired: summary.retired, warnings: summary.warnings };
}
