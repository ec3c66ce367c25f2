/** Services every feature uses: the one-step command, the modeler's bundled metadata, and the lint context of its diagram. */
import { attachLintContext, type LintContext } from '../../lint/lint-context';
import type { Service } from '../types/bpmn-js';
import { registerBatchCommand } from './batch-command';
import { BundledMetadata, METADATA_LOADED_EVENT } from './bundled-metadata';
import { isServiceNowTemplate } from '../../lint/diagram/servicenow-template';

class ServiceNowCommands {
  static $inject = ['commandStack'];
  constructor(commandStack: Service) {
    registerBatchCommand(commandStack);
  }
}

/**
 * Gives each imported diagram the templates and metadata of this modeler,
 * read live, for the lint rules: they see moddle elements only, and Desktop
 * gives plugin rules the same configuration in every tab.
 */
class ServiceNowLintContext {
  static $inject = ['eventBus', 'elementTemplates', 'serviceNowBundledMetadata'];
  constructor(eventBus: Service, elementTemplates: Service, bundled: BundledMetadata) {
    const context: LintContext = {
      get templates() { return elementTemplates.getAll(); },
      get metadata() { return bundled.current(); },
      get feel() { return bundled.feel(); },
      get feelChecks() { return bundled.feelChecks(); }
    };
    // Each import (importXML or importDefinitions) brings new definitions; the first lint pass follows it.
    eventBus.on('import.render.start', ({ definitions }: { definitions?: object }) => {
      if (definitions) attachLintContext(definitions, context);
    });
  }
}

/**
 * Fetches the metadata chunk once a diagram with ServiceNow tasks is open, and
 * when it arrives has them linted and rendered again: the lint rule and the
 * panel checked their queries without the other tables meanwhile.
 */
class ServiceNowMetadataLoader {
  static $inject = ['eventBus', 'elementRegistry', 'elementTemplates', 'serviceNowBundledMetadata'];
  constructor(eventBus: Service, elementRegistry: Service, elementTemplates: Service, bundled: BundledMetadata) {
    const serviceNowElements = () => elementRegistry.filter((element: unknown) => isServiceNowTemplate(elementTemplates.get(element)));
    eventBus.on('import.done', () => {
      if (serviceNowElements().length > 0) void bundled.load();
    });
    eventBus.on(METADATA_LOADED_EVENT, () => {
      const elements = serviceNowElements();
      if (elements.length > 0) eventBus.fire('elements.changed', { elements });
    });
  }
}

export default {
  __init__: ['serviceNowCommands', 'serviceNowLintContext', 'serviceNowMetadataLoader'],
  serviceNowBundledMetadata: ['type', BundledMetadata],
  serviceNowMetadataLoader: ['type', ServiceNowMetadataLoader],
  serviceNowCommands: ['type', ServiceNowCommands],
  serviceNowLintContext: ['type', ServiceNowLintContext]
};
