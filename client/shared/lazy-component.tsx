/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * A panel entry whose component sits in a chunk of its own, next to the
 * plugin script like the metadata chunk: fetched when the entry is first
 * shown, so the plugin script stays small and diagrams without such an
 * entry never load it. Renders nothing until the chunk arrives.
 */
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { JSX } from '@bpmn-io/properties-panel/preact/jsx-runtime';

type Component<P> = (props: P) => JSX.Element;

export function lazyComponent<P extends object>(load: () => Promise<Component<P>>, what: string): Component<P> {
  // webpack keeps a fetched chunk for the page anyway; this only spares later entries a render without it.
  let loaded: Component<P> | undefined;
  let loading: Promise<Component<P>> | undefined;
  const fetchOnce = () => (loading ??= load().then((component) => (loaded = component)));
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<Component<P> | undefined>(() => loaded);
    useEffect(() => {
      if (Loaded) return undefined;
      let mounted = true;
      fetchOnce().then((component) => { if (mounted) setLoaded(() => component); })
        .catch((error: unknown) => console.warn(`[servicenow] ${what} does not load:`, error));
      return () => { mounted = false; };
    }, []);
    return Loaded ? <Loaded {...props} /> : null;
  };
}
