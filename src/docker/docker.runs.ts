import { pack } from 'tar-stream';
import { operationError } from './docker.errors';
import type { DockerClientPool, Engine } from './docker.pool';
import type { HostTarget } from './docker.types';

/** What a job-like run needs to know of its container once it stopped (or to see that it still runs). */
export interface RunState {
  running: boolean;
  exitCode: number | null;
  oomKilled: boolean;
  /** The image id (sha256:…) the container was created from. */
  imageId: string;
  /** The writable layer's size; only when asked with `size`. */
  sizeRwBytes: number | null;
  /** The environment it was created with (KEY=VALUE). */
  env: string[];
  /** Its HEALTHCHECK command (Docker runs it as an exec), null without one. */
  healthcheck: string[] | null;
}

/** The operations of job-like runs (container instances) beyond DockerContainers': wait, state, files, lookup. */
export class DockerRuns {
  constructor(private readonly pool: DockerClientPool) {}

  /**
   * Waits until the container is not running (at once when it already stopped) and answers its exit code. Docker
   * says nothing until then, so this uses the client without a socket timeout, under a deadline of `maxMs`.
   */
  async wait(target: HostTarget, dockerId: string, maxMs: number): Promise<number | null> {
    const answer = await this.op(target, `waiting for container ${short(dockerId)}`, async ({ streaming }) => (await streaming.getContainer(dockerId).wait({ condition: 'not-running' })) as { StatusCode?: number }, maxMs);
    return typeof answer?.StatusCode === 'number' ? answer.StatusCode : null;
  }

  /** null when the container is gone. */
  async state(target: HostTarget, dockerId: string, options: { size?: boolean } = {}): Promise<RunState | null> {
    return this.op(target, `inspecting container ${short(dockerId)}`, async ({ docker }) => {
      try {
        const info = (await docker.getContainer(dockerId).inspect({ size: Boolean(options.size) } as object)) as unknown as {
          State?: { Running?: boolean; ExitCode?: number; OOMKilled?: boolean };
          Image?: string;
          SizeRw?: number;
          Config?: { Env?: string[] | null; Healthcheck?: { Test?: string[] | null } | null };
        };
        return {
          running: Boolean(info.State?.Running),
          exitCode: typeof info.State?.ExitCode === 'number' ? info.State.ExitCode : null,
          oomKilled: Boolean(info.State?.OOMKilled),
          imageId: String(info.Image ?? ''),
          sizeRwBytes: typeof info.SizeRw === 'number' ? info.SizeRw : null,
          env: info.Config?.Env ?? [],
          healthcheck: info.Config?.Healthcheck?.Test ?? null,
        };
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return null;
        throw error;
      }
    });
  }

  /** Puts one file into a created (not yet started) container: Docker's archive upload, a one-entry tar. */
  async putFile(target: HostTarget, dockerId: string, file: { dir: string; name: string; content: string; mode: number }): Promise<void> {
    const tar = pack();
    tar.entry({ name: file.name, mode: file.mode, size: Buffer.byteLength(file.content) }, file.content);
    tar.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of tar) chunks.push(chunk as Buffer);
    await this.op(target, `copying a file into container ${short(dockerId)}`, async ({ docker }) => void (await docker.getContainer(dockerId).putArchive(Buffer.concat(chunks), { path: file.dir })));
  }

  /** Ids of the containers (running or not) carrying the label `key=value`. */
  async withLabel(target: HostTarget, key: string, value: string): Promise<string[]> {
    const rows = await this.op(target, `listing containers labelled ${key}`, ({ docker }) => docker.listContainers({ all: true, filters: { label: [`${key}=${value}`] } }));
    return rows.map((row) => row.Id);
  }

  /** The image's id and repository digests, null when the host does not have it. */
  async imageDigests(target: HostTarget, reference: string): Promise<{ id: string; repoDigests: string[] } | null> {
    return this.op(target, `inspecting image ${reference}`, async ({ docker }) => {
      try {
        const info = await docker.getImage(reference).inspect();
        return { id: info.Id, repoDigests: info.RepoDigests ?? [] };
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return null;
        throw error;
      }
    });
  }

  private async op<T>(target: HostTarget, doing: string, fn: (engine: Engine) => Promise<T>, extraMs?: number): Promise<T> {
    try {
      return await this.pool.run(target, fn, { extraMs });
    } catch (error) {
      throw operationError(error, doing);
    }
  }
}

function short(id: string): string {
  return id.slice(0, 12);
}
