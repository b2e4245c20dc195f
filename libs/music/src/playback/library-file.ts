import { realpath } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isInside } from '../library/local-library';

/**
 * The real path of a local track, checked at play time: symlinks resolved, and inside the real
 * library root. A track queued while the library was elsewhere, or a link swapped since, fails.
 */
export async function libraryFile(uri: string, musicDir: string | undefined): Promise<string> {
  if (!musicDir) throw new Error('local files play only from the music library (MUSIC_DIR is not set)');
  let path: string;
  try {
    path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    throw new Error('not a valid file URL');
  }
  const [root, real] = await Promise.all([realpath(musicDir), realpath(path)]);
  if (!isInside(root, real)) throw new Error('the file is not in the music library');
  return real;
}
