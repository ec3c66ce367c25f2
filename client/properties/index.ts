import { ServiceNowPropertiesProvider } from './ServiceNowPropertiesProvider';

export default {
  __init__: ['serviceNowPropertiesProvider'],
  serviceNowPropertiesProvider: ['type', ServiceNowPropertiesProvider]
};
