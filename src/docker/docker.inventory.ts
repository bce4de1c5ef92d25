import type { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '../common/errors';
import type { DockerClientPool } from './docker.pool';
import { containerFromInspect, containerFromList, eventFromEngine, imageFromList, networkFromList, usageFromStats, volumeFromList } from './docker.mapping';
import type { ContainerSnapshot, ContainerUsage, EngineEvent, HostTarget, ImageSnapshot, NetworkSnapshot, VolumeSnapshot } from './docker.types';

/** Longest line accepted from a streaming endpoint (events, stats): a bound on what a rogue endpoint can make us buffer. */
const MAX_LINE = 1024 * 1024;

export interface EventStreamOptions {
  /** Resume point: `timeNano` of the last event applied. The Engine replays what it still holds after it (<= 256). */
  sinceNano?: string | null;
  /** Ends the stream at this time instead of following; used to read a replay on its own. */
  untilNano?: string | null;
  types?: string[];
  onEvent(event: EngineEvent): void;
  /** Called once when the stream ends for any reason (error undefined for a clean end). Not called after close(). */
  onEnd(error?: Error): void;
}

export interface EventStream {
  close(): void;
}

/** Reads a host's inventory and events through the pooled client; returns plain snapshots, never dockerode objects. */
export class DockerInventory {
  constructor(private readonly pool: DockerClientPool) {}

  ping(target: HostTarget): Promise<void> {
    return this.pool.run(target, async ({ docker }) => void (await docker.ping()));
  }

  listContainers(target: HostTarget): Promise<ContainerSnapshot[]> {
    return this.pool.run(target, async ({ docker }) => (await docker.listContainers({ all: true })).map(containerFromList));
  }

  /** Null when the container no longer exists (404): the caller removes it from the inventory. */
  inspectContainer(target: HostTarget, dockerId: string): Promise<ContainerSnapshot | null> {
    return this.pool
      .run(target, async ({ docker }) => containerFromInspect(await docker.getContainer(dockerId).inspect()))
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.details.statusCode === 404) return null;
        throw error;
      });
  }

  listImages(target: HostTarget): Promise<ImageSnapshot[]> {
    return this.pool.run(target, async ({ docker }) => (await docker.listImages({ all: false })).map(imageFromList));
  }

  listNetworks(target: HostTarget): Promise<NetworkSnapshot[]> {
    return this.pool.run(target, async ({ docker }) => (await docker.listNetworks()).map(networkFromList));
  }

  listVolumes(target: HostTarget): Promise<VolumeSnapshot[]> {
    return this.pool.run(target, async ({ docker }) => ((await docker.listVolumes()).Volumes ?? []).map(volumeFromList));
  }

  /**
   * One usage sample. The Engine's one-shot stats carry no previous CPU sample, so CPU use needs two frames of the
   * streaming endpoint (about a second apart): sample many containers concurrently, never one after another.
   */
  async sampleUsage(target: HostTarget, dockerId: string, deadlineMs: number): Promise<ContainerUsage | null> {
    const stream = (await this.pool.run(target, ({ streaming }) => streaming.getContainer(dockerId).stats({ stream: true }))) as unknown as Readable;
    return new Promise((resolve) => {
      let frames = 0;
      let rest = '';
      const finish = (usage: ContainerUsage | null) => {
        clearTimeout(timer);
        stream.destroy();
        resolve(usage);
      };
      const timer = setTimeout(() => finish(null), deadlineMs);
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        if (rest.length > MAX_LINE) return finish(null);
        for (const line of lines) {
          if (!line.trim()) continue;
          // An endpoint is whatever a user registered: a frame that does not parse is no sample, never a crash.
          try {
            if (++frames === 2) return finish(usageFromStats(JSON.parse(line)));
          } catch {
            return finish(null);
          }
        }
      });
      stream.on('error', () => finish(null));
      stream.on('end', () => finish(null));
    });
  }

  /**
   * Opens `/events`. Resolves once the Engine has answered (the pool's deadline covers that much); from then on the
   * stream lives until close() or until the connection ends. The body is newline-delimited JSON whose chunks do not
   * align with lines, so partial lines are carried over. Docker sends no heartbeat: silence proves nothing, which is
   * why the caller probes `/_ping` when a stream has been quiet.
   */
  async openEvents(target: HostTarget, options: EventStreamOptions): Promise<EventStream> {
    const query: Record<string, unknown> = {};
    if (options.sinceNano) query.since = toEngineTime(options.sinceNano);
    if (options.untilNano) query.until = toEngineTime(options.untilNano);
    if (options.types) query.filters = JSON.stringify({ type: options.types });
    const stream = (await this.pool.run(target, ({ streaming }) => streaming.getEvents(query))) as Readable;
    let closed = false;
    let ended = false;
    let rest = '';
    const end = (error?: Error) => {
      if (ended || closed) return;
      ended = true;
      options.onEnd(error);
    };
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      if (rest.length > MAX_LINE) {
        // No Engine event is a megabyte long: whatever sends this is not a Docker daemon worth listening to.
        stream.destroy();
        return end(new DomainError(ErrorCode.NOT_DOCKER_API, `event stream from ${target.apiEndpoint} sent a line over ${MAX_LINE} bytes`));
      }
      for (const line of lines) {
        if (!line.trim() || closed) continue;
        let event: EngineEvent | null = null;
        try {
          event = eventFromEngine(JSON.parse(line));
        } catch {
          continue; // a line that is not JSON is not an event; the next full sync reconciles whatever it meant
        }
        if (event) options.onEvent(event);
      }
    });
    stream.on('end', () => end());
    stream.on('close', () => end());
    stream.on('error', (error: Error) => end(new DomainError(ErrorCode.HOST_UNREACHABLE, `event stream from ${target.apiEndpoint} failed: ${error.message}`)));
    return {
      close() {
        closed = true;
        stream.destroy();
      },
    };
  }
}

/** `timeNano` (ns since the epoch) as the `<seconds>.<nanoseconds>` form the Engine accepts for since/until. */
export function toEngineTime(nano: string): string {
  const value = BigInt(nano);
  return `${value / 1_000_000_000n}.${(value % 1_000_000_000n).toString().padStart(9, '0')}`;
}
