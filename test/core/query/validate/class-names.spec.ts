import { describe, expect, it } from 'vitest';
import { checkQuery } from '../../../../core/query/index';
import { classHierarchyMetadata as hierarchyMetadata } from '../metadata';

function findings(query: string, tableName: string) {
  return checkQuery(query, { table: tableName, metadata: hierarchyMetadata() }).diagnostics
    .map((diagnostic) => [diagnostic.severity, diagnostic.code, query.slice(diagnostic.start, diagnostic.end), diagnostic.suggestion]);
}

describe('core/query/validate - class names', () => {
  it.each([
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/it-service-management/service-operations-workspace/configure-donut-tier2-landing-page.md:85 (the table itself and its children)
    ['task', 'sys_class_name=incident^ORsys_class_name=problem^ORsys_class_name=task'],
    ['task', 'sys_class_nameINincident,problem'],
    // ServiceNow/ServiceNowDocs@cb48b5c markdown/platform-administration/c_UseTheINSTANCEOFOperator.md:20
    ['cmdb_ci', 'sys_class_nameINSTANCEOFcmdb_ci_server'],
    // INSTANCEOF a super class keeps every record; != and NOT IN keep the others
    ['incident', 'sys_class_nameINSTANCEOFtask'],
    ['task', 'sys_class_name!=cmdb_ci_server^sys_class_nameNOT INcmdb_ci'],
    // a class the metadata does not know and no known class is close to: instances add classes
    ['cmdb_ci', 'sys_class_nameINSTANCEOFcmdb_ci_linux_server'],
    ['task', 'parent.sys_class_name=problem^sys_class_name=javascript:gs.getProperty("x")']
  ])('%s: %s has no finding', (tableName, query) => {
    expect(findings(query, tableName)).toEqual([]);
  });

  it('reports a known class outside the table hierarchy as an error, for =, IN and INSTANCEOF', () => {
    expect(findings('sys_class_name=cmdb_ci_server^ORsys_class_nameINincident,cmdb_ci^ORsys_class_nameINSTANCEOFcmdb_ci', 'task')).toEqual([
      ['error', 'value.class', 'cmdb_ci_server', undefined],
      ['error', 'value.class', 'cmdb_ci', undefined],
      ['error', 'value.class', 'cmdb_ci', undefined]
    ]);
    expect(findings('sys_class_name=task', 'incident')).toEqual([['error', 'value.class', 'task', undefined]]);
  });

  it('names the hierarchy of the class it reports', () => {
    const [diagnostic] = checkQuery('sys_class_name=cmdb_ci_server', { table: 'task', metadata: hierarchyMetadata() }).diagnostics;
    expect(diagnostic?.message).toBe('cmdb_ci_server is not task or a table extending it (cmdb_ci_server → cmdb_ci), so no task record has this class.');
  });

  it('suggests the closest class of the table hierarchy for an unknown name, as a warning', () => {
    expect(findings('sys_class_name=incidnt^ORsys_class_nameINSTANCEOFproblme', 'task')).toEqual([
      ['warning', 'value.class', 'incidnt', 'incident'],
      ['warning', 'value.class', 'problme', 'problem']
    ]);
    expect(findings('parent.sys_class_name=incidnt', 'incident')).toEqual([['warning', 'value.class', 'incidnt', 'incident']]);
  });

  it('suggests by the queried table and the operator, whatever the same metadata answered for the name before', () => {
    // given: one metadata, asked about the same misspelt names from different tables and operators, twice
    const metadata = hierarchyMetadata();
    const suggestions = (query: string, tableName: string) => checkQuery(query, { table: tableName, metadata }).diagnostics
      .filter((diagnostic) => diagnostic.code === 'value.class').map((diagnostic) => diagnostic.suggestion);

    for (let round = 0; round < 2; round++) {
      // then: incident is a task, not a configuration item
      expect(suggestions('sys_class_name=incidnt', 'task')).toEqual(['incident']);
      expect(suggestions('sys_class_name=incidnt', 'cmdb_ci')).toEqual([]);
      // INSTANCEOF a super class fits, = does not (no incident record has the class task)
      expect(suggestions('sys_class_nameINSTANCEOFtsk', 'incident')).toEqual(['task']);
      expect(suggestions('sys_class_name=tsk', 'incident')).toEqual([]);
    }
  });
});
