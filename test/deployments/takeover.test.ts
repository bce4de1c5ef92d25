import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { Client as PgClient } from 'pg';
import {
  AbortDeploymentDocument,
  ActivitiesDocument,
  ActivityOutcome,
  DeployStackDocument,
  DeploymentDocument,
  DeploymentProgressDocument,
  DeploymentStatus,
  DeploymentStepKind,
  DockerHostEnvironment,
  PromoteDeploymentDocument,
  RegisterSwarmClusterDocument,
  SwarmEventsDocument,
  type DeploymentOptionsInput,
  type DeploymentProgressSubscription,
} from '../generated/graphql';
import { codeOf, createIsolatedDatabase, TestServer } from '../support/harness';
import { loadSwarmFleet, swarmDocker, type SwarmFleet } from '../support/fleet';
import { Instance, instanceToken } from '../support/instances';
import { buildDist } from '../support/process';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

const run = promisify(execFile);
const SETTLED: DeploymentStatus[] = [DeploymentStatus.Succeeded, DeploymentStatus.Failed, DeploymentStatus.RolledBack, DeploymentStatus.Cancelled];
type Step = DeploymentProgressSubscription['deploymentProgress'];

/**
 * An API process killed mid-deployment (SIGKILL of a real `node dist/src/main.js`: no drain, no lease released, no
 * further write): the other instance on the same database takes the deployment over once the dead one's lease lapses,
 * resumes it at its stored phase, and settles it; a progress subscriber that reconnects to the survivor with its last
 * cursor gets exactly the steps it missed. A deployment whose deadline passed while nobody drove it is rolled back by
 * the instance that resumes it.
 */
