import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../browser/helpers/screenshot-path';

const root = `${__dirname}/../..`;
const ignored = (path: string) => {
  try {
    execFileSync('git', ['check-ignore', '-q', path], { cwd: root });
    return true;
  } catch {
    return false;
  }
};

describe('test/browser screenshots', () => {
  it('go to a folder git ignores, so npm test leaves tracked files alone', () => {
    expect(screenshotPath('table-picker', {})).toBe('test-results/screenshots/table-picker.png');
    expect(ignored(screenshotPath('table-picker', {}))).toBe(true);
  });

  it('go to docs/screenshots only when asked to (npm run docs:screenshots)', () => {
    expect(screenshotPath('table-picker', { SCREENSHOT_DIR: 'docs/screenshots' })).toBe('docs/screenshots/table-picker.png');
    expect(ignored('docs/screenshots/table-picker.png')).toBe(false);
  });
});
