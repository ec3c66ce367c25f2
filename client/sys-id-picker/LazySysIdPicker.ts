/** The sys_id picker entry, in the panel helpers' chunk (servicenow-panel-helpers.js), fetched when a sys_id field is first shown. */
import { lazyComponent } from '../shared/lazy-component';

export const LazySysIdPicker = lazyComponent(
  () => import(/* webpackChunkName: "servicenow-panel-helpers" */ './SysIdPicker').then((module) => module.SysIdPicker),
  'the sys_id picker'
);
