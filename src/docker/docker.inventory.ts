import type { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '../common/errors';
import type { DockerClientPool } from './docker.pool';
import { onJsonLines, OversizedLine } from './docker.streams';
import { containerFromInspect, containerFromList, eventFromEngine, imageFromList, networkFromList, usageFromStats, volumeFromList } from './docker.mapping';
import type { ContainerSnapshot, ContainerUsage, EngineEvent, HostTarget, ImageSnapshot, NetworkSnapshot, VolumeSnapshot } from './docker.types';

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
      const finish = (usage: ContainerUsage | null) => {
        clearTimeout(timer);
        stream.destroy();
        resolve(usage);
      };
      const timer = setTimeout(() => finish(null), deadlineMs);
      onJsonLines(stream, (frame) => {
        if (++frames < 2) return;
        // An endpoint is whatever a user registered: a frame that does not make sense is no sample, never a crash.
        try {
          finish(usageFromStats(frame as Record<string, unknown>));
        } catch {
          finish(null);
        }
      });
      stream.on('error', () => finish(null));
      stream.on('end', () => finish(null));
    });
  }

  /**
   * Opens `/events`. Resolves once the Engine has answered (the pool's deadline covers that much); from then on the
   * stream lives until close() or until the connection ends. Docker sends no heartbeat: silence proves nothing, which is
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
    const end = (error?: Error) => {
      if (ended || closed) return;
      ended = true;
      options.onEnd(error);
    };
    onJsonLines(stream, (value) => {
      if (closed) return;
      let event: EngineEvent | null = null;
      try {
        event = eventFromEngine(value as Record<string, unknown>);
      } catch {
        return; // not an event; the next full sync reconciles whatever it meant
      }
      if (event) options.onEvent(event);
    });
    stream.on('end', () => end());
    stream.on('close', () => end());
    stream.on('error', (error: Error) =>
      end(
        error instanceof OversizedLine
          ? new DomainError(ErrorCode.NOT_DOCKER_API, `event stream from ${target.apiEndpoint} sent ${error.message}`)
          : new DomainError(ErrorCode.HOST_UNREACHABLE, `event stream from ${target.apiEndpoint} failed: ${error.message}`),
      ),
    );
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
