/**
 * Plugin entry: only registers. The bpmn-js module and the lint rules apply
 * to Camunda 8 diagrams only; the status bar is a client extension.
 */
import { registerClientExtension, registerClientPlugin, registerCloudBpmnJSPlugin } from 'camunda-modeler-plugin-helpers';
import lintRules from './lint';
import { provideSnapshotLoader } from '../lint/metadata/template-metadata';
import serviceNowModule from './servicenow';
import { ServiceNowStatusBar } from './status-bar/ServiceNowStatusBar';

// Its own chunk, fetched next to this script (publicPath 'auto': this script's URL), only when first needed.
provideSnapshotLoader(async () => (await import(/* webpackChunkName: "servicenow-metadata" */ './shared/bundled-snapshot')).default);
registerCloudBpmnJSPlugin(serviceNowModule);
registerClientPlugin(lintRules, 'lintRules.cloud-bpmn');
registerClientExtension(ServiceNowStatusBar);
