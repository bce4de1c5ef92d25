import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { Channel } from '../common/channel';
import { DomainError, ErrorCode } from '../common/errors';
import { operationError } from './docker.errors';
import { usageFromStats } from './docker.mapping';
import type { DockerClientPool, Engine } from './docker.pool';
import { Demultiplexer, LineSplitter, OutputCollector, onJsonLines, type OutputStream } from './docker.streams';
import type { ContainerSpec, ContainerUsage, ExecResult, ExecSpec, HostTarget, LogsOptions } from './docker.types';

/** Output kept per stream for logs and exec answers: a GraphQL response is not a log shipper. */
const MAX_OUTPUT_BYTES = 1024 * 1024;

export interface LogLine {
  stream: OutputStream;
  line: string;
}

/** Container operations on one host, through the pooled client. Returns plain values; errors are domain errors. */
export class DockerContainers {
  constructor(private readonly pool: DockerClientPool) {}

  /** Creates the container and returns its id. Docker's create is one call: a failure leaves nothing behind. */
  async create(target: HostTarget, spec: ContainerSpec): Promise<string> {
    return this.op(target, `creating a container from ${spec.image}`, async ({ docker }) => (await docker.createContainer(createBody(spec))).id);
  }

  start(target: HostTarget, dockerId: string): Promise<void> {
    return this.op(target, `starting container ${short(dockerId)}`, async ({ docker }) => void (await ignoreNotModified(docker.getContainer(dockerId).start())));
  }

  /**
   * Docker answers a stop (and a restart) only once the container is down: after up to the grace period it was given
   * (without one, the container's own, 10 s unless it was created with another), SIGKILL, and the exit. The deadline
   * covers that wait, and the call uses the client without a socket timeout, which the silent wait would trip.
   */
  async stop(target: HostTarget, dockerId: string, timeoutSeconds?: number | null): Promise<void> {
    const grace = timeoutSeconds ?? (await this.stopTimeoutOf(target, dockerId));
    return this.op(target, `stopping container ${short(dockerId)}`, async ({ streaming }) => void (await ignoreNotModified(streaming.getContainer(dockerId).stop(timeoutSeconds != null ? { t: timeoutSeconds } : {}))), grace * 1000);
  }

  async restart(target: HostTarget, dockerId: string): Promise<void> {
    const grace = await this.stopTimeoutOf(target, dockerId);
    return this.op(target, `restarting container ${short(dockerId)}`, async ({ streaming }) => void (await streaming.getContainer(dockerId).restart()), grace * 1000);
  }

  /** The grace period Docker gives a container stopped without one: its own StopTimeout (`--stop-timeout`), else 10 s. */
  private async stopTimeoutOf(target: HostTarget, dockerId: string): Promise<number> {
    const info = await this.op(target, `inspecting container ${short(dockerId)}`, ({ docker }) => docker.getContainer(dockerId).inspect());
    const own = (info.Config as { StopTimeout?: number | null } | undefined)?.StopTimeout;
    // Bounded like timeoutSeconds: a daemon's word (or `--stop-timeout 99999999`) must not overflow the deadline timer.
    return typeof own === 'number' && own >= 0 ? Math.min(own, MAX_STOP_SECONDS) : DEFAULT_STOP_SECONDS;
  }

  remove(target: HostTarget, dockerId: string, options: { force?: boolean | null; removeVolumes?: boolean | null }): Promise<void> {
    return this.op(target, `removing container ${short(dockerId)}`, async ({ docker }) => void (await docker.getContainer(dockerId).remove({ force: Boolean(options.force), v: Boolean(options.removeVolumes) })));
  }

