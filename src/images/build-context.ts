import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { InputError } from '../common/errors';
import { entryPath } from './build-sources';

export interface BuildFile {
  path: string;
  content?: string | null;
  contentBase64?: string | null;
}

/** A build context beyond this is not something to send through a GraphQL mutation. */
const MAX_CONTEXT_BYTES = 32 * 1024 * 1024;

/**
 * The tar stream the Engine builds from: either the caller's own tar (base64), or a Dockerfile plus files packed here.
 * Paths are checked (relative, no `..`), so a context cannot name files outside itself.
 */
export function buildContext(input: { dockerfile?: string | null; files?: BuildFile[] | null; contextTarBase64?: string | null }): Readable {
  if (input.contextTarBase64) {
    if (input.dockerfile || input.files?.length) throw new InputError('contextTarBase64', 'goes alone: put the Dockerfile and files inside the tar');
    const tar = Buffer.from(input.contextTarBase64, 'base64');
    if (tar.length === 0) throw new InputError('contextTarBase64', 'is not base64 of a tar archive');
    if (tar.length > MAX_CONTEXT_BYTES) throw new InputError('contextTarBase64', `is larger than ${MAX_CONTEXT_BYTES} bytes`);
    return Readable.from([tar]);
  }
  if (!input.dockerfile?.trim()) throw new InputError('dockerfile', 'is required (or give contextTarBase64)');
  const archive = pack();
  let total = 0;
  const entries: Array<{ name: string; data: Buffer }> = [{ name: 'Dockerfile', data: Buffer.from(input.dockerfile) }];
  input.files?.forEach((file, i) => {
    if (!file.path || file.path.startsWith('/') || file.path.split('/').includes('..')) throw new InputError(`files[${i}].path`, 'must be a relative path inside the context');
    const name = entryPath(file.path);
    // A second Dockerfile would replace the first as the Engine unpacks: the one checked would not be the one built.
    if (!name || name === 'Dockerfile' || name === 'dockerfile') throw new InputError(`files[${i}].path`, 'must name a file other than the Dockerfile (that goes in dockerfile)');
    if ((file.content == null) === (file.contentBase64 == null)) throw new InputError(`files[${i}]`, 'needs exactly one of content and contentBase64');
    entries.push({ name, data: file.content != null ? Buffer.from(file.content) : Buffer.from(file.contentBase64!, 'base64') });
  });
  for (const entry of entries) {
    total += entry.data.length;
    if (total > MAX_CONTEXT_BYTES) throw new InputError('files', `add up to more than ${MAX_CONTEXT_BYTES} bytes`);
    archive.entry({ name: entry.name, mode: 0o644 }, entry.data);
  }
  archive.finalize();
  return archive as unknown as Readable;
}
