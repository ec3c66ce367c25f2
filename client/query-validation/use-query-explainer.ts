/**
 * The query's plain-words explanation for the panel (core/query/explain.ts),
 * fetched with the autocomplete when a query field is first shown: the lint
 * and the status bar check queries without it, so it stays out of the
 * plugin script. Undefined until it arrives, then a re-render with it.
 */
import { lazyExport } from '../shared/lazy-component';

export const useQueryExplainer = lazyExport(
  () => import(/* webpackChunkName: "servicenow-autocomplete" */ '../../core/query/explain').then((module) => module.explainWithItems),
  'the query explanation'
);
