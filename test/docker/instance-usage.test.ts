import Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { usageFromStats } from '../../src/docker/docker.mapping';
import { Permission } from '../../src/auth/permissions';
import {
  CancelContainerInstanceDocument,
  ContainerInstanceDocument,
  ContainerInstanceStatus,
  DockerHostEnvironment,
  RegisterDockerHostDocument,
  RunContainerInstanceDocument,
} from '../generated/graphql';
import { loadSwarmFleet, swarmNode } from '../support/fleet';
import { TestServer } from '../support/harness';
import { waitFor } from '../support/wait';

/**
 * A run's metered usage checked against the host's own counters (`docker stats`: the Engine's one-shot stats of the
 * same container, read through the node's setup socket, folded by the same formula), on the swarm worker s4 used as
 * a plain Docker host. The run holds a known amount of memory (a file in its /dev/shm tmpfs, which the kernel charges
 * to the container's cgroup), writes a file into its writable layer, sends and receives known byte counts to a
 * listener in the root namespace (10.210.10.1, reached through a user-defined bridge: the daemons run --bridge none),
 * then sleeps, so every counter is steady when compared.
 */
const NETWORK = 'instances-test-net';
const ROOT_ADDRESS = '10.210.10.1';
const HELD_MB = 24;
const SENT_BYTES = 300_000;
const RECEIVED_BYTES = 500_000;
const LAYER_BYTES = 512 * 1024;
const MB = 1024 * 1024;
/** Memory: the run's own few pages (shell, sleep) come on top of the held file; and frames are a second apart. */
const MEMORY_TOLERANCE_MB = 4;
/** Network: the counters include the handshakes, ARP and acknowledgements, and are steady once the exchange is done. */
const NETWORK_TOLERANCE = 0.05;

