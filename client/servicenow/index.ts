/** The plugin's bpmn-js module for Camunda 8 diagrams: composition only. */
import propertiesModule from '../properties';
import sharedModule from '../shared';

export default {
  __depends__: [sharedModule, propertiesModule]
};