describe('deployments taken over from a killed API process', () => {
  jest.setTimeout(240_000);
  const id = randomUUID().slice(0, 6);
  let swarm: SwarmFleet;
  let s1: Docker;
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let survivor: TestServer;
  let token: string;
  let clusterId: string;
  const instances: Instance[] = [];
  const stacks = new Set<string>();
  const docker = (...args: string[]) => run('docker', ['-H', swarm.nodes.find((n) => n.name === 's1')!.socket, ...args]);

  const sql = async <T>(text: string, values: unknown[]): Promise<T[]> => {
    const client = new PgClient({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    buildDist();
    swarm = loadSwarmFleet();
    s1 = swarmDocker(swarm, 's1');
    database = await createIsolatedDatabase();
    // B: this process, a short lease, on the database the killed instances share (it migrates it first).
    survivor = await TestServer.start({ DATABASE_URL: database.url, DEPLOYMENT_LEASE_SECONDS: '3', INSTANCE_ID: `durable-b-${id}` });
    const accountId = `acct-${randomUUID()}`;
    token = await instanceToken(accountId);
    clusterId = (await survivor.ok(RegisterSwarmClusterDocument, { input: { name: 'takeover', environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } }, token)).registerSwarmCluster.id;
  }, 180_000);

  afterAll(async () => {
    for (const name of stacks) await docker('stack', 'rm', name).catch(() => undefined);
    await Promise.all(instances.map((i) => i.stop()));
    await survivor?.close();
    await database?.drop();
  }, 90_000);

  /** A: a separate server process on the same database, driving what it deploys under its own lease. */
  const startDriver = async (name: string, leaseSeconds: number) => {
    const instance = await Instance.start(name, { DATABASE_URL: database.url, DEPLOYMENT_LEASE_SECONDS: String(leaseSeconds), OUTBOUND_ALLOW: process.env.OUTBOUND_ALLOW ?? '', SYNC_WORKER_ENABLED: 'false' });
    instances.push(instance);
    return instance;
  };

  const stackName = (what: string) => {
    const name = `durable${id}${what}`;
    stacks.add(name);
    return name;
  };

  const deployOn = async (on: Instance | TestServer, name: string, compose: string, deployment?: DeploymentOptionsInput) =>
    (await on.ok(DeployStackDocument, { clusterId, input: { name, compose }, deployment }, token)).deployStack.deployment;

  const settled = (deploymentId: string, timeoutMs = 150_000) =>
    waitFor(async () => {
      const d = (await survivor.ok(DeploymentDocument, { id: deploymentId }, token)).deployment;
      return SETTLED.includes(d.status) && d;
    }, { what: `deployment ${deploymentId} to settle`, timeoutMs });

  const lease = async (deploymentId: string) => (await sql<{ lease_owner: string | null; lease_until: Date | null; step_count: number }>('select lease_owner, lease_until, step_count from deployments where id = $1', [deploymentId]))[0]!;

  /** The deployment's status transitions in its cluster's event log, oldest first. */
  const transitions = async (deploymentId: string) => {
    const { swarmEvents } = await survivor.ok(SwarmEventsDocument, { filter: { clusterId, type: 'deployment' }, first: 100 }, token);
    return swarmEvents.nodes.filter((e) => e.actorId === deploymentId).reverse().map((e) => ({ action: e.action, instance: (e.attributes as Record<string, string>).instance }));
  };

  const web = (image: string, replicas: number) => `services:\n  web:\n    image: ${image}\n    stop_grace_period: 1s\n    deploy:\n      replicas: ${replicas}\n`;

  it('finishes a rolling update on the surviving instance after its driver was killed mid-monitor; the subscriber resumes from its cursor without gaps or duplicates', async () => {
    const a = await startDriver(`durable-a-${id}`, 3);
    const name = stackName('roll');
    const stable = await settled((await deployOn(a, name, web(swarm.web.v1, 3))).id);
    expect(stable.status).toBe(DeploymentStatus.Succeeded);

    // ~15 s of rolling update: one task at a time, 3 s apart.
    const options: DeploymentOptionsInput = { rolling: { parallelism: 1, delaySeconds: 3, monitorSeconds: 1, order: 'start-first' }, progressDeadlineSeconds: 120 };
    const deployment = await deployOn(a, name, web(swarm.web.v2, 3), options);
    expect(deployment).toMatchObject({ revision: 2, status: DeploymentStatus.InProgress });

    const onA = a.wsClient(token);
    const before = new Collector<DeploymentProgressSubscription>(subscribe(onA, DeploymentProgressDocument, { id: deployment.id }));
    await before.waitFor((m) => m.deploymentProgress.kind === DeploymentStepKind.Replicas, { what: 'a first REPLICAS step of the monitor phase', timeoutMs: 30_000 });
    await a.kill();
    const killedAt = Date.now();
    const seen = before.messages.map((m) => m.deploymentProgress);
    const cursor = seen.at(-1)!.seq;

    // A crash releases nothing: the lease is still the dead instance's until it lapses, and it wrote nothing since.
    const atKill = await lease(deployment.id);
    expect(atKill.lease_owner).toBe(a.name);
    expect(seen.some((s) => SETTLED.includes(s.status))).toBe(false);

    // The subscriber reconnects to B with its last cursor.
    const onB = survivor.wsClient({ authorization: `Bearer ${token}` });
    const after = new Collector<DeploymentProgressSubscription>(subscribe(onB, DeploymentProgressDocument, { id: deployment.id, after: cursor }));
    const last = await after.waitFor((m) => m.deploymentProgress.kind === DeploymentStepKind.Status && SETTLED.includes(m.deploymentProgress.status), { what: 'the final status through B', timeoutMs: 150_000 });
    expect(last.deploymentProgress.status).toBe(DeploymentStatus.Succeeded);
    const rest = after.messages.map((m) => m.deploymentProgress);

    const all: Step[] = [...seen, ...rest];
    const seqs = all.map((s) => s.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // contiguous from 1: nothing missed, nothing twice
    const ended = (await survivor.ok(DeploymentDocument, { id: deployment.id }, token)).deployment;
    expect(ended).toMatchObject({ status: DeploymentStatus.Succeeded, stepCount: seqs.length });

    const resumed = rest.find((s) => s.kind === DeploymentStepKind.Status && /^resumed by instance /.test(s.message));
    expect(resumed?.message).toBe(`resumed by instance durable-b-${id} at phase monitor`);
    // Taken over only once the dead one's lease lapsed (3 s), and not re-applied: the revision was applied once, by A.
    expect(new Date(resumed!.at).getTime()).toBeGreaterThanOrEqual(new Date(atKill.lease_until!).getTime());
    console.log(`takeover: resumed ${new Date(resumed!.at).getTime() - killedAt} ms after the SIGKILL (lease 3 s); ${seen.length} steps seen before, ${rest.length} after`);
    expect(all.filter((s) => s.kind === DeploymentStepKind.Phase && /^applying revision/.test(s.message))).toHaveLength(1);
    expect(all.findIndex((s) => s.kind === DeploymentStepKind.Phase && /^applying revision/.test(s.message))).toBeLessThan(all.indexOf(resumed!));
    expect((await lease(deployment.id)).lease_owner).toBeNull();
    const service = (await s1.getService(`${name}_web`).inspect()) as { Spec: { TaskTemplate: { ContainerSpec: { Image: string } } }; UpdateStatus?: { State: string } };
    expect(service.Spec.TaskTemplate.ContainerSpec.Image).toBe(swarm.web.v2);
    expect(service.UpdateStatus?.State).toBe('completed');

    // Every transition is an event of the cluster's log, written by whichever instance made it.
    expect(await transitions(deployment.id)).toEqual([
      { action: 'pending', instance: a.name },
      { action: 'in_progress', instance: a.name },
      { action: 'succeeded', instance: `durable-b-${id}` },
    ]);
    // Every mutation an activity: the deploy names the deployment it recorded; a refused abort/promote is a failure on it.
    expect(codeOf(await survivor.request(AbortDeploymentDocument, { id: deployment.id }, token))).toBe('CONFLICT');
    expect(codeOf(await survivor.request(PromoteDeploymentDocument, { id: deployment.id }, token))).toBe('CONFLICT');
    const { activities } = await survivor.ok(ActivitiesDocument, { filter: { targetId: deployment.id }, first: 10 }, token);
    expect(activities.nodes.map((x) => [x.action, x.targetType, x.outcome]).reverse()).toEqual([
      ['deployStack', 'Deployment', ActivityOutcome.Success],
      ['abortDeployment', 'Deployment', ActivityOutcome.Failure],
      ['promoteDeployment', 'Deployment', ActivityOutcome.Failure],
    ]);
    await onA.dispose();
    await onB.dispose();
  });

  it('rolls back a deployment whose progress deadline passed while no instance drove it, on the instance that resumes it', async () => {
    // The driver's lease (10 s) outlives the deadline (5 s): when B may take it over, the deadline has passed.
    const a = await startDriver(`durable-a2-${id}`, 10);
    const name = stackName('dead');
    const stable = await settled((await deployOn(a, name, web(swarm.web.v1, 2))).id);
    expect(stable.status).toBe(DeploymentStatus.Succeeded);

    const options: DeploymentOptionsInput = { rolling: { parallelism: 1, failureAction: 'pause', monitorSeconds: 5, order: 'start-first' }, progressDeadlineSeconds: 5 };
    const deployment = await deployOn(a, name, web(swarm.web.broken, 2), options);
    expect(deployment.status).toBe(DeploymentStatus.InProgress);
    await a.kill(); // before it can notice anything: its monitor phase was stored, nothing more
    const atKill = await lease(deployment.id);
    expect(atKill.lease_owner).toBe(a.name);

    const ended = await settled(deployment.id, 120_000);
    expect(ended.status).toBe(DeploymentStatus.RolledBack);
    expect(ended.reason).toMatch(/back on revision 1/);
    expect(new Date(ended.deadlineAt!).getTime()).toBeLessThan(new Date(atKill.lease_until!).getTime());
    const steps = (await sql<{ seq: number; kind: string; message: string }>('select seq, kind, message from deployment_steps where deployment_id = $1 order by seq', [deployment.id]));
    expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i + 1));
    const resumedAt = steps.findIndex((s) => /^resumed by instance durable-b-/.test(s.message));
    expect(resumedAt).toBeGreaterThan(0);
    const restoring = steps.findIndex((s) => /restoring the whole stack to revision 1/.test(s.message));
    expect(restoring).toBeGreaterThan(resumedAt);
    console.log(`deadline passed unattended: ${steps[restoring]!.message}`);
    const spec = (await s1.getService(`${name}_web`).inspect()) as { Spec: { TaskTemplate: { ContainerSpec: { Image: string } } } };
    expect(spec.Spec.TaskTemplate.ContainerSpec.Image).toBe(swarm.web.v1);
    expect(await transitions(deployment.id)).toEqual([
      { action: 'pending', instance: a.name },
      { action: 'in_progress', instance: a.name },
      { action: 'rolled_back', instance: `durable-b-${id}` },
    ]);
  });
});
