/**
 * The autocomplete entry as the properties panel first sees it: the
 * suggestion UI and the completion engine sit in a chunk of their own
 * (servicenow-autocomplete.js), fetched when a query field is first shown.
 */
import { lazyComponent } from '../shared/lazy-component';

export const LazyQueryAutocomplete = lazyComponent(
  () => import(/* webpackChunkName: "servicenow-autocomplete" */ './QueryAutocomplete').then((module) => module.QueryAutocomplete),
  'the query autocomplete'
);
