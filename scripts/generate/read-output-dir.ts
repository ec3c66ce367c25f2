import { VERSIONED_DIR } from '../../core/template/versioning';
import { FilesOnDisk } from '../io/files-on-disk';
import { listOwnedFiles, readOwnedFiles, type Ownership } from '../io/owned-files';
import { isGeneratedFile } from './generate-templates';

/**
 * What `generate` owns in its output folder: the current templates at the top
 * and their released copies in versioned/. Everything else there belongs to
 * someone else and is never read or written.
 */
const RELEASED_COPY = new RegExp(`^${VERSIONED_DIR}/servicenow-[a-z0-9_-]+-\\d+\\.json$`);

export const TEMPLATE_OWNERSHIP: Ownership = {
  folders: ['', VERSIONED_DIR],
  owns: (path) => isGeneratedFile(path) || RELEASED_COPY.test(path)
};

/** The owned files under `directory` (relative, `/`-separated path → bytes); empty when it does not exist. */
export async function readOutputFiles(directory: string): Promise<Map<string, Buffer>> {
  return readOwnedFiles(directory, TEMPLATE_OWNERSHIP);
}

/** The same as text, as the release plan compares templates. */
export async function readOutputDir(directory: string): Promise<Map<string, string>> {
  return asText(await readOutputFiles(directory));
}

export function asText(files: ReadonlyMap<string, Buffer>): Map<string, string> {
  return new Map([...files].map(([path, bytes]) => [path, bytes.toString('utf8')]));
}

/** The owned files under `directory`, read only when asked for: as bytes (for the writer) and as text (for the release plan). */
export async function outputFilesOnDisk(directory: string): Promise<{ bytes: FilesOnDisk<Buffer>; texts: FilesOnDisk<string> }> {
  const paths = await listOwnedFiles(directory, TEMPLATE_OWNERSHIP);
  return { bytes: new FilesOnDisk(directory, paths, (bytes) => bytes), texts: new FilesOnDisk(directory, paths, (bytes) => bytes.toString('utf8')) };
}
