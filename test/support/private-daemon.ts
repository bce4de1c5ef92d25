import Docker from 'dockerode';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { loadFleet } from './fleet';
import { alive, cgroupOf, commOf, netnsOf, ownerStamp, PRIVATE, readPid, reap, reapStale, run, sleep, until } from './private-daemon.cleanup';

export { alive, mountsUnder } from './private-daemon.cleanup';

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

const START_TIMEOUT_MS = 60_000; // a restart waits for the restore, which may wait out containers' stop timeouts
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
    const daemon = new PrivateDaemon(name, dir, options.liveRestore ?? false);
    try {
      // Its own empty config: /etc/docker/daemon.json belongs to the main daemon.
      await fs.writeFile(path.join(dir, 'daemon.json'), '{}\n');
      if (existsSync(`/var/run/netns/${netnsOf(name)}`)) await run('ip', ['netns', 'del', netnsOf(name)]); // a stale one
      await run('ip', ['netns', 'add', netnsOf(name)]);
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
      child.once('error', () => resolve()); // could not spawn (no nsenter)
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
