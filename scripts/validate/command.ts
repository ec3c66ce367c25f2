import { readFile } from 'node:fs/promises';
import { parseOptions } from '../cli/parse-options';
import { UserError } from '../../core/errors';
import type { Command } from '../cli/command';
import { collectTemplateFiles } from '../io/template-files';
import { configurationConflicts, duplicateVersions, formatProblem, type FileProblem } from './validate-templates';
import { openValidation } from './validation-pool';

export const command: Command = {
  name: 'validate',
  summary: 'Check element template files: the official schema plus semantic checks',
  help: `Usage: camunda-servicenow validate <files or directories> [--json]

Checks every element template file (one template or an array) with the
official schema validator (@bpmn-io/element-templates-validator) and the
checks the schema misses: duplicate property ids, conditions naming a missing
property, undefined groups, dropdown values outside their choices, FEEL that
does not parse, properties sharing a binding while both active, FEEL reading
inputs mapped later, icons over 8 KB (Web Modeler's limit), missing engines,
duplicate id+version, and what Camunda Modeler's loader refuses besides the
schema: an elementType its appliesTo types cannot become, a $schema naming a
newer schema version than this validator knows, blank names of configuration
templates, and (a warning) one configuration template id+version embedded
with two definitions. A Camunda 7 template (its
$schema names @camunda/element-templates-json-schema, or it has none and binds
camunda: elements) is checked against the Camunda 7 schema instead, as Desktop
Modeler offers it to Camunda 7 diagrams; the semantic checks are for Camunda 8. Size limits: a template file at most 4 MB, a name,
description, label or tooltip at most 10,000 characters.
Directories are searched recursively for .json files.

Options:
  --json   print {files, errors, warnings, problems:[{file, templateId, property, line, severity, message}]}

Exit code: 0 no errors (warnings allowed), 1 errors found or bad arguments.`,
  async run(args, io) {
    const { values, positionals } = parseOptions({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length === 0) throw new UserError('name at least one template file or directory');
    const files = await collectTemplateFiles(positionals, io.cwd, { depth: 'all' });
    if (files.length === 0) throw new UserError(`no .json files under ${positionals.join(', ')}`);
    const texts = await Promise.all(files.map(async ({ path, display }) => ({ file: display, text: await readFile(path, 'utf8') })));
    const validation = openValidation(texts.length);
    let checked: FileProblem[][];
    try {
      checked = await Promise.all(texts.map(({ file, text }) => validation.validate(file, text)));
    } finally {
      await validation.close();
    }
    const problems: FileProblem[] = [...checked.flat(), ...duplicateVersions(texts), ...configurationConflicts(texts)];
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const warnings = problems.length - errors;
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ files: files.length, errors, warnings, problems }, null, 2)}\n`);
    } else {
      for (const problem of problems) io.stdout.write(`${formatProblem(problem)}\n`);
      io.stdout.write(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
    }
    return errors > 0 ? 1 : 0;
  }
};
