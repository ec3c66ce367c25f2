import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../../core/errors';

/**
 * node:util parseArgs for every command, refusing an option that takes one
 * value but is given twice: parseArgs keeps the last one without a word, so
 * `--out a --out b` (or a flag repeated by a script that appends options)
 * would silently act on b. Repeatable options (`multiple`) and flags are
 * unaffected. The message names the option, never its values: they may be
 * an --instance URL.
 */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const parsed = parseArgs(config);
  const { tokens } = parseArgs({ ...config, tokens: true });
  const seen = new Set<string>();
  for (const token of tokens ?? []) {
    if (token.kind !== 'option') continue;
    const option = config.options?.[token.name];
    if (option?.type !== 'string' || option.multiple) continue;
    if (seen.has(token.name)) throw new UserError(`--${token.name} is given more than once; give it once`);
    seen.add(token.name);
  }
  return parsed;
}
