/** Services every feature uses: the one-step command and the template registry the lint rule reads. */
import type { Service } from '../types/bpmn-js';
import { registerBatchCommand } from './batch-command';
import { loadBundledMetadata, onBundledMetadata } from '../../lint/metadata/template-metadata';
import { isServiceNowTemplate } from '../../lint/diagram/servicenow-template';
import { publishTemplates } from '../../lint/diagram/find-template';

class ServiceNowCommands {
  static $inject = ['commandStack'];
  constructor(commandStack: Service) {
    registerBatchCommand(commandStack);
  }
}

/** Keeps the lint rule's view of the loaded templates current (it only sees moddle elements). */
class ServiceNowTemplatePublisher {
  static $inject = ['eventBus', 'elementTemplates'];
  constructor(eventBus: Service, elementTemplates: Service) {
    const publish = () => publishTemplates(elementTemplates.getAll());
    eventBus.on(['elementTemplates.changed', 'import.done'], publish);
    publish();
  }
}

/**
 * Fetches the metadata chunk once a diagram with ServiceNow tasks is open, and
 * when it arrives has them linted and rendered again: the lint rule and the
 * panel checked their queries without the other tables meanwhile.
 */
class ServiceNowMetadataLoader {
  static $inject = ['eventBus', 'elementRegistry', 'elementTemplates'];
  constructor(eventBus: Service, elementRegistry: Service, elementTemplates: Service) {
    const serviceNowElements = () => elementRegistry.filter((element: unknown) => isServiceNowTemplate(elementTemplates.get(element)));
    eventBus.on('import.done', () => {
      if (serviceNowElements().length > 0) void loadBundledMetadata();
    });
    const unsubscribe = onBundledMetadata(() => {
      const elements = serviceNowElements();
      if (elements.length > 0) eventBus.fire('elements.changed', { elements });
    });
    eventBus.on('diagram.destroy', unsubscribe);
  }
}

export default {
  __init__: ['serviceNowCommands', 'serviceNowTemplatePublisher', 'serviceNowMetadataLoader'],
  serviceNowMetadataLoader: ['type', ServiceNowMetadataLoader],
  serviceNowCommands: ['type', ServiceNowCommands],
  serviceNowTemplatePublisher: ['type', ServiceNowTemplatePublisher]
};
