/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * Code in a chunk of its own, next to the plugin script like the metadata
 * chunk: fetched when a panel entry first needs it, so the plugin script
 * stays small and diagrams without such an entry never load it.
 */
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { JSX } from '@bpmn-io/properties-panel/preact/jsx-runtime';

type Component<P> = (props: P) => JSX.Element;

/** A hook giving the chunk's export: undefined until it arrives, then a re-render with it. */
export function lazyExport<T extends (...args: never[]) => unknown>(load: () => Promise<T>, what: string): () => T | undefined {
  // webpack keeps a fetched chunk for the page anyway; this only spares later entries a render without it.
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const fetchOnce = () => (loading ??= load().then((value) => (loaded = value)));
  return function useLazyExport() {
    const [value, setValue] = useState<T | undefined>(() => loaded);
    useEffect(() => {
      if (value) return undefined;
      let mounted = true;
      fetchOnce().then((found) => { if (mounted) setValue(() => found); })
        .catch((error: unknown) => console.warn(`[servicenow] ${what} does not load:`, error));
      return () => { mounted = false; };
    }, []);
    return value;
  };
}

/** A panel entry whose component sits in such a chunk: it renders nothing until the chunk arrives. */
export function lazyComponent<P extends object>(load: () => Promise<Component<P>>, what: string): Component<P> {
  const useLoaded = lazyExport(load, what);
  return function Lazy(props: P) {
    const Loaded = useLoaded();
    return Loaded ? <Loaded {...props} /> : null;
  };
}
