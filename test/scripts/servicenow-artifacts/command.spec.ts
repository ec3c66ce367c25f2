import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

const TIMESTAMP = ['--timestamp', '2026-12-02 00:00:00'];

async function workdir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'servicenow-artifacts-'));
}

describe('camunda-servicenow servicenow-artifacts', () => {
  it('writes the update set with one Business Rule per table and operation, and lists what it holds', async () => {
    const cwd = await workdir();
    const result = await runCli(['servicenow-artifacts', '--rule', 'incident:insert,update:active=true', '--rule', 'sc_req_item:updated:approval=approved', ...TIMESTAMP], { cwd });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Business Rule    Camunda: sc_req_item updated');
    const xml = await readFile(join(cwd, 'camunda-servicenow-update-set.xml'), 'utf8');
    expect(xml.match(/<sys_update_xml action=/g)).toHaveLength(1 + 9 + 3);
    expect(xml).toContain('&lt;filter_condition table=&quot;sc_req_item&quot;&gt;approval=approved&lt;/filter_condition&gt;');
  });

  it('takes the change operators a Business Rule filter is made for, without the warning a Table API query gets', async () => {
    const cwd = await workdir();
    const result = await runCli(['servicenow-artifacts', '--rule', 'incident:update:stateVALCHANGES^state=6', ...TIMESTAMP], { cwd });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const query = await runCli(['check-query', '--table', 'incident', 'stateVALCHANGES^state=6'], { cwd });
    expect(query.stdout + query.stderr).toContain('VALCHANGES');
  });

  it('refuses a condition with errors, an unknown table and an unknown operation, naming each rule, and writes nothing', async () => {
    const cwd = await workdir();
    const result = await runCli(['servicenow-artifacts', '--rule', 'incident:update:priorty=1', '--rule', 'incidnt:insert', '--rule', 'problem:delete', ...TIMESTAMP], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--rule "incident:update:priorty=1": condition at 1:');
    expect(result.stderr).toContain('--rule "incidnt:insert": no table "incidnt"');
    expect(result.stderr).toContain('did you mean incident?');
    expect(result.stderr).toContain('--rule "problem:delete": operations must be insert and/or update');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('refuses a --name with a character XML cannot carry (exit 1, naming the field) and writes nothing', async () => {
    const cwd = await workdir();
    const result = await runCli(['servicenow-artifacts', '--rule', 'incident:insert', '--name', 'Camunda\u001bintegration', ...TIMESTAMP], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the update set's name holds the character U+001B at 8, which XML 1.0 cannot carry");
    expect(await readdir(cwd)).toEqual([]);
  });

  it('replaces an update set it wrote, but never another file', async () => {
    const cwd = await workdir();
    const rule = ['--rule', 'incident:insert'];
    expect((await runCli(['servicenow-artifacts', ...rule, '--out', 'set.xml', ...TIMESTAMP], { cwd })).code).toBe(0);
    expect((await runCli(['servicenow-artifacts', ...rule, '--out', 'set.xml', '--name', 'Second', ...TIMESTAMP], { cwd })).code).toBe(0);
    expect(await readFile(join(cwd, 'set.xml'), 'utf8')).toContain('<name>Second</name>');
    await writeFile(join(cwd, 'notes.xml'), '<notes/>');
    const refused = await runCli(['servicenow-artifacts', ...rule, '--out', 'notes.xml', ...TIMESTAMP], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refusing to overwrite');
    expect(await readFile(join(cwd, 'notes.xml'), 'utf8')).toBe('<notes/>');
  });

  it('keeps the mode of an update set it replaces (a private file stays private)', async () => {
    // given
    const cwd = await workdir();
    const rule = ['--rule', 'incident:insert', '--out', 'set.xml', ...TIMESTAMP];
    expect((await runCli(['servicenow-artifacts', ...rule], { cwd })).code).toBe(0);
    await chmod(join(cwd, 'set.xml'), 0o600);

    // when
    const result = await runCli(['servicenow-artifacts', ...rule, '--name', 'Second'], { cwd });

    // then
    expect(result.code).toBe(0);
    expect(await readFile(join(cwd, 'set.xml'), 'utf8')).toContain('<name>Second</name>');
    expect((await stat(join(cwd, 'set.xml'))).mode & 0o777).toBe(0o600);
  });

  it('refuses to replace a link named as --out, keeping the link and the update set it points to', async () => {
    // given
    const cwd = await workdir();
    expect((await runCli(['servicenow-artifacts', '--rule', 'incident:insert', '--out', 'real.xml', ...TIMESTAMP], { cwd })).code).toBe(0);
    const before = await readFile(join(cwd, 'real.xml'), 'utf8');
    await symlink('real.xml', join(cwd, 'link.xml'));

    // when
    const result = await runCli(['servicenow-artifacts', '--rule', 'incident:insert', '--out', 'link.xml', '--name', 'Second', ...TIMESTAMP], { cwd });

    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(cwd, 'link.xml')} is not a regular file`);
    expect((await lstat(join(cwd, 'link.xml'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(cwd, 'link.xml'))).toBe('real.xml');
    expect(await readFile(join(cwd, 'real.xml'), 'utf8')).toBe(before);
  });

  it('refuses a folder made read-only (even for root) before writing, naming it', async () => {
    // given
    const cwd = await workdir();
    await mkdir(join(cwd, 'locked'));
    await chmod(join(cwd, 'locked'), 0o555);

    // when
    const result = await runCli(['servicenow-artifacts', '--rule', 'incident:insert', '--out', 'locked/set.xml', ...TIMESTAMP], { cwd });

    // then
    await chmod(join(cwd, 'locked'), 0o755);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot write to ${join(cwd, 'locked')}: permission denied; nothing was changed`);
    expect(await readdir(join(cwd, 'locked'))).toEqual([]);
  });

  it('asks for a rule when none is given, and for the timestamp format', async () => {
    const cwd = await workdir();
    expect((await runCli(['servicenow-artifacts'], { cwd })).stderr).toContain('give at least one --rule');
    expect((await runCli(['servicenow-artifacts', '--rule', 'incident:insert', '--timestamp', 'yesterday'], { cwd })).stderr).toContain('is not "YYYY-MM-DD HH:mm:ss"');
  });
});
