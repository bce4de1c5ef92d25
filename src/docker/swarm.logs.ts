import type { Readable } from 'node:stream';
import { Channel } from '../common/channel';
import { DomainError, ErrorCode } from '../common/errors';
import { storable } from '../common/storable';
import type { Engine } from './docker.pool';
import { Demultiplexer, LineSplitter, type OutputStream } from './docker.streams';
import { dial, enc } from './swarm.engine';
import type { SwarmLogLine, SwarmLogsOptions } from './swarm.types';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface OpenedLogs {
  stream: Readable;
  /** A TTY service's output is raw, not multiplexed frames. */
  tty: boolean;
  timestamps: boolean;
}

/**
 * Opens `/services/{id}/logs` with `details=true`, so each line starts with its attributes (the docker CLI reads the
 * task and node from them): `[<timestamp> ]com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,
 * com.docker.swarm.task.id=… <message>`, keys and values query-escaped (moby's write_log_stream.go).
 */
export async function openServiceLogs({ docker, streaming }: Engine, id: string, options: SwarmLogsOptions, follow: boolean): Promise<OpenedLogs> {
  const service = (await dial(docker, { method: 'GET', path: `/services/${enc(id)}` })) as Json;
  const tty = service?.Spec?.TaskTemplate?.ContainerSpec?.TTY === true;
  const timestamps = Boolean(options.timestamps);
  const query = {
    stdout: true,
    stderr: true,
    follow,
    details: true,
    timestamps,
    since: options.since ? Math.floor(options.since.getTime() / 1000) : 0,
    ...(options.tail != null ? { tail: String(options.tail) } : {}),
  };
  // Following uses the client without a socket timeout: a quiet service must not cut its own log stream.
  const stream = (await dial(follow ? streaming : docker, { method: 'GET', path: `/services/${enc(id)}/logs`, query, stream: true })) as Readable;
  return { stream, tty, timestamps };
}

/** Reads a finished log to its end, or until `maxBytes` (then `truncated`). */
export function collectLogLines(opened: OpenedLogs, maxBytes: number, doing: string): Promise<{ lines: SwarmLogLine[]; truncated: boolean }> {
  const { stream } = opened;
  const lines: SwarmLogLine[] = [];
  const reader = new LogReader(opened);
  let bytes = 0;
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      if (bytes > maxBytes) return;
      bytes += chunk.length;
      lines.push(...reader.push(chunk));
      if (bytes > maxBytes) {
        stream.destroy();
        resolve({ lines, truncated: true });
      }
    });
    stream.on('end', () => resolve({ lines: [...lines, ...reader.flush()], truncated: false }));
    stream.on('error', (error: Error) => reject(new DomainError(ErrorCode.HOST_UNREACHABLE, `${doing}: ${error.message}`)));
  });
}

/** Lines as they come, into a bounded channel whose close ends the Engine stream. */
export function followLogLines(opened: OpenedLogs): Channel<SwarmLogLine> {
  const { stream } = opened;
  const channel = new Channel<SwarmLogLine>();
  const reader = new LogReader(opened);
  stream.on('data', (chunk: Buffer) => reader.push(chunk).forEach((line) => channel.push(line)));
  stream.on('end', () => {
    reader.flush().forEach((line) => channel.push(line));
    channel.end();
  });
  stream.on('error', (error: Error) => channel.end(new DomainError(ErrorCode.HOST_UNREACHABLE, `log stream ended: ${error.message}`)));
  channel.onClose = () => stream.destroy();
  return channel;
}

/** Demultiplexes, splits into lines and takes each line's details off. */
class LogReader {
  private readonly demux: Demultiplexer;
  private readonly split = new LineSplitter();

  constructor(private readonly opened: OpenedLogs) {
    this.demux = new Demultiplexer(opened.tty);
  }

  push(chunk: Buffer): SwarmLogLine[] {
    const out: SwarmLogLine[] = [];
    for (const frame of this.demux.push(chunk)) for (const line of this.split.push(frame.stream, frame.data)) out.push(parseLine(frame.stream, line, this.opened.timestamps));
    return out;
  }

  flush(): SwarmLogLine[] {
    return this.split.flush().map(({ stream, line }) => parseLine(stream, line, this.opened.timestamps));
  }
}

const DETAILS = /^[^\s=,]+=[^\s,]*(?:,[^\s=,]+=[^\s,]*)*$/;

/** `[ts ]details message` -> the message (timestamp kept in front, as for container logs), task and node. */
export function parseLine(stream: OutputStream, raw: string, timestamps: boolean): SwarmLogLine {
  let rest = raw;
  let stamp = '';
  if (timestamps) {
    const space = rest.indexOf(' ');
    if (space > 0) [stamp, rest] = [rest.slice(0, space + 1), rest.slice(space + 1)];
  }
  const space = rest.indexOf(' ');
  const head = space >= 0 ? rest.slice(0, space) : rest;
  const attributes: Record<string, string> = {};
  if (DETAILS.test(head)) {
    for (const pair of head.split(',')) {
      const [key, value = ''] = pair.split('=');
      attributes[unescape(key!)] = unescape(value);
    }
    rest = space >= 0 ? rest.slice(space + 1) : '';
  }
  return storable({
    stream,
    line: stamp + rest,
    taskId: attributes['com.docker.swarm.task.id'] ?? null,
    nodeId: attributes['com.docker.swarm.node.id'] ?? null,
  });
}

function unescape(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