function listen(onConnection: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer(onConnection);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, ROOT_ADDRESS, () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe('container instance usage against the host\'s own counters', () => {
  let server: TestServer;
  let docker: Docker;
  let token: string;
  let hostId: string;
  let sink: { server: Server; port: number };
  let source: { server: Server; port: number };
  let sunk = 0;

  beforeAll(async () => {
    server = await TestServer.syncing({ INSTANCE_LEASE_SECONDS: '3', INSTANCE_USAGE_FLUSH_MS: '500' });
    const s4 = swarmNode(loadSwarmFleet(), 's4');
    docker = new Docker({ socketPath: s4.socket.replace('unix://', '') });
    // Docker allows two networks of one name, and then neither can be named: made only when none exists.
    const existing = await docker.listNetworks({ filters: { name: [NETWORK] } });
    if (!existing.some((n) => n.Name === NETWORK)) await docker.createNetwork({ Name: NETWORK });
    // The sink reads what the run sends and closes once it has it all; the source sends its bytes and closes.
    sink = await listen((socket) => {
      socket.on('data', (chunk: Buffer) => {
        sunk += chunk.length;
      });
      socket.on('end', () => socket.end());
      socket.on('error', () => undefined);
    });
    source = await listen((socket) => {
      socket.on('error', () => undefined);
      socket.end(Buffer.alloc(RECEIVED_BYTES, 7));
    });
    token = await server.token({ accountId: `usage-${randomUUID()}`, permissions: [Permission.DockerHostsManage, Permission.DockerHostsRead] });
    hostId = (await server.ok(RegisterDockerHostDocument, { input: { name: `s4-${randomUUID().slice(0, 6)}`, apiEndpoint: s4.endpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600 } }, token)).registerDockerHost.id;
  });
  afterAll(async () => {
    await server?.close();
    sink?.server.close();
    source?.server.close();
  });

  const get = async (id: string) => (await server.ok(ContainerInstanceDocument, { id }, token)).containerInstance;
  const rawUsage = async (containerId: string) => usageFromStats((await docker.getContainer(containerId).stats({ stream: false })) as unknown as Record<string, unknown>);
  const within = (value: number, expected: number, fraction: number) => Math.abs(value - expected) <= Math.max(1, expected * fraction);

  it('meters memory and network within tolerance of docker stats while it runs, and keeps peak, last and storage after it ends', async () => {
    const script = [
      `dd if=/dev/zero of=/dev/shm/held bs=1M count=${HELD_MB} 2>/dev/null`,
      `dd if=/dev/zero of=/layer.bin bs=1k count=${LAYER_BYTES / 1024} 2>/dev/null`,
      `head -c ${SENT_BYTES} /dev/zero | nc ${ROOT_ADDRESS} ${sink.port}`,
      `nc ${ROOT_ADDRESS} ${source.port} </dev/null | wc -c`,
      'sleep 120',
    ].join('\n');
    const spec = { name: `usage-${randomUUID().slice(0, 8)}`, container: { image: 'fleet/busybox', command: ['sh', '-c', script], network: NETWORK }, timeoutSeconds: 150, killGraceSeconds: 1, memoryMb: 64, cpuMillicores: 200 };
    const { runContainerInstance: started } = await server.ok(RunContainerInstanceDocument, { input: { spec, hostId } }, token);

    // Flushed usage showing the exchange done and the memory held: from then on every counter is steady.
    const metered = await waitFor(async () => {
      const instance = await get(started.id);
      const u = instance.usage;
      return instance.status === ContainerInstanceStatus.Running && u && u.networkBytesIn >= RECEIVED_BYTES && u.networkBytesOut >= SENT_BYTES && u.memoryUsedMb >= HELD_MB ? instance : null;
    }, { timeoutMs: 45_000, what: 'flushed usage with the exchange done' });
    expect(sunk).toBe(SENT_BYTES);
    const raw = await rawUsage(metered.containerId!);
    // One more flush after the raw read, so both sides saw the same steady state.
    const running = await waitFor(async () => {
      const instance = await get(started.id);
      return instance.usage!.samples > metered.usage!.samples + 1 ? instance : null;
    }, { timeoutMs: 10_000, what: 'a later flush' });
    const usage = running.usage!;
    const rawMb = raw.memoryBytes / MB;
    expect(rawMb).toBeGreaterThanOrEqual(HELD_MB);
    expect(Math.abs(usage.memoryUsedMb - rawMb)).toBeLessThanOrEqual(MEMORY_TOLERANCE_MB);
    expect(usage.peakMemoryUsedMb).toBeGreaterThanOrEqual(usage.memoryUsedMb);
    expect(within(usage.networkBytesIn, raw.networkRxBytes, NETWORK_TOLERANCE)).toBe(true);
    expect(within(usage.networkBytesOut, raw.networkTxBytes, NETWORK_TOLERANCE)).toBe(true);
    expect(usage.sampledAt).not.toBeNull();

    await server.ok(CancelContainerInstanceDocument, { id: started.id }, token);
    const ended = await waitFor(async () => {
      const instance = await get(started.id);
      return instance.status === ContainerInstanceStatus.Cancelled ? instance : null;
    }, { timeoutMs: 30_000, what: 'the run cancelled' });
    const kept = ended.usage!;
    // What it used while it ran is kept: the stopped container's all-zero last frame does not overwrite it.
    expect(Math.abs(kept.memoryUsedMb - rawMb)).toBeLessThanOrEqual(MEMORY_TOLERANCE_MB);
    expect(Math.abs(kept.peakMemoryUsedMb - rawMb)).toBeLessThanOrEqual(MEMORY_TOLERANCE_MB);
    expect(kept.peakMemoryUsedMb).toBeGreaterThanOrEqual(kept.memoryUsedMb);
    expect(kept.networkBytesIn).toBeGreaterThanOrEqual(usage.networkBytesIn);
    expect(kept.networkBytesOut).toBeGreaterThanOrEqual(usage.networkBytesOut);
    expect(within(kept.networkBytesIn, raw.networkRxBytes, NETWORK_TOLERANCE)).toBe(true);
    expect(within(kept.networkBytesOut, raw.networkTxBytes, NETWORK_TOLERANCE)).toBe(true);
    // The writable layer: the file the run wrote (plus what busybox writes of its own, if anything).
    expect(kept.storageUsedBytes).toBeGreaterThanOrEqual(LAYER_BYTES);
    expect(kept.storageUsedBytes).toBeLessThan(LAYER_BYTES + MB);
    expect(kept.samples).toBeGreaterThanOrEqual(usage.samples);
  }, 120_000);

  it('keeps the last reading of a run that exits on its own, not the stopped container\'s empty final frame', async () => {
    const script = `dd if=/dev/zero of=/dev/shm/held bs=1M count=${HELD_MB} 2>/dev/null; sleep 4`;
    const spec = { name: `usage-${randomUUID().slice(0, 8)}`, container: { image: 'fleet/busybox', command: ['sh', '-c', script] }, timeoutSeconds: 60, killGraceSeconds: 1, memoryMb: 64, cpuMillicores: 200 };
    const { runContainerInstance: started } = await server.ok(RunContainerInstanceDocument, { input: { spec, hostId } }, token);
    const ended = await waitFor(async () => {
      const instance = await get(started.id);
      return instance.status === ContainerInstanceStatus.Completed ? instance : null;
    }, { timeoutMs: 30_000, what: 'the run completed' });
    const kept = ended.usage!;
    expect(kept.samples).toBeGreaterThanOrEqual(2);
    expect(Math.abs(kept.memoryUsedMb - HELD_MB)).toBeLessThanOrEqual(MEMORY_TOLERANCE_MB);
    expect(Math.abs(kept.peakMemoryUsedMb - HELD_MB)).toBeLessThanOrEqual(MEMORY_TOLERANCE_MB);
  }, 60_000);
});
