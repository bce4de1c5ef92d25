import Docker from 'dockerode';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, promises as fs, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadFleet } from './fleet';

/**
 * A dockerd that one test owns: it may kill -9 it, restart it on the same state, and throw it away. It runs in a
 * network namespace of its own (`fleet-pd-<name>`, loopback only) with `--bridge none --iptables=false
 * --ip-forward=false`, and answers on a unix socket only (a socket file works across network namespaces; put a
 * TcpProxy in front of it for a tcp:// endpoint). Containers on it need `NetworkMode: 'none'` (or 'host': the
 * namespace's loopback): there is no `bridge` network. Everything it owns is under `$FLEET_STATE_DIR/private/<name>`
 * (data-root, exec-root with its managed containerd, socket, pid file, log), plus the cgroup `/fleet-private-<name>`
 * (its `--cgroup-parent`), its network namespace and its shims' sockets in /run/containerd/s; `stop()` removes all of it.
 *
 * Why its own namespace, even with --bridge none: dockerd 20.10 started with `--bridge none` DELETES the interface
 * named docker0 of its network namespace at start (daemon_unix.go: DisableBridge -> removeDefaultBridgeInterface), so
 * in the root namespace it would take the main daemon's docker0 away ("could not find bridge docker0").
 *
 * What a kill -9 does (dockerd 20.10.24, containerd 1.6.20, measured):
 * - dockerd starts its managed containerd with Pdeathsig=SIGKILL, so containerd dies with it; the containers' shims
 *   (containerd-shim-runc-v2, re-parented) and the containers' processes keep running. /_ping fails (no listener).
 * - On restart the API answers only once the containers are restored. The new containerd re-attaches to the live
 *   shims. Without live-restore (the default here), dockerd then STOPS every container still running: the stop
 *   signal, then after the container's StopTimeout (default 10 s: a restart blocks that long for a PID 1 that ignores
 *   SIGTERM, like `sleep`) SIGKILL. So it is reported `exited` with the real code (137 for `sleep`, or what its TERM
 *   handler exits with), FinishedAt = the restart. Restart policy `always` starts it again after that; `unless-stopped`
 *   does NOT (the restore's stop counts as a manual stop); `no` leaves it exited.
 * - A container whose process died during the outage is reported `exited` with its real exit code and its real
 *   FinishedAt (the shim kept them), before the restart.
 * - With `liveRestore: true` running containers are kept (same pid), and restart answers in ~0.1 s.
 */
export interface PrivateDaemonOptions {
  /** [A-Za-z0-9_.-], at most 40: the folder and cgroup name. Default: unique per process and call. */
  name?: string;
  /** `--live-restore`: containers keep running across a dockerd crash and restart. */
  liveRestore?: boolean;
}

const STATE = path.resolve(process.env.FLEET_STATE_DIR ?? '/var/lib/fleet-test');
const PRIVATE = path.join(STATE, 'private');
const CGROUP_ROOT = '/sys/fs/cgroup';
const START_TIMEOUT_MS = 60_000; // a restart waits for the restore, which may wait out containers' stop timeouts
const run = promisify(execFile);
let sequence = 0;

export class PrivateDaemon {
  /** A dockerode client to this daemon, for the test's own actions and assertions. */
  readonly docker: Docker;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private stopped = false;

  private constructor(
    readonly name: string,
    /** The folder holding all of this daemon's state. */
    readonly dir: string,
    private readonly liveRestore: boolean,
  ) {
    this.docker = new Docker({ socketPath: this.socketPath });
  }

