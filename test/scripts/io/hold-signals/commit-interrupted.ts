/**
 * Run as a child process by hold-signals.spec.ts. `files <dir> <n>`: replaces
 * n files in one OwnedFilesWriter commit and sends itself SIGTERM from inside
 * the second rename, when half the set is new. `folder <dir>`: replaces the
 * folder with writeDirectoryAtomic and sends it from inside the second rename,
 * when the old folder has been moved aside and the new one is not yet there.
 */
import fs from 'node:fs/promises';

const [mode, directory, count] = [process.argv[2], process.argv[3]!, Number(process.argv[4] ?? 0)];
const rename = fs.rename;
let renames = 0;
fs.rename = async (...args: Parameters<typeof rename>) => {
  if (++renames === 2) process.kill(process.pid, 'SIGTERM');
  return rename(...args);
};

async function run(): Promise<void> {
  if (mode === 'folder') {
    const { writeDirectoryAtomic } = await import('../../../../scripts/io/atomic-write');
    await writeDirectoryAtomic(directory, new Map([['a.json', 'new\n']]));
  } else {
    const { OwnedFilesWriter } = await import('../../../../scripts/io/owned-files');
    const names = Array.from({ length: count }, (_, index) => `file-${index}.json`);
    const writer = await OwnedFilesWriter.open(directory, { folders: [''], owns: () => true }, new Map(names.map((name) => [name, Buffer.from('old\n')])));
    for (const name of names) await writer.stage(name, 'new\n');
    await writer.commit(new Set(names));
  }
  process.stdout.write('done\n');
}

void run();
