import type { CheckOptions, CheckResult } from './index';

export function checkFeel(value: string, options: CheckOptions, check: (text: string, options: CheckOptions) => CheckResult): CheckResult {
  return check(value.slice(1), options);
}
