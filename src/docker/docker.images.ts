import type { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '../common/errors';
import { operationError } from './docker.errors';
import { imageFailure } from './docker.image-errors';
import { registryOf } from './image-reference';
import type { DockerClientPool, Engine } from './docker.pool';
import { onJsonLines } from './docker.streams';
import type { HostTarget, ImageDetails, ImageProgress, RegistryAuth } from './docker.types';

export interface BuildOptions {
  tags: string[];
  dockerfile?: string | null;
  buildArgs?: Record<string, string> | null;
  labels?: Record<string, string> | null;
}

/** Image operations on one host. Pull, push and build report progress lines and end with the Engine's verdict. */
export class DockerImages {
  constructor(private readonly pool: DockerClientPool, private readonly options: { operationTimeoutMs: number }) {}

  async pull(target: HostTarget, reference: string, auth: RegistryAuth | null, onProgress: (p: ImageProgress) => void): Promise<void> {
    const [doing, registry] = [`pulling ${reference}`, registryOf(reference)];
    const stream = await this.open(target, doing, ({ streaming }) => streaming.pull(reference, { authconfig: auth ?? {} }), registry);
    await this.follow(stream, doing, onProgress, registry);
  }

  async push(target: HostTarget, reference: string, auth: RegistryAuth | null, onProgress: (p: ImageProgress) => void): Promise<void> {
    const [doing, registry] = [`pushing ${reference}`, registryOf(reference)];
    // The Engine refuses a push without an X-Registry-Auth header (400), even for a registry that needs none.
    const stream = await this.open(target, doing, ({ streaming }) => streaming.getImage(reference).push({ authconfig: auth ?? {} }), registry);
    await this.follow(stream, doing, onProgress, registry);
  }

  /** Builds from a tar context; resolves with the new image's id. */
  async build(target: HostTarget, context: Readable, options: BuildOptions, onProgress: (p: ImageProgress) => void): Promise<string | null> {
    const doing = `building ${options.tags.join(', ') || 'an image'}`;
    const stream = await this.open(target, doing, ({ streaming }) =>
      streaming.buildImage(context as NodeJS.ReadableStream, {
        t: options.tags as unknown as string, // docker-modem repeats an array as t=a&t=b, as the Engine expects
        dockerfile: options.dockerfile ?? 'Dockerfile',
        buildargs: options.buildArgs ?? undefined,
        labels: options.labels ?? undefined,
        rm: true,
        forcerm: true,
      }),
    );
    return this.follow(stream, doing, onProgress);
  }

  tag(target: HostTarget, source: string, repository: string, tag: string): Promise<void> {
    return this.run(target, `tagging ${source} as ${repository}:${tag}`, async ({ docker }) => void (await docker.getImage(source).tag({ repo: repository, tag })));
  }

  remove(target: HostTarget, reference: string, force: boolean): Promise<void> {
    return this.run(target, `removing image ${reference}`, async ({ docker }) => void (await docker.getImage(reference).remove({ force })));
  }

  inspect(target: HostTarget, reference: string): Promise<ImageDetails> {
    return this.run(target, `inspecting image ${reference}`, async ({ docker }) => {
      const i = await docker.getImage(reference).inspect();
      return {
        dockerId: i.Id,
        repoTags: i.RepoTags ?? [],
        repoDigests: i.RepoDigests ?? [],
        sizeBytes: Number(i.Size ?? 0),
        createdAt: new Date(i.Created),
        architecture: i.Architecture,
        os: i.Os,
        author: i.Author || null,
        cmd: i.Config?.Cmd ?? [],
        entrypoint: (i.Config?.Entrypoint as string[] | null) ?? [],
        env: i.Config?.Env ?? [],
        exposedPorts: Object.keys(i.Config?.ExposedPorts ?? {}),
        labels: i.Config?.Labels ?? {},
        workingDir: i.Config?.WorkingDir || null,
        user: i.Config?.User || null,
        layers: i.RootFS?.Layers ?? [],
      };
    });
  }

  private async run<T>(target: HostTarget, doing: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
    try {
      return await this.pool.run(target, fn);
    } catch (error) {
      throw operationError(error, doing);
    }
  }

  /** Starts a pull, push or build. A registry's refusal comes back as the Engine's 4xx/5xx before any stream: judged as in-stream. */
  private async open(target: HostTarget, doing: string, fn: (engine: Engine) => Promise<unknown>, registry: string | null = null): Promise<Readable> {
    try {
      return (await this.pool.run(target, fn)) as Readable;
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.DOCKER_API_ERROR && typeof error.details.engineMessage === 'string') throw imageFailure(doing, error.details.engineMessage, registry);
      throw error;
    }
  }

  /**
   * Reads a progress stream to its end. The Engine reports failures of a started pull/push/build inside the stream
   * (`{"error": ...}`) with HTTP 200 already sent: that last word decides. A stream that goes on past the operation
   * timeout is cut.
   */
  private follow(stream: Readable, doing: string, onProgress: (p: ImageProgress) => void, registry: string | null = null): Promise<string | null> {
    return new Promise((resolve, reject) => {
      let failure: string | null = null;
      let imageId: string | null = null;
      const timer = setTimeout(() => {
        stream.destroy();
        reject(new DomainError(ErrorCode.HOST_TIMEOUT, `${doing}: no result within ${this.options.operationTimeoutMs / 1000} s`));
      }, this.options.operationTimeoutMs);
      onJsonLines(stream, (value) => {
        const line = value as { status?: string; stream?: string; id?: string; progressDetail?: { current?: number; total?: number }; error?: string; errorDetail?: { message?: string }; aux?: { ID?: string } };
        // An error line is never passed on as progress: it may quote a remote server. The final message says what failed.
        if (line.error || line.errorDetail?.message) {
          failure = line.errorDetail?.message ?? line.error ?? 'failed';
          return;
        }
        if (line.aux?.ID) imageId = line.aux.ID;
        const message = (line.status ?? line.stream ?? '').trim();
        if (message) onProgress({ message, layer: line.id ?? null, current: line.progressDetail?.current ?? null, total: line.progressDetail?.total ?? null });
      });
      stream.on('end', () => {
        clearTimeout(timer);
        if (failure) reject(imageFailure(doing, failure, registry));
        else resolve(imageId);
      });
      stream.on('error', (error: Error) => {
        clearTimeout(timer);
        reject(new DomainError(ErrorCode.HOST_UNREACHABLE, `${doing}: ${error.message}`));
      });
    });
  }
}
