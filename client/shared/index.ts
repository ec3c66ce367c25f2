/** Services every feature uses: the one-step command and the template registry the lint rule reads. */
import type { Service } from '../types/bpmn-js';
import { registerBatchCommand } from './batch-command';
import { publishTemplates } from './template-registry';

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

export default {
  __init__: ['serviceNowCommands', 'serviceNowTemplatePublisher'],
  serviceNowCommands: ['type', ServiceNowCommands],
  serviceNowTemplatePublisher: ['type', ServiceNowTemplatePublisher]
};