  get socketPath(): string {
    return path.join(this.dir, 'docker.sock');
  }
  /** What to register as the host's apiEndpoint. */
  get endpoint(): string {
    return `unix://${this.socketPath}`;
  }
  get dataRoot(): string {
    return path.join(this.dir, 'data');
  }
  get execRoot(): string {
    return path.join(this.dir, 'exec');
  }
  get logFile(): string {
    return path.join(this.dir, 'dockerd.log');
  }
  get cgroupParent(): string {
    return cgroupOf(this.name);
  }
  /** Its network namespace (`ip netns` name): loopback only. */
  get netns(): string {
    return netnsOf(this.name);
  }
  /** The pid of the running dockerd, if one runs. */
  get pid(): number | undefined {
    return this.running ? this.child!.pid : undefined;
  }
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts a fresh daemon (~0.15 s) and loads fleet/busybox:latest into it from the main daemon (~0.2 s). */
  static async start(options: PrivateDaemonOptions = {}): Promise<PrivateDaemon> {
    const name = options.name ?? `pd-${process.pid}-${++sequence}`;
    if (!/^[A-Za-z0-9_.-]{1,40}$/.test(name) || name.startsWith('.')) throw new Error(`bad private daemon name "${name}"`);
    await reapStale();
    const dir = path.join(PRIVATE, name);
    await fs.mkdir(PRIVATE, { recursive: true });
    await fs.mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST' ? new Error(`a private daemon named "${name}" is in use (${dir})`) : error;
    });
    await fs.writeFile(path.join(dir, 'owner'), ownerStamp(process.pid) ?? String(process.pid));
    // Its own empty config: /etc/docker/daemon.json belongs to the main daemon.
    await fs.writeFile(path.join(dir, 'daemon.json'), '{}\n');
    if (existsSync(path.join('/var/run/netns', netnsOf(name)))) await run('ip', ['netns', 'del', netnsOf(name)]); // a stale one
    await run('ip', ['netns', 'add', netnsOf(name)]).catch(async (error: unknown) => {
      await fs.rm(dir, { recursive: true, force: true });
      throw error;
    });
    const daemon = new PrivateDaemon(name, dir, options.liveRestore ?? false);
    try {
      await run('ip', ['-n', netnsOf(name), 'link', 'set', 'lo', 'up']);
      await daemon.launch();
      await daemon.loadFleetImage();
    } catch (error) {
      await daemon.stop();
      throw error;
    }
    return daemon;
  }

  /** Whether /_ping answers OK now (1 s timeout). */
  ping(): Promise<boolean> {
    return pingSocket(this.socketPath);
  }

  /**
   * SIGKILL dockerd only, like a crash mid-operation. Resolves once it is gone and its managed containerd has died
   * (Pdeathsig); shims and containers keep running.
   */
  async kill(): Promise<void> {
    if (!this.running) throw new Error(`private dockerd ${this.name} is not running`);
    const containerd = await readPid(path.join(this.execRoot, 'containerd', 'containerd.pid'));
    this.child!.kill('SIGKILL');
    await this.exited;
    if (containerd) await until(() => !alive(containerd), 5_000).catch(() => undefined); // if it lives, dockerd adopts it
  }

  /** Starts dockerd again on the same data-root and exec-root; resolves when /_ping answers (after the restore). */
  async restart(): Promise<void> {
    if (this.stopped) throw new Error(`private dockerd ${this.name} was stopped`);
    if (this.running) throw new Error(`private dockerd ${this.name} is running: kill() it first`);
    // dockerd refuses to start while its pid file names any existing process (a zombie, or a recycled pid). And it
    // adopts the containerd its containerd.pid names when kill(pid, 0) succeeds, which it does for a zombie: the dead
    // containerd, re-parented to PID 1 (which here reaps orphans only every ~2 s), would be "still running", and the
    // restart would fail after ~15 s with "timeout waiting for containerd to start". A live one is kept (adopted).
    await fs.rm(path.join(this.dir, 'docker.pid'), { force: true });
    const containerdPidFile = path.join(this.execRoot, 'containerd', 'containerd.pid');
    const containerd = await readPid(containerdPidFile);
    if (containerd && !(alive(containerd) && commOf(containerd) === 'containerd')) await fs.rm(containerdPidFile, { force: true });
    await this.launch();
  }

  /**
   * The host pid of a container's init process, read from its shim's state (works while dockerd is down, for a test
   * that kills a container's process during the outage). `id` may be a unique prefix of the full id.
   */
  async containerPid(id: string): Promise<number> {
    const tasks = path.join(this.execRoot, 'containerd', 'daemon', 'io.containerd.runtime.v2.task', 'moby');
    const found = (await fs.readdir(tasks).catch(() => [] as string[])).filter((task) => task.startsWith(id));
    if (found.length !== 1) throw new Error(`container ${id}: ${found.length === 0 ? 'no running task' : 'ambiguous id'} on ${this.name}`);
    const pid = await readPid(path.join(tasks, found[0]!, 'init.pid'));
    if (!pid) throw new Error(`container ${id}: no init.pid`);
    return pid;
  }

  /** Removes everything: dockerd, its containerd, shims and containers (SIGKILL), mounts, cgroups, files. Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.running) this.child!.kill('SIGKILL');
    await this.exited;
    await reap(this.dir, this.name);
  }

  private async launch(): Promise<void> {
    const args = [
      // nsenter execs dockerd (same pid). Not `ip netns exec`: it remounts /sys and hides the cgroup mounts.
      `--net=/var/run/netns/${this.netns}`, 'dockerd',
      '--config-file', path.join(this.dir, 'daemon.json'),
      '--data-root', this.dataRoot,
      '--exec-root', this.execRoot,
      '--pidfile', path.join(this.dir, 'docker.pid'),
      '--host', this.endpoint,
      '--bridge', 'none', '--iptables=false', '--ip-forward=false',
      '--cgroup-parent', this.cgroupParent,
      ...(this.liveRestore ? ['--live-restore'] : []),
    ];
    // No DOCKER_* from the test's environment (DOCKER_TMPDIR, DOCKER_DRIVER... are read by dockerd).
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('DOCKER_')));
    const log = openSync(this.logFile, 'a');
    let child: ChildProcess;
    try {
      // Detached (own session) and unref'd: a test that forgets stop() does not hang jest; the next start() reaps it.
      child = spawn('nsenter', args, { detached: true, stdio: ['ignore', log, log], env });
    } finally {
      closeSync(log);
    }
    child.unref();
    this.child = child;
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve()); // could not spawn (no dockerd binary)
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (!this.running) throw new Error(`private dockerd ${this.name} exited while starting:\n${await this.logTail()}`);
      if (await this.ping()) return;
      if (Date.now() > deadline) throw new Error(`private dockerd ${this.name} does not answer /_ping:\n${await this.logTail()}`);
      await sleep(50);
    }
  }

  /** `docker save` from the main daemon, `docker load` here: same image id as on the fleet. */
  private async loadFleetImage(): Promise<void> {
    const fleet = loadFleet();
    const main = new Docker({ socketPath: new URL(fleet.socketEndpoint).pathname });
    const tar = await main.getImage(fleet.image).get();
    const answer = await this.docker.loadImage(tar, { quiet: true });
    let text = '';
    for await (const chunk of answer as AsyncIterable<Buffer>) text += chunk.toString();
    const failure = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { error?: string }).find((m) => m.error);
    if (failure) throw new Error(`loading ${fleet.image} into ${this.name}: ${failure.error}`);
  }

  private async logTail(): Promise<string> {
    const text = await fs.readFile(this.logFile, 'utf8').catch(() => '');
    return text.split('\n').slice(-15).join('\n');
  }
}

