import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HaproxyRuntime } from '../../src/routers/haproxy.adapter';
import { renderHaproxyConfig } from '../../src/routers/router.config';
import { waitFor } from './wait';

/** A real HAProxy started for one test, the way the README says to run it beside the API. */
export interface RunningRouter {
  runtimeEndpoint: string;
  masterEndpoint: string;
  configPath: string;
  dir: string;
  /** What HAProxy wrote on stdout/stderr so far (its alerts when a reload fails). */
  log(): string;
  stop(): Promise<void>;
}

/** A TCP port nothing listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '0.0.0.0', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `haproxy -W -S <dir>/master.sock -f <dir>/haproxy.cfg` on a config first rendered by the product
 * (router.config.ts) with no routes, and waits until its runtime socket answers.
 */
export async function startRouter(name = 'test-router'): Promise<RunningRouter> {
  const dir = mkdtempSync(path.join(tmpdir(), 'router-'));
  const runtimeEndpoint = `unix://${dir}/admin.sock`;
  const masterEndpoint = `unix://${dir}/master.sock`;
  const configPath = path.join(dir, 'haproxy.cfg');
  writeFileSync(configPath, renderHaproxyConfig({ id: 'bootstrap', name, runtimeEndpoint }, []));
  let output = '';
  const child: ChildProcess = spawn('haproxy', ['-W', '-S', `${dir}/master.sock`, '-f', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const runtime = new HaproxyRuntime({ timeoutMs: 1000 });
  await waitFor(async () => {
    if (gone) throw new Error(`haproxy exited at start:\n${output}`);
    return runtime.info(runtimeEndpoint).then(() => true, () => false);
  }, { timeoutMs: 15_000, what: 'haproxy runtime socket' });
  return {
    runtimeEndpoint,
    masterEndpoint,
    configPath,
    dir,
    log: () => output,
    async stop() {
      // The master stops its workers on TERM; KILL after a grace period if a worker lingers.
      if (!gone) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
