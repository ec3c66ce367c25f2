/**
 * The process variables a Camunda form submits, read from its schema (the
 * JSON an embedded form keeps in `zeebe:userTaskForm`): each field's `key`,
 * under the `path` of the groups and dynamic lists around it (form-js binds
 * `customer.name` into the variable `customer`). Only the top-level names:
 * that is what a FEEL expression such as `=incidentSysId` reads.
 */
interface Component {
  key?: unknown;
  path?: unknown;
  components?: unknown;
}

/** The variables the form sets, or undefined when the text is no form schema. */
export function formSchemaVariables(schema: string): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(schema);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as Component).components)) return undefined;
  const found = new Set<string>();
  collect((parsed as Component).components as unknown[], found);
  return [...found];
}

function collect(components: unknown[], found: Set<string>): void {
  for (const component of components) {
    if (!component || typeof component !== 'object') continue;
    const { key, path, components: children } = component as Component;
    // A group or dynamic list with a path binds everything inside it under that variable.
    if (typeof path === 'string' && path) {
      found.add(firstSegment(path));
      continue;
    }
    if (typeof key === 'string' && key) found.add(firstSegment(key));
    if (Array.isArray(children)) collect(children, found);
  }
}

function firstSegment(path: string): string {
  return path.split('.')[0] as string;
}
