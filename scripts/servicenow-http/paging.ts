/** The `rel` targets of a `Link` header (RFC 8288), as ServiceNow sends for list pages. */
export function parseLinkHeader(header: string | null): Map<string, string> {
  const links = new Map<string, string>();
  if (!header) return links;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!match) continue;
    const rel = /\brel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '')?.[1];
    if (rel && match[1] !== undefined) {
      for (const name of rel.trim().split(/\s+/)) links.set(name.toLowerCase(), match[1]);
    }
  }
  return links;
}

/** Appends a sys_id tiebreaker so that offset paging is stable (PySNC issue #96). */
export function withStableOrder(query: string): string {
  if (/(^|\^)ORDERBY(DESC)?sys_id(\^|$)/.test(query)) return query;
  return query ? `${query}^ORDERBYsys_id` : 'ORDERBYsys_id';
}
