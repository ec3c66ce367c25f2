/**
 * The query's plain-words explanation for the panel (core/query/explain.ts),
 * fetched with the autocomplete when a query field is first shown: the lint
 * and the status bar check queries without it, so it stays out of the
 * plugin script. Undefined until it arrives, then a re-render with it.
 */
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { Explainer } from '../../core/query/check-result';

// webpack keeps a fetched chunk for the page anyway; this only spares later fields a render without it.
let loaded: Explainer | undefined;
let loading: Promise<Explainer> | undefined;
const fetchOnce = () => (loading ??= import(/* webpackChunkName: "servicenow-autocomplete" */ '../../core/query/explain').then((module) => (loaded = module.explainWithItems)));

export function useQueryExplainer(): Explainer | undefined {
  const [explainer, setExplainer] = useState<Explainer | undefined>(() => loaded);
  useEffect(() => {
    if (explainer) return undefined;
    let mounted = true;
    fetchOnce().then((found) => { if (mounted) setExplainer(() => found); })
      .catch((error: unknown) => console.warn('[servicenow] the query explanation does not load:', error));
    return () => { mounted = false; };
  }, []);
  return explainer;
}