// ------------------------------------------------------------------------------------------------------- clean-up

function cgroupOf(name: string): string {
  return `/fleet-private-${name}`;
}

function netnsOf(name: string): string {
  return `fleet-pd-${name}`;
}

/**
 * Removes what a private daemon left, whatever state it is in (running, killed, half-started): every process by its
 * paths (dockerd, containerd, shims) or its cgroup (containers), then mounts, cgroups, network namespace, shim sockets
 * and files.
 */
async function reap(dir: string, name: string): Promise<void> {
  const shimSockets = await shimSocketsOf(dir);
  for (let round = 0; round < 10; round++) {
    const pids = [...new Set([...(await pidsByPath(dir)), ...(await pidsInCgroup(name))])].filter((p) => p !== process.pid);
    if (pids.length === 0) break;
    for (const pid of pids) signal(pid, 'SIGKILL');
    await until(() => pids.every((pid) => !alive(pid)), 5_000).catch(() => undefined);
  }
  for (let round = 0; round < 5; round++) {
    const mounts = await mountsUnder(dir);
    if (mounts.length === 0) break;
    // Deepest first; lazy, so a mount a dying process still holds is detached at once.
    await run('umount', ['-l', ...mounts]).catch(() => undefined);
  }
  const controllers = await fs.readdir(CGROUP_ROOT).catch(() => [] as string[]);
  await until(async () => {
    const left = await Promise.all(controllers.map((c) => removeCgroup(path.join(CGROUP_ROOT, c, cgroupOf(name)))));
    return left.every((gone) => gone);
  }, 5_000).catch(() => undefined);
  if (existsSync(path.join('/var/run/netns', netnsOf(name)))) await run('ip', ['netns', 'del', netnsOf(name)]).catch(() => undefined);
  await Promise.all(shimSockets.map((socket) => fs.rm(socket, { force: true })));
  await fs.rm(dir, { recursive: true, force: true });
}

