import type Docker from 'dockerode';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { alive, mountsUnder, PrivateDaemon } from '../support/private-daemon';

const run = promisify(execFile);
const IMAGE = 'fleet/busybox:latest';

/** `sleep 3600` without network (a private daemon has no bridge). */
async function sleeper(daemon: PrivateDaemon, name: string, extra: Partial<Docker.ContainerCreateOptions> = {}) {
  const container = await daemon.docker.createContainer({ name, Image: IMAGE, Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'none' }, ...extra });
  await container.start();
  return container;
}

function shimSocket(daemon: PrivateDaemon, id: string): string {
  const address = readFileSync(path.join(daemon.execRoot, 'containerd/daemon/io.containerd.runtime.v2.task/moby', id, 'address'), 'utf8');
  return address.trim().replace(/^unix:\/\//, '');
}

/** Whatever of the daemon is still on the machine. */
async function leftovers(daemon: PrivateDaemon, shimSockets: string[]) {
  const processes = await run('pgrep', ['-a', '-f', daemon.dir]).then(
    ({ stdout }) => stdout.trim(),
    () => '', // exit 1: no process matched
  );
  return {
    processes,
    mounts: await mountsUnder(daemon.dir),
    cgroups: readdirSync('/sys/fs/cgroup').filter((controller) => existsSync(path.join('/sys/fs/cgroup', controller, daemon.cgroupParent))),
    shimSockets: shimSockets.filter((socket) => existsSync(socket)),
    netns: existsSync(path.join('/var/run/netns', daemon.netns)),
    files: existsSync(daemon.dir),
  };
}
const NOTHING = { processes: '', mounts: [], cgroups: [], shimSockets: [], netns: false, files: false };

async function waitGone(pid: number): Promise<void> {
  for (const deadline = Date.now() + 5_000; alive(pid); ) {
    if (Date.now() > deadline) throw new Error(`process ${pid} still alive`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe(PrivateDaemon.name, () => {
  jest.setTimeout(60_000);

  it('after a kill -9 of dockerd and a restart, reports the containers as the restarted dockerd left them', async () => {
    const daemon = await PrivateDaemon.start();
    let sockets: string[] = [];
    try {
      expect(await daemon.docker.getImage(IMAGE).inspect()).toMatchObject({ RepoTags: [IMAGE] });
      // StopTimeout 1: the restore stops it with SIGTERM, which `sleep` as PID 1 ignores, then SIGKILL after the stop
      // timeout (10 s by default: the restart would wait that long).
      const survivor = await sleeper(daemon, 'survivor', { StopTimeout: 1 });
      const victim = await sleeper(daemon, 'victim');
      sockets = [shimSocket(daemon, survivor.id), shimSocket(daemon, victim.id)];
      const survivorPid = await daemon.containerPid(survivor.id);
      const victimPid = await daemon.containerPid(victim.id.slice(0, 12));
      expect((await survivor.inspect()).State.Pid).toBe(survivorPid);

      await daemon.kill();
      expect(await daemon.ping()).toBe(false);
      await expect(daemon.docker.ping()).rejects.toThrow();
      // Shims and containers outlive dockerd (and its containerd).
      expect([alive(survivorPid), alive(victimPid)]).toEqual([true, true]);
      process.kill(victimPid, 'SIGKILL'); // the victim dies during the outage
      await waitGone(victimPid);

      const restartedAt = Date.now();
      await daemon.restart();
      expect(await daemon.ping()).toBe(true);
      const listed = await daemon.docker.listContainers({ all: true });
      const byName = Object.fromEntries(listed.map((c) => [c.Names[0]!.slice(1), { state: c.State, status: c.Status }]));
      expect(byName).toEqual({
        survivor: { state: 'exited', status: expect.stringMatching(/^Exited \(137\)/) },
        victim: { state: 'exited', status: expect.stringMatching(/^Exited \(137\)/) },
      });
      // Without live-restore the restarted dockerd stopped the survivor itself; the victim keeps its real death.
      const [s, v] = await Promise.all([survivor.inspect(), victim.inspect()]);
      expect([s.State.ExitCode, v.State.ExitCode]).toEqual([137, 137]);
      expect(Date.parse(s.State.FinishedAt)).toBeGreaterThanOrEqual(restartedAt);
      // The victim's death is the one its shim stamped during the outage (that stamp may trail the moment this test saw
      // the pid gone by a few ms, so it is compared with the survivor's, which the restarted dockerd stamps after starting).
      expect(Date.parse(v.State.FinishedAt)).toBeLessThan(Date.parse(s.State.FinishedAt));
      expect(alive(survivorPid)).toBe(false);

      // It came up cleanly: it runs new containers.
      const probe = await daemon.docker.createContainer({ Image: IMAGE, Cmd: ['sh', '-c', 'exit 7'], HostConfig: { NetworkMode: 'none' } });
      await probe.start();
      expect(await probe.wait()).toMatchObject({ StatusCode: 7 });
    } finally {
      await daemon.stop();
    }
    expect(await leftovers(daemon, sockets)).toEqual(NOTHING);
  });

  it('stop() after a kill -9 leaves no process, mount, cgroup, shim socket or file behind', async () => {
    const daemon = await PrivateDaemon.start({ name: `stop-after-kill-${process.pid}` });
    const container = await sleeper(daemon, 'orphan');
    const pid = await daemon.containerPid(container.id);
    const sockets = [shimSocket(daemon, container.id)];
    await daemon.kill();
    expect(alive(pid)).toBe(true);

    await daemon.stop();
    expect(alive(pid)).toBe(false);
    expect(await leftovers(daemon, sockets)).toEqual(NOTHING);
  });

  // dockerd with --bridge none deletes the docker0 of its network namespace: in the root namespace, the main daemon's.
  it("leaves the main daemon's docker0 alone (it runs in a network namespace of its own)", async () => {
    expect(existsSync('/sys/class/net/docker0')).toBe(true);
    const daemon = await PrivateDaemon.start();
    try {
      expect(existsSync('/sys/class/net/docker0')).toBe(true);
      const { stdout } = await run('ip', ['-n', daemon.netns, '-o', 'link', 'show']);
      expect(stdout.trim().split('\n').map((line) => line.split(':')[1]!.trim())).toEqual(['lo']);
      await daemon.kill();
      await daemon.restart();
    } finally {
      await daemon.stop();
    }
    expect(existsSync('/sys/class/net/docker0')).toBe(true);
  });

  it('with liveRestore, a running container survives the crash and the restart with the same process', async () => {
    const daemon = await PrivateDaemon.start({ liveRestore: true });
    try {
      const container = await sleeper(daemon, 'kept');
      const pid = await daemon.containerPid(container.id);
      await daemon.kill();
      await daemon.restart();
      expect((await container.inspect()).State).toMatchObject({ Status: 'running', Pid: pid });
      expect(alive(pid)).toBe(true);
    } finally {
      await daemon.stop();
    }
  });
});
