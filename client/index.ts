/**
 * Plugin entry: only registers. The bpmn-js module and the lint rules apply
 * to Camunda 8 diagrams only; the status bar is a client extension.
 */
import { registerClientExtension, registerClientPlugin, registerCloudBpmnJSPlugin } from 'camunda-modeler-plugin-helpers';
import lintRules from './lint';
import serviceNowModule from './servicenow';
import { ServiceNowStatusBar } from './status-bar/ServiceNowStatusBar';

registerCloudBpmnJSPlugin(serviceNowModule);
registerClientPlugin(lintRules, 'lintRules.cloud-bpmn');
registerClientExtension(ServiceNowStatusBar);