/** Private daemons whose test process is gone (crashed, killed, or forgot stop()). */
async function reapStale(): Promise<void> {
  for (const name of await fs.readdir(PRIVATE).catch(() => [] as string[])) {
    const dir = path.join(PRIVATE, name);
    const owner = await fs.readFile(path.join(dir, 'owner'), 'utf8').catch(() => undefined);
    if (owner === undefined) {
      // Being created right now by another process, or left by something else: only old ones are reaped.
      const stat = await fs.stat(dir).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs < 60_000) continue;
    } else if (ownerStamp(Number(owner.split(' ')[0])) === owner.trim()) {
      continue; // its owner still runs
    }
    await reap(dir, name);
  }
}

/** "pid starttime": a recycled pid does not pass for the owner. */
function ownerStamp(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return `${pid} ${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}`;
  } catch {
    return undefined;
  }
}

async function shimSocketsOf(dir: string): Promise<string[]> {
  const tasks = path.join(dir, 'exec', 'containerd', 'daemon', 'io.containerd.runtime.v2.task');
  const sockets: string[] = [];
  for (const namespace of await fs.readdir(tasks).catch(() => [] as string[])) {
    for (const id of await fs.readdir(path.join(tasks, namespace)).catch(() => [] as string[])) {
      const address = await fs.readFile(path.join(tasks, namespace, id, 'address'), 'utf8').catch(() => '');
      const socket = address.trim().replace(/^unix:\/\//, '');
      if (socket.startsWith('/run/containerd/s/')) sockets.push(socket);
    }
  }
  return sockets;
}

async function pidsByPath(dir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await fs.readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.replace(/\0/g, ' ').includes(`${dir}/`)) pids.push(Number(entry));
  }
  return pids;
}

async function pidsInCgroup(name: string): Promise<number[]> {
  const pids: number[] = [];
  const walk = async (cgroup: string): Promise<void> => {
    const entries = await fs.readdir(cgroup, { withFileTypes: true }).catch(() => []);
    const procs = await fs.readFile(path.join(cgroup, 'cgroup.procs'), 'utf8').catch(() => '');
    pids.push(...procs.split('\n').filter(Boolean).map(Number));
    await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => walk(path.join(cgroup, e.name))));
  };
  for (const controller of await fs.readdir(CGROUP_ROOT).catch(() => [] as string[])) {
    await walk(path.join(CGROUP_ROOT, controller, cgroupOf(name)));
  }
  return pids;
}

/** rmdir of a cgroup and its children, deepest first; true when it is gone. */
async function removeCgroup(cgroup: string): Promise<boolean> {
  const entries = await fs.readdir(cgroup, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return true;
  await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => removeCgroup(path.join(cgroup, e.name))));
  await fs.rmdir(cgroup).catch(() => undefined);
  return !existsSync(cgroup);
}

/** Mount points at or under dir, deepest first (mountinfo escapes blanks as octal). */
export async function mountsUnder(dir: string): Promise<string[]> {
  const mountinfo = await fs.readFile('/proc/self/mountinfo', 'utf8');
  return mountinfo
    .split('\n')
    .map((line) => line.split(' ')[4]?.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(parseInt(octal, 8))))
    .filter((point): point is string => point !== undefined && (point === dir || point.startsWith(`${dir}/`)))
    .sort((a, b) => b.length - a.length);
}

// --------------------------------------------------------------------------------------------------------- helpers

function pingSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ socketPath, path: '/_ping', timeout: 1_000, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(response.statusCode === 200 && body === 'OK'));
      response.on('error', () => resolve(false));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/** A process that runs: not gone, not a zombie waiting to be reaped. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function commOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

async function readPid(file: string): Promise<number | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(25);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
