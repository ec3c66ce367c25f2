import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseOptions } from '../cli/parse-options';
import { UserError } from '../../core/errors';
import type { Command } from '../cli/command';
import { readSnapshot } from '../metadata/read-snapshot';
import { configs } from '../../lint/bpmnlint-plugin-servicenow';
import { lintDiagram, type LintProblem, type TemplateUse } from './lint-diagram';
import { loadTemplates } from './load-templates';
import { isFileOrLinkToFile } from '../io/file-entries';

export const command: Command = {
  name: 'lint',
  summary: 'Check the encoded queries of ServiceNow tasks in saved BPMN diagrams (for CI)',
  help: `Usage: camunda-servicenow lint <diagram.bpmn or folder>... [--templates <file or dir>]... [--metadata <snapshot dir>] [--json]

Runs the plugin's lint rules (${Object.keys(configs.recommended.rules).join(', ')})
over saved Camunda 8 diagrams, as Desktop Modeler's Problems panel does: the
sysparm_query of every task using a ServiceNow element template (ours or
Camunda's official ones), and of every REST connector task calling the Table
API (/api/now/table/<table> in its URL, sysparm_query in its query
parameters or in the URL itself, decoded as the connector sends it), is
checked against the table's fields, operators and choice values; static
inputs holding a backslash or a bare secrets.<name>, and sys_id inputs
reading a variable no earlier task stores, are reported too. Tasks whose
query fields cannot be checked (a table or operation computed in FEEL, a
custom table left empty) get an info line saying so; infos never fail the
run. Templates are found in this package's templates/, in Camunda's
official ServiceNow templates (@camunda/connectors-element-templates), in
every .camunda/element-templates folder above a diagram, and in --templates.
A folder is searched recursively for .bpmn files (not in node_modules or
folders whose name starts with a dot); a file that is no BPMN diagram is
an error of that file, and the others are still checked. Attributes written
with spaces around "=" (valid XML, which Camunda Modeler's XML reader drops)
are read as Zeebe reads them, with a warning; whatever else that reader skips
or cannot resolve is a warning too. Each problem names the
diagram line of its task. The summary says how many tasks were checked per
template; tasks whose template id or version lint does not know are listed
as unchecked (with the template id, version and task count), never passed.
Field metadata comes from the template, else the bundled snapshot (or
--metadata, a snapshot directory such as a fetch-metadata dump).

Options:
  --templates <path>   element template file or directory (repeatable)
  --metadata <dir>     snapshot directory to use instead of the bundled one
  --json               print {files, errors, warnings, problems:[{file, line, id, name, severity, rule, message, code, start, end, suggestion}]
                       (no id and rule for a file that is no BPMN diagram, no rule for what the XML reader reports),
                       templates:[{file, templateId, version, tasks, checked, knownVersions}]}
                       (version null when the diagram's is no number)

Exit code: 0 no errors (warnings allowed), 1 errors found or bad arguments.`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, templates: { type: 'string', multiple: true }, metadata: { type: 'string' } }
    });
    if (positionals.length === 0) throw new UserError('name at least one .bpmn diagram');
    const diagrams = await diagramFiles(positionals, io.cwd);
    const metadata = await readSnapshot(values.metadata ? resolve(io.cwd, values.metadata) : undefined).catch((error: unknown) => {
      if (values.metadata) throw error;
      return undefined; // no bundled snapshot: templates' own field indexes only
    });
    const templates = await loadTemplates(values.templates ?? [], diagrams, io.cwd);
    const problems: LintProblem[] = [];
    const uses: (TemplateUse & { file: string })[] = [];
    for (const file of diagrams) {
      const result = await lintDiagram(file, await readFile(resolve(io.cwd, file), 'utf8'), { templates, ...(metadata ? { metadata } : {}) });
      problems.push(...result.problems);
      uses.push(...result.templates.map((use) => ({ file, ...use })));
    }
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const warnings = problems.filter((problem) => problem.severity === 'warning').length;
    const count = (checked: boolean) => uses.filter((use) => use.checked === checked).reduce((sum, use) => sum + use.tasks, 0);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ files: diagrams.length, errors, warnings, problems, templates: uses }, null, 2)}\n`);
    } else {
      for (const problem of problems) {
        const where = problem.id === undefined ? '' : `${problem.name ? `${problem.id} "${problem.name}"` : problem.id}: `;
        io.stdout.write(`${problem.file}${problem.line ? `:${problem.line}` : ''}: ${where}${problem.severity}: ${problem.message}${problem.rule ? ` (${problem.rule})` : ''}\n`);
      }
      for (const use of uses) {
        const template = `${use.templateId}${use.version === undefined ? '' : Number.isNaN(use.version) ? ' (its version is no number)' : ` v${use.version}`}`;
        io.stdout.write(use.checked
          ? `${use.file}: checked ${use.tasks} task(s) using ${template}\n`
          : `${use.file}: unchecked ${use.tasks} task(s) using ${template}: ${uncheckedReason(use)}\n`);
      }
      io.stdout.write(`${diagrams.length} diagram(s) checked: ${errors} error(s), ${warnings} warning(s); ${count(true)} task(s) checked, ${count(false)} unchecked\n`);
    }
    return errors > 0 ? 1 : 0;
  }
};

/** Why lint could not check a template use, and what to do about it. */
function uncheckedReason(use: TemplateUse): string {
  const known = use.knownVersions ?? [];
  if (known.length === 0) return 'lint does not know this template; pass it with --templates';
  const has = `lint has this template in version ${known.join(', ')} only`;
  const newest = known[known.length - 1] as number;
  if (use.version === undefined || Number.isNaN(use.version)) return `${has} and the diagram names ${use.version === undefined ? 'no version' : 'none it can read'}, so Desktop Modeler shows it as not found: apply the template to the task again`;
  if (use.version > newest) return `${has}, older than the task's: update camunda-modeler-servicenow-plugin (it brings Camunda's templates too), or pass version ${use.version} with --templates`;
  return `${has}, and Desktop Modeler shows this one as not found: pass version ${use.version} with --templates, or apply version ${newest} to the task again`;
}

/**
 * The .bpmn files below `dir` (named from `shown`), leaving out dependencies
 * and tool folders (node_modules, .git, .camunda...): `lint .` in a project
 * would otherwise check every test diagram of every installed package.
 */
async function bpmnFilesBelow(dir: string, shown: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) files.push(...(await bpmnFilesBelow(join(dir, entry.name), join(shown, entry.name))));
    else if (entry.name.endsWith('.bpmn') && (await isFileOrLinkToFile(entry))) files.push(join(shown, entry.name));
  }
  return files;
}

/** The diagrams named, with folders searched recursively for .bpmn files (sorted). */
async function diagramFiles(paths: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(resolve(cwd, path)).catch(() => undefined);
    if (!info) throw new UserError(`${path}: no such file or folder`, ['Pass saved .bpmn diagrams, or folders holding them.']);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = (await bpmnFilesBelow(resolve(cwd, path), path)).sort();
    if (found.length === 0) throw new UserError(`${path}: a folder without .bpmn diagrams`, ['Pass saved .bpmn diagrams, or folders holding them.']);
    files.push(...found);
  }
  return files;
}
