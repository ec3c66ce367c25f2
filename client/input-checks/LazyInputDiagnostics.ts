/** The field input checks entry, in the panel helpers' chunk (servicenow-panel-helpers.js), fetched when a ServiceNow task is first shown. */
import { lazyComponent } from '../shared/lazy-component';

export const LazyInputDiagnostics = lazyComponent(
  () => import(/* webpackChunkName: "servicenow-panel-helpers" */ './InputDiagnostics').then((module) => module.InputDiagnostics),
  'the input checks'
);
