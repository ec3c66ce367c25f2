const TABLE_PATH = /^\/api\/now\/(?:v\d\/)?table\/([^/?]+)/;

/** The path of a request URL, without its query. */
export function pathOf(url: string): string {
  return url.split('?')[0] ?? '';
}

/** The table of a Table API path (`/api/now/table/incident/...` → `incident`). */
export function tableInPath(path: string): string | undefined {
  const match = TABLE_PATH.exec(path)?.[1];
  return match === undefined ? undefined : decodeURIComponent(match);
}

/** The emulator's own control routes: never faulted, never logged. */
export function isAdminPath(path: string): boolean {
  return path.startsWith('/__emulator/');
}
