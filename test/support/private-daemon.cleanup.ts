import { execFile } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Clean-up of private daemons (private-daemon.ts), whatever state they are in, and the /proc helpers it needs.
 * Everything a private daemon <name> owns: the folder PRIVATE/<name>, the cgroup /fleet-private-<name>, the network
 * namespace fleet-pd-<name>, and its shims' sockets in /run/containerd/s.
 */
const STATE = path.resolve(process.env.FLEET_STATE_DIR ?? '/var/lib/fleet-test');
export const PRIVATE = path.join(STATE, 'private');
const CGROUP_ROOT = '/sys/fs/cgroup';
export const run = promisify(execFile);

export function cgroupOf(name: string): string {
  return `/fleet-private-${name}`;
}

export function netnsOf(name: string): string {
  return `fleet-pd-${name}`;
}

/**
 * Removes what a private daemon left, whatever state it is in (running, killed, half-started): every process by its
 * paths (dockerd, containerd, shims) or its cgroup (containers), then mounts, cgroups, network namespace, shim sockets
 * and files.
 */
export async function reap(dir: string, name: string): Promise<void> {
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
export async function reapStale(): Promise<void> {
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
export function ownerStamp(pid: number): string | undefined {
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

// ------------------------------------------------------------------------------------------------- processes

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

export function commOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

export async function readPid(file: string): Promise<number | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(25);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
