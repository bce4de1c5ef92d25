import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '../support/wait';

const exec = promisify(execFile);

/** A port nothing listens on now (the kernel picks it; a race with another process is possible but rare). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A service the soak needs is missing: it fails loudly (never skips), in CI as anywhere. */
export class MissingService extends Error {}

/**
 * The soak's own PostgreSQL (initdb + pg_ctl in a temp dir, trust auth), so restarting it disturbs no one else's tests.
 * Run as root, it runs as the `postgres` user (PostgreSQL refuses root).
 */
export class OwnPostgres {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
    const bin = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((dir) => existsSync(path.join(dir, 'pg_ctl')));
    if (!bin) throw new MissingService('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fleet-soak-pg-'));
    const pg = new OwnPostgres(bin, dir, await freePort());
    if (process.getuid?.() === 0) await exec('chown', ['-R', 'postgres:postgres', dir]);
    await pg.run('initdb', ['-D', pg.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    await pg.ctl('start');
    return pg;
  }

  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** `fast`: a clean shutdown, sessions terminated; `immediate`: a crash, with recovery on start. */
  async restart(mode: 'fast' | 'immediate'): Promise<void> {
    await this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, 'stop']);
    await this.ctl('start');
  }

  async ready(): Promise<boolean> {
    return this.run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(this.port)]).then(() => true, () => false);
  }

  async stop(): Promise<void> {
    await this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', 'stop']).catch(() => undefined);
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  private async ctl(action: 'start'): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c max_connections=100`;
    await this.run('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'postgres.log'), '-o', options, '-w', '-t', '60', action]);
    await waitFor(() => this.ready(), { what: 'the soak PostgreSQL to accept connections', timeoutMs: 30_000 });
  }

  private async run(tool: string, args: string[]): Promise<void> {
    const command = path.join(this.bin, tool);
    if (process.getuid?.() === 0) await exec('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: this.dir });
    else await exec(command, args, { cwd: this.dir });
  }
}

/** The soak's own redis-server (no persistence), which a fault may SIGKILL and start again on the same port. */
export class OwnRedis {
  private child?: ChildProcess;
  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const found = await exec('sh', ['-c', 'command -v redis-server']).catch(() => undefined);
    if (!found) throw new MissingService('redis-server not found (apt-get install redis-server)');
    const redis = new OwnRedis(await freePort());
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Whether it died without the soak killing it (a crash the soak did not inject). */
  get crashed(): boolean {
    return this.child !== undefined && (this.child.exitCode !== null || this.child.signalCode !== null);
  }

  async kill(): Promise<void> {
    const child = this.child!;
    this.child = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async launch(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor(() => this.ping(), { what: 'the soak Redis to answer PING', timeoutMs: 15_000 });
  }

  async stop(): Promise<void> {
    if (this.child) await this.kill();
  }

  private ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect(this.port, '127.0.0.1');
      socket.setTimeout(1000, () => socket.destroy());
      socket.on('error', () => resolve(false));
      socket.on('close', () => resolve(false));
      socket.on('data', (data) => {
        resolve(data.toString().startsWith('+PONG'));
        socket.destroy();
      });
      socket.on('connect', () => socket.write('PING\r\n'));
    });
  }
}
