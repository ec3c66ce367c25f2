import type { Command } from '../cli/command';
import { UserError } from '../../core/errors';

/** Placeholder wired by the foundation issue; filled in with `show` and `import-sdk`. */
export const command: Command = {
  name: 'metadata',
  summary: 'Show resolved ServiceNow table metadata, or rebuild the bundled snapshot from the ServiceNow SDK',
  help: `Usage: camunda-servicenow metadata <show|import-sdk> [options]`,
  async run() {
    throw new UserError('not implemented yet');
  }
};
