/** The table picker entry, in the panel helpers' chunk (servicenow-panel-helpers.js), fetched when a ServiceNow task is first shown. */
import { lazyComponent } from '../shared/lazy-component';

export const LazyTablePicker = lazyComponent(
  () => import(/* webpackChunkName: "servicenow-panel-helpers" */ './TablePicker').then((module) => module.TablePicker),
  'the table picker'
);
