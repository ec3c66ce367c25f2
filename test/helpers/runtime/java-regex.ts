/**
 * java.util.regex as feel-scala's `matches` and `replace` use it
 * (src/main/scala/org/camunda/feel/impl/builtin/StringBuiltinFunctions.scala:131
 * `replace`: `Pattern.compile(pattern).matcher(input).replaceAll(replacement)`;
 * :205 `matches`: `Pattern.compile(pattern).matcher(input).find`), written
 * as JavaScript RegExp. Without flags the two dialects differ where the
 * templates' patterns reach (JDK 21 java/util/regex/Pattern.java):
 * - `$` (class Dollar, not MULTILINE) also matches before a line terminator
 *   that ends the input (`\n`, `\r\n`, `\r`, `\u0085`, `\u2028`, `\u2029`),
 *   never between `\r` and `\n`; JavaScript's `$` only at the very end;
 * - `.` (class Dot, not DOTALL/UNIX_LINES) matches no line terminator,
 *   `\u0085` included, which JavaScript's `.` matches;
 * - `\s` is ASCII whitespace only (`[ \t\n\x0B\f\r]`), JavaScript's takes
 *   Unicode spaces too; `\b` finds word edges by Character.isLetterOrDigit,
 *   JavaScript's by ASCII `\w` (refused).
 * Java-only syntax is refused rather than guessed, so the proof fails loudly
 * on a pattern it cannot model.
 */

/** A pattern or replacement the proof does not model: fix the proof, not the template. */
export class UnmodelledJavaRegex extends Error {}

/** Java refused the pattern or the replacement: feel-scala's `Try` turns it into null. */
export class JavaRegexError extends Error {}

const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const DOT = `[^${LINE_TERMINATORS}]`;
const DOLLAR = `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?$)(?<!\\r(?=\\n$))`;
// \Q..\E quoting, \A \z \Z \G anchors, \h \H \v \V \R \X, \p{..} classes, \b \B word edges
const JAVA_ONLY_ESCAPES = new Set(['Q', 'E', 'A', 'z', 'Z', 'G', 'h', 'H', 'v', 'V', 'R', 'X', 'p', 'P', 'b', 'B']);
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';

/** The JavaScript RegExp that matches what Pattern.compile(pattern) matches (flags: none, or 'g'). */
export function javaPattern(pattern: string, flags = ''): RegExp {
  let out = '';
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    const next = pattern[index + 1];
    if (char === '\\') {
      if (next === undefined) throw new JavaRegexError(`Unexpected internal error near index ${index}: ${pattern}`);
      if (JAVA_ONLY_ESCAPES.has(next) || (inClass && next === 'S')) throw new UnmodelledJavaRegex(`\\${next} in the Java pattern ${pattern}`);
      if (next === 's') out += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      else if (next === 'S') out += `[^${JAVA_SPACE}]`;
      else out += char + next;
      index++;
    } else if (inClass) {
      if (char === '[' || (char === '&' && next === '&')) throw new UnmodelledJavaRegex(`a nested class or intersection in the Java pattern ${pattern}`);
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
      // a leading ] (or ^]) is a literal in Java's class
      if (next === '^') out += pattern[++index];
      if (pattern[index + 1] === ']') out += `\\${pattern[++index]}`;
    } else if ((char === '+' || char === '?') && index > 0 && '*+?}'.includes(pattern[index - 1] ?? '') && pattern[index - 2] !== '\\' && !(char === '?' && pattern[index - 1] === '?')) {
      // `*?` `+?` `??` `}?` are lazy in both; `*+` `++` `?+` `}+` are Java's possessive quantifiers
      if (char === '+') throw new UnmodelledJavaRegex(`a possessive quantifier in the Java pattern ${pattern}`);
      out += char;
    } else if (char === '(' && next === '?' && !['<', ':', '=', '!'].includes(pattern[index + 2] ?? '')) {
      // (?i) (?s) ... inline flags and (?>..) atomic groups
      throw new UnmodelledJavaRegex(`an inline flag or atomic group in the Java pattern ${pattern}`);
    } else if (char === '.') {
      out += DOT;
    } else if (char === '$') {
      out += DOLLAR;
    } else {
      out += char;
    }
  }
  try {
    return new RegExp(out, flags);
  } catch (error) {
    throw new JavaRegexError((error as Error).message);
  }
}

/**
 * Matcher.replaceAll(replacement) (JDK 21 java/util/regex/Matcher.java
 * `appendExpandedReplacement`): `\x` is the character x, `$n` group n (more
 * digits while the group exists), `${name}` a named group, an unmatched group
 * nothing; a lone `$`, a trailing `\` or a missing group throws.
 */
export function javaReplaceAll(input: string, pattern: string, replacement: string): string {
  const regex = javaPattern(pattern, 'g');
  const groupCount = new RegExp(`${regex.source}|`).exec('')!.length - 1;
  return input.replace(regex, (...args: unknown[]) => {
    const hasNames = typeof args[args.length - 1] === 'object';
    const groups = args.slice(0, groupCount + 1) as (string | undefined)[];
    const named = (hasNames ? args[args.length - 1] : {}) as Record<string, string | undefined>;
    let out = '';
    for (let index = 0; index < replacement.length; index++) {
      const char = replacement[index];
      if (char === '\\') {
        if (index + 1 >= replacement.length) throw new JavaRegexError('character to be escaped is missing');
        out += replacement[++index];
      } else if (char === '$') {
        const next = replacement[index + 1];
        if (next === '{') {
          const close = replacement.indexOf('}', index);
          const name = close < 0 ? '' : replacement.slice(index + 2, close);
          if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name) || !(name in named)) throw new JavaRegexError(`No group with name {${name}}`);
          out += named[name] ?? '';
          index = close;
        } else if (next !== undefined && /[0-9]/.test(next)) {
          let group = Number(next);
          if (group > groupCount) throw new JavaRegexError(`No group ${group}`);
          index++;
          while (/[0-9]/.test(replacement[index + 1] ?? '') && group * 10 + Number(replacement[index + 1]) <= groupCount) group = group * 10 + Number(replacement[++index]);
          out += groups[group] ?? '';
        } else {
          throw new JavaRegexError('Illegal group reference');
        }
      } else {
        out += char;
      }
    }
    return out;
  });
}
