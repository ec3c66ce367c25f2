/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * The autocomplete entry as the properties panel first sees it: the
 * suggestion UI and the completion engine sit in a chunk of their own
 * (servicenow-autocomplete.js, next to the plugin script like the metadata
 * chunk), fetched when a query field is first shown, so diagrams without
 * a query field never load them. Renders nothing until the chunk arrives.
 */
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { QueryAutocomplete as Component } from './QueryAutocomplete';

type Props = Parameters<typeof Component>[0];

// webpack keeps a fetched chunk for the page anyway; this only spares later entries a render without it.
let loaded: typeof Component | undefined;

const loadAutocomplete = (): Promise<typeof Component> =>
  import(/* webpackChunkName: "servicenow-autocomplete" */ './QueryAutocomplete').then((module) => (loaded = module.QueryAutocomplete));

export function LazyQueryAutocomplete(props: Props) {
  const [Loaded, setLoaded] = useState<typeof Component | undefined>(() => loaded);
  useEffect(() => {
    if (Loaded) return undefined;
    let mounted = true;
    loadAutocomplete().then((component) => { if (mounted) setLoaded(() => component); })
      .catch((error: unknown) => console.warn('[servicenow] the query autocomplete does not load:', error));
    return () => { mounted = false; };
  }, []);
  return Loaded ? <Loaded {...props} /> : null;
}
