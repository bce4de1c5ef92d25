import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import { loadSwarmFleet, swarmDocker, swarmNode, type SwarmFleet, type SwarmNodeName } from '../support/fleet';
import { waitFor } from '../support/wait';

/**
 * The test fleet's real swarm (test/fleet/fleet.sh): three managers and a worker, each a dockerd in its own network
 * namespace. Proves what later swarm tests stand on: the topology, images on every node, an overlay network carrying
 * traffic between tasks on two nodes by service name, host-mode published ports, the broken image failing its health
 * check (stopping managers for real is exercised by test/swarm/cluster-quorum.test.ts).
 * Docker is driven directly (dockerode); the product is not involved.
 */
describe('the fleet swarm', () => {
  let swarm: SwarmFleet;
  let s1: Docker; // over mutual TLS, at s1's own endpoint
  const run = randomUUID().slice(0, 8);
  const services: string[] = [];
  const networks: string[] = [];

  beforeAll(() => {
    swarm = loadSwarmFleet();
    s1 = swarmDocker(swarm, 's1', 'endpoint');
  });

  // Each test's services go when it ends.
  afterEach(async () => {
    if (!s1) return;
    for (const name of services.splice(0)) await s1.getService(name).remove().catch(() => undefined);
  });

  afterAll(async () => {
    if (!s1) return;
    for (const name of services) await s1.getService(name).remove().catch(() => undefined);
    // A network stays in use until the removed services' tasks are gone on their nodes.
    for (const id of networks) {
      await waitFor(() => s1.getNetwork(id).remove().then(() => true), { what: `network ${id} to be removable`, timeoutMs: 30_000 }).catch(() => undefined);
    }
  });

  const nodeId = async (name: SwarmNodeName) => (await swarmDocker(swarm, name).info()).Swarm.NodeID as string;

  const tasksOf = async (service: string) =>
    (await s1.listTasks({ filters: { service: [service] } })) as Array<{
      NodeID: string;
      DesiredState: string;
      Status: { State: string; Err?: string; ContainerStatus?: { ContainerID?: string; ExitCode?: number } };
    }>;

  async function createService(spec: Record<string, unknown>): Promise<string> {
    const name = spec.Name as string;
    services.push(name);
    await s1.createService(spec);
    return name;
  }

  /** Waits until the service's task is in one of the states; returns it. */
  const taskIn = (service: string, states: string[], timeoutMs = 30_000) =>
    waitFor(async () => (await tasksOf(service)).find((t) => states.includes(t.Status.State)), { what: `a task of ${service} in ${states.join('|')}`, timeoutMs });

  const placed = (name: SwarmNodeName) => ({ Constraints: [`node.labels.fleet.node==${name}`] });

  it('has three managers (one leader, all reachable) and one worker, all ready; s1 answers over mutual TLS', async () => {
    const nodes = await s1.listNodes();
    const seen = nodes
      .map((n: any) => `${n.Spec.Labels['fleet.node']} ${n.Spec.Role} ${n.Status.State} ${n.Status.Addr} ${n.ManagerStatus?.Reachability ?? '-'}`)
      .sort();
    expect(seen).toEqual(
      swarm.nodes.map((n) => `${n.name} ${n.role} ready ${n.address} ${n.role === 'manager' ? 'reachable' : '-'}`).sort(),
    );
    expect(nodes.filter((n: any) => n.ManagerStatus?.Leader)).toHaveLength(1);
    expect(swarm.managerEndpoints).toHaveLength(3);
    expect(swarm.managerEndpoints).toContain(swarm.managerTlsEndpoint);
    expect(new URL(swarm.managerTlsEndpoint).protocol).toBe('https:');
    // Each node is its own engine, in the swarm with its own id.
    const ids = await Promise.all(swarm.nodes.map((n) => nodeId(n.name)));
    expect(new Set(ids).size).toBe(4);
    expect(ids.sort()).toEqual(nodes.map((n: any) => n.ID).sort());
  });

  it('has busybox and web v1, v2, broken on every node', async () => {
    for (const node of swarm.nodes) {
      const tags = (await swarmDocker(swarm, node.name).listImages()).flatMap((i) => i.RepoTags ?? []);
      expect({ node: node.name, tags: [swarm.image, swarm.web.v1, swarm.web.v2, swarm.web.broken].filter((t) => tags.includes(t)) }).toEqual({
        node: node.name,
        tags: [swarm.image, swarm.web.v1, swarm.web.v2, swarm.web.broken],
      });
    }
  });

  it('carries traffic over an overlay network: a task on s4 fetches http://web:8080/ from a task on s2', async () => {
    const network = await s1.createNetwork({ Name: `fleet-swarm-${run}`, Driver: 'overlay', Attachable: true, CheckDuplicate: true });
    networks.push(network.id);
    // dnsrr: the name resolves to the task's own address. The default (a virtual IP) needs IPVS, which this kernel
    // lacks (test/fleet/README.md): traffic to the VIP answers "No route to host".
    const web = await createService({
      Name: `web-${run}`,
      TaskTemplate: { ContainerSpec: { Image: swarm.web.v1 }, Placement: placed('s2'), Networks: [{ Target: network.id, Aliases: ['web'] }] },
      Mode: { Replicated: { Replicas: 1 } },
      EndpointSpec: { Mode: 'dnsrr' },
    });
    const webTask = await taskIn(web, ['running']);

    // The client retries briefly while the name spreads to s4 (gossip); note: busybox 1.35's `wget -T` segfaults.
    const client = await createService({
      Name: `client-${run}`,
      TaskTemplate: {
        ContainerSpec: {
          Image: swarm.image,
          Command: ['sh', '-c', 'for i in $(seq 1 50); do if page=$(timeout 5 wget -q -O- http://web:8080/); then echo "got:$page"; exit 0; fi; sleep 0.2; done; exit 7'],
        },
        Placement: placed('s4'),
        Networks: [{ Target: network.id }],
        RestartPolicy: { Condition: 'none' },
      },
      Mode: { Replicated: { Replicas: 1 } },
    });
    const done = await taskIn(client, ['complete', 'failed', 'rejected'], 60_000);
    expect({ state: done.Status.State, exit: done.Status.ContainerStatus?.ExitCode, err: done.Status.Err }).toEqual({ state: 'complete', exit: 0, err: undefined });

    const [s2Id, s4Id] = [await nodeId('s2'), await nodeId('s4')];
    expect(webTask.NodeID).toBe(s2Id);
    expect(done.NodeID).toBe(s4Id);
    expect(s2Id).not.toBe(s4Id);
    // The page came from the web task: its container's log on s4 (read through s4's own engine).
    const logs = await swarmDocker(swarm, 's4').getContainer(done.Status.ContainerStatus!.ContainerID!).logs({ stdout: true, stderr: true });
    expect(logs.toString()).toContain('got:v1');
  });

  it('publishes a host-mode port on the node: fetched from the root namespace at the node address', async () => {
    // A task with a published port must be on an overlay network: the port is bound on that node's docker_gwbridge
    // (a task on no network lands on the default bridge, which the fleet's daemons do not have).
    const network = await s1.createNetwork({ Name: `fleet-swarm-ports-${run}`, Driver: 'overlay', CheckDuplicate: true });
    networks.push(network.id);
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const web = await createService({
      Name: `web-v2-${run}`,
      TaskTemplate: { ContainerSpec: { Image: swarm.web.v2 }, Placement: placed('s3'), Networks: [{ Target: network.id }] },
      Mode: { Replicated: { Replicas: 1 } },
      EndpointSpec: { Ports: [{ Protocol: 'tcp', TargetPort: 8080, PublishedPort: port, PublishMode: 'host' }] },
    });
    const task = await taskIn(web, ['running']);
    expect(task.NodeID).toBe(await nodeId('s3'));
    const url = `http://${swarmNode(swarm, 's3').address}:${port}/`;
    const page = await waitFor(() => fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => (r.ok ? r.text() : undefined)), { what: url, timeoutMs: 15_000 });
    expect(page).toBe('v2\n');
  });

  it('runs a service whose image is only in the fleet registry: the node pulls it from 127.0.0.1:5000', async () => {
    const reference = `${swarm.registry}/fleet/swarm-pull-${run}:1`;
    const [repo, tag] = [reference.slice(0, reference.lastIndexOf(':')), '1'];
    const s1Local = swarmDocker(swarm, 's1');
    await s1Local.getImage(swarm.web.v2).tag({ repo, tag });
    const pushed = await s1Local.getImage(reference).push({ authconfig: { serveraddress: swarm.registry } });
    const pushLog = await new Promise<any[]>((resolve, reject) => s1Local.modem.followProgress(pushed, (e: Error | null, out: any[]) => (e ? reject(e) : resolve(out))));
    expect(pushLog.filter((m) => m.error)).toEqual([]);
    await s1Local.getImage(reference).remove();
    const s4 = swarmDocker(swarm, 's4');
    await expect(s4.getImage(reference).inspect()).rejects.toThrow(/No such image/);

    const web = await createService({
      Name: `pulled-${run}`,
      TaskTemplate: { ContainerSpec: { Image: reference }, Placement: placed('s4') },
      Mode: { Replicated: { Replicas: 1 } },
    });
    const task = await taskIn(web, ['running'], 60_000);
    expect(task.NodeID).toBe(await nodeId('s4'));
    expect((await s4.getImage(reference).inspect()).RepoTags).toContain(reference);
    await s1.getService(web).remove();
    services.splice(services.indexOf(web), 1);
    await waitFor(async () => (await s4.listContainers({ all: true, filters: { ancestor: [reference] } })).length === 0, { what: 'the pulled task to go', timeoutMs: 30_000 });
    await s4.getImage(reference).remove();
  });

  it('runs fleet/web:broken, which never gets healthy: swarm fails its task as unhealthy', async () => {
    const broken = await createService({
      Name: `broken-${run}`,
      TaskTemplate: { ContainerSpec: { Image: swarm.web.broken }, Placement: placed('s1'), RestartPolicy: { Condition: 'none' } },
      Mode: { Replicated: { Replicas: 1 } },
    });
    const failed = await taskIn(broken, ['failed'], 60_000);
    expect(failed.Status.Err).toMatch(/unhealthy/);
  });
  // Stopping managers for real (fleet.sh swarm-stop / swarm-start) is exercised through the product by
  // test/swarm/cluster-quorum.test.ts, and the Engine's own "does not have a leader" by test/docker/swarm-quorum.test.ts;
  // the timings are in test/fleet/README.md.
});
