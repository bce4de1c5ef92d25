import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import { ForbiddenError } from '../common/errors';
import type { OutboundPolicy } from '../security/outbound-policy';
import { DockerfileProblem, scanDockerfile } from './dockerfile.scanner';

/** More distinct remote names than this in one build is not something to resolve on a mutation's time. */
const MAX_SOURCES = 50;

/**
 * Every fetch a build would make the daemon do, through the outbound policy before the Engine is asked: FROM and
 * COPY --from images, ADD URLs, the `# syntax` frontend. The Dockerfile is read from the input or, for a tar context,
 * from inside the tar (every entry the Engine might take: `Dockerfile` or `dockerfile`, however often it appears).
 */
export async function checkBuildSources(policy: OutboundPolicy, input: { dockerfile?: string | null; contextTarBase64?: string | null; buildArgs?: Record<string, string> | null }): Promise<void> {
  const field = input.contextTarBase64 ? 'contextTarBase64' : 'dockerfile';
  const dockerfiles = input.contextTarBase64 ? await dockerfilesInTar(Buffer.from(input.contextTarBase64, 'base64')) : [input.dockerfile ?? ''];
  for (const text of dockerfiles) {
    let sources;
    try {
      sources = scanDockerfile(text, input.buildArgs ?? {});
    } catch (error) {
      if (error instanceof DockerfileProblem) throw new ForbiddenError(`${field}: Dockerfile line ${error.line}: ${error.message}`, field);
      throw error;
    }
    if (new Set(sources.map((s) => s.value)).size > MAX_SOURCES) throw new ForbiddenError(`${field}: the Dockerfile names more than ${MAX_SOURCES} images and URLs to fetch`, field);
    await Promise.all(sources.map((source) => {
      const label = `${field}: Dockerfile line ${source.line} (${source.instruction})`;
      return source.kind === 'url' ? policy.checkUrl(source.value, field, label) : policy.checkImage(source.value, field, label);
    }));
  }
}

/** The Engine takes gzip, bzip2 and xz contexts; only gzip (and plain tar) can be opened here. */
async function dockerfilesInTar(archive: Buffer): Promise<string[]> {
  const field = 'contextTarBase64';
  if (archive[0] === 0x1f && archive[1] === 0x8b) {
    try {
      archive = gunzipSync(archive, { maxOutputLength: 256 * 1024 * 1024 });
    } catch {
      throw new ForbiddenError(`${field}: is gzip that does not open, so its Dockerfile cannot be checked`, field);
    }
  } else if (archive.subarray(0, 3).toString('latin1') === 'BZh' || archive.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) {
    throw new ForbiddenError(`${field}: bzip2 and xz contexts cannot be checked here: send a plain or gzip tar`, field);
  }
  const found: string[] = [];
  const links = new Set<string>();
  const reader = extract();
  const done = new Promise<void>((resolve, reject) => {
    reader.on('entry', (header, stream, next) => {
      // The Engine cleans entry paths as it unpacks (`/Dockerfile`, `x/../Dockerfile`, `.//Dockerfile` all land as
      // `Dockerfile`), so names are compared cleaned the same way.
      const name = entryPath(header.name);
      const wanted = name === 'Dockerfile' || name === 'dockerfile';
      const refuse = (why: string) => {
        stream.resume();
        reject(new ForbiddenError(`${field}: ${why}, so its Dockerfile cannot be checked`, field));
      };
      if (wanted && header.type !== 'file') return refuse(`its ${name} is a ${header.type}, not a file`);
      // An entry written through a link (`d -> .`, then `d/Dockerfile`) lands somewhere its name does not say.
      const through = [...links].find((link) => name.startsWith(`${link}/`));
      if (through) return refuse(`its ${name.slice(0, 80)} goes through the link ${through.slice(0, 80)}`);
      if (header.type === 'symlink' || header.type === 'link') links.add(name);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => wanted && chunks.push(chunk));
      stream.on('end', () => {
        if (wanted) found.push(Buffer.concat(chunks).toString('utf8'));
        next();
      });
    });
    reader.on('finish', resolve);
    reader.on('error', () => reject(new ForbiddenError(`${field}: is not a tar archive that can be read, so its Dockerfile cannot be checked`, field)));
  });
  Readable.from([archive]).pipe(reader);
  await done;
  return found;
}

/** A tar entry's path as the Engine unpacks it: cleaned, relative to the context root. */
export function entryPath(name: string): string {
  return posix.normalize(`/${name}`).replace(/^\/+/, '').replace(/\/+$/, '');
}
