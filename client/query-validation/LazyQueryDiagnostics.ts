/** The query diagnostics entry, in the autocomplete chunk (servicenow-autocomplete.js) that a query field fetches when it is first shown. */
import { lazyComponent } from '../shared/lazy-component';

export const LazyQueryDiagnostics = lazyComponent(
  () => import(/* webpackChunkName: "servicenow-autocomplete" */ './QueryDiagnostics').then((module) => module.QueryDiagnostics),
  'the query diagnostics'
);