  /** Logs so far, stdout and stderr apart (demultiplexed), each capped. */
  async logs(target: HostTarget, dockerId: string, options: LogsOptions): Promise<{ stdout: string; stderr: string; truncated: boolean }> {
    return this.op(target, `reading logs of container ${short(dockerId)}`, async ({ docker }) => {
      const container = docker.getContainer(dockerId);
      const tty = Boolean((await container.inspect()).Config?.Tty);
      const raw = (await container.logs({ follow: false, stdout: true, stderr: true, ...logQuery(options) })) as unknown as Buffer;
      const output = new OutputCollector(MAX_OUTPUT_BYTES);
      for (const frame of new Demultiplexer(tty).push(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)))) output.add(frame.stream, frame.data);
      return { stdout: output.text('stdout'), stderr: output.text('stderr'), truncated: output.truncated };
    });
  }

  /** New log lines as they are written, until the consumer stops or the container's log ends. */
  async followLogs(target: HostTarget, dockerId: string, options: { timestamps?: boolean | null }): Promise<Channel<LogLine>> {
    return this.op(target, `following logs of container ${short(dockerId)}`, async ({ docker, streaming }) => {
      const tty = Boolean((await docker.getContainer(dockerId).inspect()).Config?.Tty);
      const since = Math.floor(Date.now() / 1000);
      const stream = (await streaming.getContainer(dockerId).logs({ follow: true, stdout: true, stderr: true, since, timestamps: Boolean(options.timestamps) })) as unknown as Readable;
      const channel = new Channel<LogLine>();
      const demux = new Demultiplexer(tty);
      const lines = new LineSplitter();
      stream.on('data', (chunk: Buffer) => {
        for (const frame of demux.push(chunk)) for (const line of lines.push(frame.stream, frame.data)) channel.push({ stream: frame.stream, line });
      });
      stream.on('end', () => {
        for (const left of lines.flush()) channel.push(left);
        channel.end();
      });
      stream.on('error', (error: Error) => channel.end(new DomainError(ErrorCode.HOST_UNREACHABLE, `log stream ended: ${error.message}`)));
      channel.onClose = () => stream.destroy();
      return channel;
    });
  }

  /**
   * Runs a command in the container and waits for it (or the timeout); exit code, stdout and stderr apart. Only
   * starting it is under the Engine deadline: the command itself may run as long as its own timeout allows.
   */
  async exec(target: HostTarget, dockerId: string, spec: ExecSpec): Promise<ExecResult> {
    const doing = `running a command in container ${short(dockerId)}`;
    const { exec, stream } = await this.op(target, doing, async ({ streaming }) => {
      const exec = await streaming.getContainer(dockerId).exec({
        Cmd: spec.command,
        Env: spec.env ?? undefined,
        WorkingDir: spec.workingDir ?? undefined,
        User: spec.user ?? undefined,
        AttachStdout: true,
        AttachStderr: true,
      });
      return { exec, stream: (await exec.start({ hijack: true, stdin: false })) as unknown as Readable };
    });
    const output = new OutputCollector(MAX_OUTPUT_BYTES);
    const demux = new Demultiplexer(false);
    const timedOut = await new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => {
        stream.destroy();
        resolve(true);
      }, spec.timeoutMs);
      stream.on('data', (chunk: Buffer) => demux.push(chunk).forEach((f) => output.add(f.stream, f.data)));
      stream.on('end', () => (clearTimeout(timer), resolve(false)));
      stream.on('close', () => (clearTimeout(timer), resolve(false)));
      stream.on('error', (error: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(new DomainError(ErrorCode.HOST_UNREACHABLE, `${doing}: the connection to ${target.apiEndpoint} broke (${error.code ?? error.message})`));
      });
    });
    // Docker has no way to stop an exec: on a timeout the command may go on running in the container.
    const exitCode = timedOut ? null : ((await this.op(target, doing, () => exec.inspect())).ExitCode ?? null);
    return { exitCode, stdout: output.text('stdout'), stderr: output.text('stderr'), timedOut, truncated: output.truncated };
  }

  /** One usage frame a second (Docker's streaming stats), until the consumer stops or the container stops. */
  async followStats(target: HostTarget, dockerId: string): Promise<Channel<ContainerUsage & { at: Date }>> {
    return this.op(target, `reading stats of container ${short(dockerId)}`, async ({ streaming }) => {
      const stream = (await streaming.getContainer(dockerId).stats({ stream: true })) as unknown as Readable;
      const channel = new Channel<ContainerUsage & { at: Date }>(10);
      onJsonLines(stream, (frame) => {
        const read = (frame as { read?: string }).read;
        channel.push({ ...usageFromStats(frame as Record<string, unknown>), at: read && !read.startsWith('0001') ? new Date(read) : new Date() });
      });
      stream.on('end', () => channel.end());
      stream.on('error', (error: Error) => channel.end(new DomainError(ErrorCode.HOST_UNREACHABLE, `stats stream ended: ${error.message}`)));
      channel.onClose = () => stream.destroy();
      return channel;
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

/** Docker's own default grace period before SIGKILL. */
const DEFAULT_STOP_SECONDS = 10;
const MAX_STOP_SECONDS = 3600;

function short(id: string): string {
  return id.slice(0, 12);
}

/** 304 Not Modified: already started / already stopped. Not an error for an idempotent operation. */
async function ignoreNotModified<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 304) return undefined;
    throw error;
  }
}

