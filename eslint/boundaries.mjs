/**
 * Feature folders and what others may import from them. A feature folder
 * (one command of the CLI, one feature of the plugin) keeps its modules to
 * itself: other folders import only the modules listed as its public ones
 * here, so using another module of it is a change to this list, made on
 * purpose. Shared layers (the CLI's cli/, http/, io/, servicenow-http/; the
 * plugin's shared/ and types/) are open to every folder. core/ and lint/
 * are libraries of small modules, open to their users as a whole.
 */
export const FEATURES = {
  client: {
    shared: ['shared', 'types'],
    public: {
      'input-checks': ['LazyInputDiagnostics.ts'],
      lint: ['index.ts'],
      'output-mapping': ['LazyOutputHelper.ts'],
      properties: ['index.ts'],
      'query-autocomplete': ['entries.ts'],
      'query-validation': ['LazyQueryDiagnostics.ts', 'live-check.ts', 'live-text.ts', 'use-live-text.ts'],
      servicenow: ['index.ts'],
      'status-bar': ['ServiceNowStatusBar.ts'],
      'sys-id-picker': ['index.ts', 'LazySysIdPicker.ts'],
      'table-picker': ['LazyTablePicker.ts']
    }
  },
  scripts: {
    shared: ['bundle', 'cli', 'http', 'io', 'servicenow-http'],
    public: {
      'check-query': ['command.ts'],
      emulator: [],
      'fetch-metadata': ['command.ts', 'queries.ts'],
      generate: ['command.ts', 'close-matches.ts'],
      lint: ['command.ts'],
      metadata: ['command.ts', 'read-snapshot.ts', 'snapshot-files.ts'],
      package: [],
      publish: ['command.ts', 'template-checks.ts'],
      'servicenow-artifacts': ['command.ts'],
      'test-connection': ['command.ts'],
      validate: ['collect-files.ts', 'command.ts', 'validate-templates.ts', 'validation-pool.ts', 'zeebe-schema.ts']
    }
  }
};

/** One no-restricted-paths zone per feature folder: every other folder of its tree may import only its public modules. */
export function featureZones() {
  return Object.entries(FEATURES).flatMap(([root, { shared, public: features }]) => {
    const folders = [...shared, ...Object.keys(features)];
    return Object.entries(features).map(([feature, entries]) => ({
      target: [`./${root}/*.ts`, ...folders.filter((folder) => folder !== feature).map((folder) => `./${root}/${folder}`)],
      from: `./${root}/${feature}`,
      except: entries.map((entry) => `./${entry}`),
      message: `${root}/${feature}/ is a feature folder: import only its public modules (${entries.join(', ') || 'none'}; listed in eslint/boundaries.mjs).`
    }));
  });
}
