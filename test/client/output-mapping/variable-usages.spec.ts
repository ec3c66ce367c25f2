import { describe, expect, it } from 'vitest';
import { renameVariable, usagesText, type VariableUsage } from '../../../client/output-mapping/variable-usages';

describe('client/output-mapping/variable-usages - renameVariable', () => {
  it('renames a plain reference', () => {
    expect(renameVariable('=incidentSysId', 'incidentSysId', 'newSysId')).toBe('=newSysId');
  });

  it('renames whole names in an expression, not longer names or paths', () => {
    expect(renameVariable('="sys_id=" + incidentSysId + "^x=" + incidentSysIds + a.incidentSysId', 'incidentSysId', 'n'))
      .toBe('="sys_id=" + n + "^x=" + incidentSysIds + a.incidentSysId');
  });

  it('leaves string literals and context keys alone', () => {
    expect(renameVariable('={incidentSysId: incidentSysId, text: "incidentSysId"}', 'incidentSysId', 'n')).toBe('={incidentSysId: n, text: "incidentSysId"}');
  });

  it('leaves a value that is not FEEL alone', () => {
    expect(renameVariable('incidentSysId', 'incidentSysId', 'n')).toBe('incidentSysId');
  });
});

describe('client/output-mapping/variable-usages - usagesText', () => {
  it('counts usages and names their tasks once', () => {
    const usage = (name: string) => ({ bo: { name }, input: {}, renamed: '' }) as VariableUsage;
    expect(usagesText([usage('Update incident')])).toBe('1 usage in Update incident');
    expect(usagesText([usage('Update incident'), usage('Update incident'), usage('Resolve')])).toBe('3 usages in Update incident, Resolve');
  });
});