function logQuery(options: LogsOptions) {
  return {
    ...(options.tail != null ? { tail: options.tail } : {}),
    since: options.since ? Math.floor(options.since.getTime() / 1000) : 0,
    until: options.until ? Math.floor(options.until.getTime() / 1000) : 0,
    timestamps: Boolean(options.timestamps),
  };
}

const SECONDS = 1_000_000_000;

function createBody(spec: ContainerSpec): Docker.ContainerCreateOptions {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp?: string; HostPort?: string }>> = {};
  for (const p of spec.ports ?? []) {
    const key = `${p.containerPort}/${p.protocol}`;
    exposed[key] = {};
    if (p.hostPort != null || p.hostIp) (bindings[key] ??= []).push({ HostIp: p.hostIp ?? '', HostPort: p.hostPort != null ? String(p.hostPort) : '' });
  }
  const hc = spec.healthcheck;
  return {
    Image: spec.image,
    name: spec.name ?? undefined,
    Cmd: spec.command ?? undefined,
    Entrypoint: spec.entrypoint ?? undefined,
    Env: spec.env ?? undefined,
    Labels: spec.labels ?? undefined,
    User: spec.user ?? undefined,
    WorkingDir: spec.workingDir ?? undefined,
    ExposedPorts: exposed,
    Healthcheck: hc
      ? { Test: hc.test, Interval: (hc.intervalSeconds ?? 0) * SECONDS, Timeout: (hc.timeoutSeconds ?? 0) * SECONDS, Retries: hc.retries ?? 0, StartPeriod: (hc.startPeriodSeconds ?? 0) * SECONDS }
      : undefined,
    HostConfig: {
      PortBindings: bindings,
      Mounts: (spec.mounts ?? []).map((m) => ({ Type: m.type as 'bind' | 'volume' | 'tmpfs', Source: m.source ?? '', Target: m.target, ReadOnly: Boolean(m.readOnly) })),
      NetworkMode: spec.network ?? undefined,
      RestartPolicy: spec.restartPolicy ? { Name: spec.restartPolicy.name, MaximumRetryCount: spec.restartPolicy.maximumRetryCount ?? 0 } : undefined,
      NanoCpus: spec.nanoCpus ?? undefined,
      Memory: spec.memoryBytes ?? undefined,
      Privileged: Boolean(spec.privileged),
      CapAdd: spec.capAdd ?? undefined,
      CapDrop: spec.capDrop ?? undefined,
      Devices: (spec.devices ?? []).map((d) => {
        const [host, inside, permissions] = d.split(':');
        return { PathOnHost: host!, PathInContainer: inside ?? host!, CgroupPermissions: permissions ?? 'rwm' };
      }),
      PidMode: spec.pidMode ?? undefined,
      IpcMode: spec.ipcMode ?? undefined,
      SecurityOpt: spec.securityOpt ?? undefined,
    },
  };
}
