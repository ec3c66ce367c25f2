/**
 * Plugin entry: only registers. The bpmn-js module and the lint rules apply
 * to Camunda 8 diagrams only; the status bar is a client extension.
 */
import { registerClientExtension, registerClientPlugin, registerCloudBpmnJSPlugin } from 'camunda-modeler-plugin-helpers';
import lintRules from './lint';
import { provideSnapshotLoader } from './shared/bundled-metadata';
import serviceNowModule from './servicenow';
import { ServiceNowStatusBar } from './status-bar/ServiceNowStatusBar';

// Chunks of their own, fetched next to this script (publicPath 'auto': this script's URL), only when first needed: the snapshot and its reader.
provideSnapshotLoader(async () => {
  const [snapshot, reader] = await Promise.all([
    import(/* webpackChunkName: "servicenow-metadata" */ './shared/bundled-snapshot'),
    import(/* webpackChunkName: "servicenow-metadata-reader" */ './shared/snapshot-reader')
  ]);
  return reader.default(snapshot.default);
});
registerCloudBpmnJSPlugin(serviceNowModule);
registerClientPlugin(lintRules, 'lintRules.cloud-bpmn');
registerClientExtension(ServiceNowStatusBar);
