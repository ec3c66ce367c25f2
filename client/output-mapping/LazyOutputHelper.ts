/** The output helper entry, in the panel helpers' chunk (servicenow-panel-helpers.js), fetched when a ServiceNow task is first shown. */
import { lazyComponent } from '../shared/lazy-component';

export const LazyOutputHelper = lazyComponent(
  () => import(/* webpackChunkName: "servicenow-panel-helpers" */ './OutputHelper').then((module) => module.OutputHelper),
  'the output helper'
);
