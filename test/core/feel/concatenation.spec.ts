import { describe, expect, it } from 'vitest';
import { joinedText } from '../../../core/feel/concatenation';
import { parseFeelExpression } from '../../../core/feel/parse';

describe('core/feel - concatenation', () => {
  it.each([
    ['="a" + "b"', 'ab'],
    ['=base + "/path/" + name', '*/path/*'],
    // feel-scala decodes these escapes; any other backslash stays as written.
    ['="say \\"hi\\"\\n" + "\\\\ \\u0041"', 'say "hi"\n\\ \\u0041'],
    ['="a" /* a comment */ + "b"', 'ab'],
    ['=("a" + "b")', '*'],
    ['=if x then "a" else "b"', '*'],
    ['=', '*']
  ])('joins %s as %j', (value, text) => {
    expect(joinedText(value, parseFeelExpression, '*')).toBe(text);
  });

  it('reads nothing from a literal that is never closed', () => {
    expect(joinedText('="a" + "b', parseFeelExpression, '*')).toBeUndefined();
  });
});
