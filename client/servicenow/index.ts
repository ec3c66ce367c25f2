/** The plugin's bpmn-js module for Camunda 8 diagrams: composition only. */
import propertiesModule from '../properties';
import sharedModule from '../shared';
import sysIdPickerModule from '../sys-id-picker';

export default {
  __depends__: [sharedModule, sysIdPickerModule, propertiesModule]
};
