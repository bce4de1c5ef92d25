import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { DockerHostEnvironment, RegisterSwarmClusterDocument, SwarmEventsDocument, SwarmNodeReservedDocument, SwarmNodeAvailability, SwarmNodesDocument, SwarmTaskChangedDocument, UpdateSwarmNodeDocument, type SwarmTaskChangedSubscription } from '../generated/graphql';
import { TestServer } from '../support/harness';
import { loadSwarmFleet, swarmDocker, type SwarmFleet } from '../support/fleet';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

/** Nodes through the API on the fleet swarm, with the live sync on: a drain moves tasks, and subscribers see it happen. */
describe('swarm nodes on the fleet swarm', () => {
  jest.setTimeout(120_000);
  let server: TestServer;
  let swarm: SwarmFleet;
  let s1: Docker;
  let token: string;
  let clusterId: string;
  const service = `drain-${randomUUID().slice(0, 8)}`;
  const restore: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    swarm = loadSwarmFleet();
    s1 = swarmDocker(swarm, 's1');
    server = await TestServer.start({ SYNC_WORKER_ENABLED: 'true' }, { isolatedDatabase: true });
    token = await server.token();
    clusterId = (await server.ok(RegisterSwarmClusterDocument, { input: { name: 'fleet', environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } }, token)).registerSwarmCluster.id;
  });
  afterAll(async () => {
    for (const undo of restore.reverse()) await undo().catch(() => undefined);
    await s1?.getService(service).remove().catch(() => undefined);
    if (process.env.DEBUG_LOGS) console.log(server.logs.filter((l) => /swarm|cluster|scope|error|warn/i.test(l)).slice(-40).join(''));
    await server?.close();
  });

  const nodeRow = async (label: string) => {
    const { swarmNodes } = await server.ok(SwarmNodesDocument, { filter: { clusterId }, first: 10 }, token);
    return swarmNodes.nodes.find((n) => (n.labels as Record<string, string>)['fleet.node'] === label)!;
  };

  it('drains a node: its tasks are shut down and replaced on other nodes, and subscribers see each step live', async () => {
    const s4 = await nodeRow('s4');
    await s1.createService({ Name: service, TaskTemplate: { ContainerSpec: { Image: swarm.image, Command: ['sleep', '3600'], StopGracePeriod: 1e9 }, Resources: { Reservations: { NanoCPUs: 1e8, MemoryBytes: 16 * 1024 * 1024 } } }, Mode: { Replicated: { Replicas: 4 } } });
    const running = async () => (await s1.listTasks({ filters: { service: [service], 'desired-state': ['running'] } })) as Array<{ ID: string; NodeID: string; Status: { State: string } }>;
    const before = await waitFor(async () => {
      const tasks = await running();
      return tasks.length === 4 && tasks.every((t) => t.Status.State === 'running') && tasks.some((t) => t.NodeID === s4.dockerId) && tasks;
    }, { what: '4 running tasks, one on s4', timeoutMs: 30_000 });
    const onS4 = before.filter((t) => t.NodeID === s4.dockerId).map((t) => t.ID);

    // What the nodes have reserved: the four tasks' reservations, where they were placed.
    await server.app.clusterSync.refresh(clusterId, { kinds: ['service', 'task'] });
    const reserved = (await server.ok(SwarmNodeReservedDocument, { filter: { clusterId } }, token)).swarmNodes.nodes;
    const total = reserved.reduce((sum, n) => ({ cpus: sum.cpus + n.reserved.cpus, memory: sum.memory + n.reserved.memoryBytes, tasks: sum.tasks + n.reserved.tasks }), { cpus: 0, memory: 0, tasks: 0 });
    expect(total.tasks).toBeGreaterThanOrEqual(4); // other tests' tasks may be placed too, without reservations
    expect(total.cpus).toBeCloseTo(0.4, 5);
    expect(total.memory).toBe(4 * 16 * 1024 * 1024);
    expect(reserved.find((n) => n.dockerId === s4.dockerId)!.reserved.memoryBytes).toBe(onS4.length * 16 * 1024 * 1024);

    const client = server.wsClient({ authorization: `Bearer ${token}` });
    const changes = new Collector<SwarmTaskChangedSubscription>(subscribe(client, SwarmTaskChangedDocument, { clusterId }));
    // Another account with the same swarm registered as its own cluster, subscribed to all its task changes: it sees
    // the drain through its own cluster only, never a message of ours.
    const strangerToken = await server.token();
    const strangerCluster = (await server.ok(RegisterSwarmClusterDocument, { input: { name: 'same-swarm', environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } }, strangerToken)).registerSwarmCluster.id;
    const stranger = server.wsClient({ authorization: `Bearer ${strangerToken}` });
    const foreign = new Collector<SwarmTaskChangedSubscription>(subscribe(stranger, SwarmTaskChangedDocument, {}));
    // The subscription is live once a change reaches it: the service's own tasks, synced as they settle, do.
    await server.app.clusterSync.refresh(clusterId, { kinds: ['task'] });
    const started = Date.now();
    restore.push(() => server.request(UpdateSwarmNodeDocument, { id: s4.id, input: { availability: SwarmNodeAvailability.Active } }, token));
    const drained = (await server.ok(UpdateSwarmNodeDocument, { id: s4.id, input: { availability: SwarmNodeAvailability.Drain } }, token)).updateSwarmNode;
    expect(drained.availability).toBe('drain');

    const stopped = await changes.waitFor((m) => onS4.includes(m.swarmTaskChanged.object.dockerId) && m.swarmTaskChanged.object.desiredState === 'shutdown', { what: "s4's task told to shut down", timeoutMs: 20_000 });
    const replaced = await changes.waitFor((m) => m.swarmTaskChanged.object.serviceId === stopped.swarmTaskChanged.object.serviceId && m.swarmTaskChanged.object.nodeId !== s4.dockerId && !before.some((t) => t.ID === m.swarmTaskChanged.object.dockerId) && m.swarmTaskChanged.object.state === 'running', { what: 'a replacement task running elsewhere', timeoutMs: 30_000 });
    console.log(`drain -> replacement task running, seen by a subscriber: ${Date.now() - started} ms`);
    expect(replaced.swarmTaskChanged.change).toMatch(/CREATED|UPDATED/);
    const after = await running();
    expect(after.filter((t) => t.NodeID === s4.dockerId)).toEqual([]);
    await foreign.waitFor((m) => m.swarmTaskChanged.object.nodeId === s4.dockerId && m.swarmTaskChanged.object.desiredState === 'shutdown', { what: "the stranger's own view of the drain", timeoutMs: 20_000 });
    expect(foreign.messages.every((m) => m.swarmTaskChanged.clusterId === strangerCluster)).toBe(true);
    expect(changes.messages.every((m) => m.swarmTaskChanged.clusterId === clusterId)).toBe(true);
    await client.dispose();
    await stranger.dispose();

    // The managers' node and service events are stored as the cluster's SwarmEvents (the stream runs on s1).
    const events = await waitFor(async () => {
      const { swarmEvents } = await server.ok(SwarmEventsDocument, { filter: { clusterId, type: 'node' }, first: 50 }, token);
      return swarmEvents.nodes.some((e) => e.actorId === s4.dockerId && e.action === 'update') && swarmEvents;
    }, { what: "the drain's node event stored" });
    expect(events.nodes.filter((e) => e.actorId === s4.dockerId && e.action === 'update').length).toBeGreaterThanOrEqual(1);
    const { swarmEvents: serviceEvents } = await server.ok(SwarmEventsDocument, { filter: { clusterId, type: 'service' }, first: 50 }, token);
    expect(serviceEvents.nodes.map((e) => [e.action, (e.attributes as Record<string, string>).name])).toContainEqual(['create', service]);

    const active = (await server.ok(UpdateSwarmNodeDocument, { id: s4.id, input: { availability: SwarmNodeAvailability.Active, labels: { ...(s4.labels as Record<string, string>), 'test.run': service } } }, token)).updateSwarmNode;
    expect(active).toMatchObject({ availability: 'active', labels: { 'fleet.node': 's4', 'test.run': service } });
    restore.push(() => server.request(UpdateSwarmNodeDocument, { id: s4.id, input: { labels: s4.labels } }, token));
  });
});
