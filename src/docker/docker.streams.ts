import type { Readable } from 'node:stream';
import { storable } from '../common/storable';

export type OutputStream = 'stdout' | 'stderr';

/**
 * Docker multiplexes stdout and stderr of a non-TTY container into frames: an 8-byte header (stream type in byte 0,
 * big-endian payload size in bytes 4-7) and the payload. A TTY container's output is raw (all stdout).
 */
export class Demultiplexer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly tty: boolean) {}

  /** Feeds bytes; returns the complete frames they finish. */
  push(chunk: Buffer): Array<{ stream: OutputStream; data: Buffer }> {
    if (this.tty) return [{ stream: 'stdout', data: chunk }];
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Array<{ stream: OutputStream; data: Buffer }> = [];
    while (this.pending.length >= 8) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + size) break;
      frames.push({ stream: this.pending[0] === 2 ? 'stderr' : 'stdout', data: this.pending.subarray(8, 8 + size) });
      this.pending = this.pending.subarray(8 + size);
    }
    return frames;
  }
}

/** Splits a byte stream into lines per output stream (frames do not align with lines; a huge line is cut). */
export class LineSplitter {
  private readonly rest: Record<OutputStream, string> = { stdout: '', stderr: '' };

  push(stream: OutputStream, data: Buffer): string[] {
    const lines = (this.rest[stream] + data.toString('utf8')).split('\n');
    this.rest[stream] = lines.pop() ?? '';
    if (this.rest[stream].length > 64 * 1024) {
      lines.push(this.rest[stream]);
      this.rest[stream] = '';
    }
    return lines;
  }

  flush(): Array<{ stream: OutputStream; line: string }> {
    const left = (['stdout', 'stderr'] as const).filter((s) => this.rest[s]).map((stream) => ({ stream, line: this.rest[stream] }));
    this.rest.stdout = this.rest.stderr = '';
    return left;
  }
}

/** Collects a finished output into stdout and stderr text, each capped at `maxBytes` (with a truncation flag). */
export class OutputCollector {
  private readonly parts: Record<OutputStream, Buffer[]> = { stdout: [], stderr: [] };
  private readonly sizes: Record<OutputStream, number> = { stdout: 0, stderr: 0 };
  truncated = false;

  constructor(private readonly maxBytes: number) {}

  add(stream: OutputStream, data: Buffer): void {
    const room = this.maxBytes - this.sizes[stream];
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    const kept = data.length > room ? data.subarray(0, room) : data;
    if (kept.length < data.length) this.truncated = true;
    this.parts[stream].push(kept);
    this.sizes[stream] += kept.length;
  }

  text(stream: OutputStream): string {
    return Buffer.concat(this.parts[stream]).toString('utf8');
  }
}

/** No Engine sends a line this long: the cap on what a rogue endpoint can make us buffer. */
export const MAX_LINE = 1024 * 1024;

export class OversizedLine extends Error {
  constructor() {
    super(`a line over ${MAX_LINE} bytes: not a Docker stream`);
  }
}

/**
 * Newline-delimited JSON from a stream (chunks do not align with lines), one callback per parsed object; lines that
 * do not parse are skipped. A line past MAX_LINE destroys the stream with an OversizedLine error. Every string (keys
 * too) is made storable (see common/storable): a daemon may send any text, and events and progress get stored.
 */
export function onJsonLines(stream: Readable, onObject: (value: unknown) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    if (rest.length > MAX_LINE) {
      stream.destroy(new OversizedLine());
      return;
    }
    for (const line of lines) {
      if (!line.trim() || stream.destroyed) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue; // not JSON: not a frame
      }
      onObject(storable(value));
    }
  });
}
