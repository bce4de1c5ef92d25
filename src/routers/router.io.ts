import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { DomainError, ErrorCode } from '../common/errors';

/** The router's config file on the API's machine, replaced atomically (HAProxy never reads a half-written file). */
export const configFiles = {
  async read(file: string): Promise<string | null> {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  async write(file: string, text: string): Promise<void> {
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temp, text, { mode: 0o644 });
      await rename(temp, file);
    } catch (error) {
      throw new DomainError(ErrorCode.ROUTER_REFUSED, `could not write the router config ${file}: ${(error as Error).message}`, { field: 'configPath' });
    }
  },
};

/** True when host:port accepts a TCP connection within the timeout. */
export function tcpProbe(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
