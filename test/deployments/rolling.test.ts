import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { Permission } from '../../src/auth/permissions';
import {
  DeployStackDocument,
  DeploymentDocument,
  DeploymentProgressDocument,
  DeploymentsDocument,
  DeploymentSource,
  DeploymentStatus,
  DeploymentStepKind,
  RedeployDeploymentDocument,
  RollbackStackDocument,
  RollbackSwarmServiceDocument,
  ScaleSwarmServiceDocument,
  SwarmStackDocument,
  PlanDeploymentDocument,
  StackRevisionDocument,
  type DeploymentProgressSubscription,
  type DeploymentOptionsInput,
} from '../generated/graphql';
import { swarmApi } from '../support/deployment-traffic';
import { codeOf, type TestServer } from '../support/harness';
import type { SwarmFleet } from '../support/fleet';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

const run = promisify(execFile);
const SETTLED: DeploymentStatus[] = [DeploymentStatus.Succeeded, DeploymentStatus.Failed, DeploymentStatus.RolledBack, DeploymentStatus.Cancelled];

/**
 * The revision ledger and ROLLING rollouts on the fleet swarm: every revision kept with its specs and digests, a
 * redeploy that reproduces an old revision exactly (not the tag's latest digest), rollbacks that stay where asked,
 * and a rollout to a broken image restored automatically, every step seen by a subscriber in order.
 */
describe('deployments on the fleet swarm (rolling)', () => {
  jest.setTimeout(240_000);
  const id = randomUUID().slice(0, 6);
  let server: TestServer;
  let swarm: SwarmFleet;
  let s1: Docker;
  let token: string;
  let clusterId: string;
  const stacks = new Set<string>();
  const docker = (...args: string[]) => run('docker', ['-H', swarm.nodes.find((n) => n.name === 's1')!.socket, ...args]);

  beforeAll(async () => {
    ({ swarm, s1, server, token, clusterId } = await swarmApi('deployments', { SYNC_WORKER_ENABLED: 'true' }));
  }, 60_000);

  afterAll(async () => {
    for (const name of stacks) await docker('stack', 'rm', name).catch(() => undefined);
    await server?.close();
  }, 90_000);

  const stackName = (what: string) => {
    const name = `dp${id}${what}`;
    stacks.add(name);
    return name;
  };

  const deploy = async (name: string, compose: string, deployment?: DeploymentOptionsInput) => {
    const result = await server.request(DeployStackDocument, { clusterId, input: { name, compose }, deployment }, token);
    if (result.errors) throw new Error(`deployStack failed: ${JSON.stringify(result.errors)}`);
    return result.data!.deployStack.deployment;
  };

  const settled = (deploymentId: string, timeoutMs = 120_000) =>
    waitFor(async () => {
      const d = (await server.ok(DeploymentDocument, { id: deploymentId }, token)).deployment;
      return SETTLED.includes(d.status) && d;
    }, { what: `deployment ${deploymentId} to settle`, timeoutMs });

  const spec = async (service: string) => (await s1.getService(service).inspect()).Spec as { TaskTemplate: { ContainerSpec: { Image: string } }; Mode: { Replicated?: { Replicas: number } } };

  const push = async (repo: string, tag: string, from: string) => {
    await s1.getImage(from).tag({ repo, tag });
    await new Promise((resolve, reject) => s1.getImage(`${repo}:${tag}`).push({ authconfig: { serveraddress: swarm.registry } }, (error, stream) => (error ? reject(error) : s1.modem.followProgress(stream!, (e) => (e ? reject(e) : resolve(undefined))))));
  };

  const web = (image: string, replicas: number) => `services:\n  web:\n    image: ${image}\n    stop_grace_period: 1s\n    deploy:\n      replicas: ${replicas}\n      update_config:\n        parallelism: 2\n        delay: 1s\n        order: start-first\n        monitor: 1s\n`;

  it('keeps every revision; a redeploy reproduces r1 exactly (its digest, not the tag\'s latest); two rollbacks stay on the chosen revision', async () => {
    const name = stackName('a');
    const repo = `${swarm.registry}/dep-${id}/web`;
    await push(repo, 'live', swarm.web.v1);
    const r1 = await settled((await deploy(name, web(`${repo}:live`, 1))).id);
    expect(r1).toMatchObject({ revision: 1, status: DeploymentStatus.Succeeded, source: DeploymentSource.Api, stack: name, previousRevision: null });
    const digestV1 = r1.services[0]!.digest!;
    expect(digestV1).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r1.digests).toEqual({ [`${repo}:live`]: digestV1 });
    expect(r1.services[0]!.specVersion).toBeGreaterThan(0);

    const r2 = await settled((await deploy(name, web(`${repo}:live`, 2))).id);
    expect(r2).toMatchObject({ revision: 2, status: DeploymentStatus.Succeeded, previousRevision: 1 });
    // The same tag now names other content: r3 resolves it to the new digest.
    await push(repo, 'live', swarm.web.v2);
    const r3 = await settled((await deploy(name, web(`${repo}:live`, 2))).id);
    expect(r3.revision).toBe(3);
    const digestV2 = r3.services[0]!.digest!;
    expect(digestV2).not.toBe(digestV1);
    expect((await spec(`${name}_web`)).TaskTemplate.ContainerSpec.Image).toBe(`${repo}:live@${digestV2}`);

    const again = (await server.ok(RedeployDeploymentDocument, { id: r1.id }, token)).redeployDeployment.deployment;
    const r4 = await settled(again.id);
    expect(r4).toMatchObject({ revision: 4, status: DeploymentStatus.Succeeded, source: DeploymentSource.Redeploy, reproduces: r1.id, reproducesRevision: 1 });
    const running = await spec(`${name}_web`);
    expect(running.TaskTemplate.ContainerSpec.Image).toBe(`${repo}:live@${digestV1}`);
    expect(running.Mode.Replicated!.Replicas).toBe(1);
    expect(r4.services[0]!.digest).toBe(digestV1);

    for (const expected of [5, 6]) {
      const back = (await server.ok(RollbackStackDocument, { clusterId, name, toRevision: 3 }, token)).rollbackStack.deployment;
      const settledBack = await settled(back.id);
      expect(settledBack).toMatchObject({ revision: expected, status: DeploymentStatus.Succeeded, source: DeploymentSource.Rollback, reproducesRevision: 3 });
      const now = await spec(`${name}_web`);
      expect(now.TaskTemplate.ContainerSpec.Image).toBe(`${repo}:live@${digestV2}`);
      expect(now.Mode.Replicated!.Replicas).toBe(2);
    }
    // Without a revision: the newest success older than what runs (r3's content) — r2, not a flip back to r4.
    const further = await settled((await server.ok(RollbackStackDocument, { clusterId, name }, token)).rollbackStack.deployment.id);
    expect(further).toMatchObject({ revision: 7, reproducesRevision: 2, status: DeploymentStatus.Succeeded });
    expect((await spec(`${name}_web`)).TaskTemplate.ContainerSpec.Image).toBe(`${repo}:live@${digestV1}`);

    // revision on the stack and on its services: the latest one.
    const viewed = await waitFor(async () => {
      const stack = (await server.ok(StackRevisionDocument, { clusterId, name }, token)).swarmStack;
      return stack.revision?.revision === 7 && stack;
    }, { what: 'the stack to show revision 7' });
    expect(viewed.revision).toMatchObject({ id: further.id, status: DeploymentStatus.Succeeded });
    expect(viewed.services.map((s) => s.service.revision?.revision)).toEqual([7]);

    const listed = (await server.ok(DeploymentsDocument, { filter: { clusterId, stack: name }, first: 3 }, token)).deployments;
    expect(listed.totalCount).toBe(7);
    expect(listed.nodes.map((d) => d.revision)).toEqual([7, 6, 5]);
    expect(listed.pageInfo.hasNextPage).toBe(true);
    const rest = (await server.ok(DeploymentsDocument, { filter: { clusterId, stack: name }, first: 10, after: listed.pageInfo.endCursor }, token)).deployments;
    expect(rest.nodes.map((d) => d.revision)).toEqual([4, 3, 2, 1]);
    // Another account sees none of it.
    const stranger = await server.token({ permissions: [Permission.SwarmClustersManage] });
    expect(codeOf(await server.request(DeploymentDocument, { id: r1.id }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await server.request(RedeployDeploymentDocument, { id: r1.id }, stranger))).toBe('NOT_FOUND');
    expect((await server.ok(DeploymentsDocument, { filter: {} }, stranger)).deployments.totalCount).toBe(0);
    expect(codeOf(await server.request(RollbackStackDocument, { clusterId, name, toRevision: 99 }, token))).toBe('BAD_USER_INPUT');
    await s1.getImage(`${repo}:live`).remove().catch(() => undefined);
  });

  it('rolls v1 -> broken back automatically within the progress deadline, recorded ROLLED_BACK, and a subscriber sees every step in order (and resumes from its cursor)', async () => {
    const name = stackName('b');
    const stable = await settled((await deploy(name, web(swarm.web.v1, 2))).id);
    expect(stable.status).toBe(DeploymentStatus.Succeeded);

    // Planned before it runs: the same file changes nothing; the broken image changes one leaf and restarts both tasks.
    const same = (await server.ok(PlanDeploymentDocument, { clusterId, input: { name, compose: web(swarm.web.v1, 2) } }, token)).planDeployment;
    expect(same.services).toEqual([expect.objectContaining({ name: `${name}_web`, action: 'UNCHANGED', differences: [], tasksToRestart: 0, pullsImage: false })]);
    const planned = (await server.ok(PlanDeploymentDocument, { clusterId, input: { name, compose: `${web(swarm.web.broken, 2)}    container_name: ignored\n` } }, token)).planDeployment;
    expect(planned.services).toEqual([expect.objectContaining({ name: `${name}_web`, action: 'UPDATE', tasksToRestart: 2, image: swarm.web.broken, pullsImage: true })]);
    expect(planned.services[0]!.differences.filter((d) => !d.path.startsWith('Labels'))).toEqual([{ path: 'TaskTemplate.ContainerSpec.Image', from: swarm.web.v1, to: swarm.web.broken }]);
    expect(planned.ignored.map((w) => w.path)).toContain('services.web.container_name');
    expect(planned.imagesToPull).toEqual([swarm.web.broken]);
    expect(planned.unresolvedImages).toEqual([swarm.web.broken]);
    expect((await server.ok(DeploymentsDocument, { filter: { clusterId, stack: name } }, token)).deployments.totalCount).toBe(1); // nothing recorded

    const options: DeploymentOptionsInput = { rolling: { failureAction: 'rollback', monitorSeconds: 5, parallelism: 1, order: 'start-first' }, progressDeadlineSeconds: 120 };
    const startedAt = Date.now();
    const broken = await deploy(name, web(swarm.web.broken, 2), options);
    expect(broken).toMatchObject({ revision: 2, previousRevision: 1 });
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    const steps = new Collector<DeploymentProgressSubscription>(subscribe(client, DeploymentProgressDocument, { id: broken.id }));
    const last = await steps.waitFor((m) => m.deploymentProgress.kind === DeploymentStepKind.Status && SETTLED.includes(m.deploymentProgress.status), { what: 'the final status', timeoutMs: 150_000 });
    const elapsed = Date.now() - startedAt;
    console.log(`v1 -> broken: ROLLED_BACK seen by a subscriber after ${elapsed} ms`);
    expect(last.deploymentProgress.status).toBe(DeploymentStatus.RolledBack);
    const seqs = steps.messages.map((m) => m.deploymentProgress.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // every step, once, in order
    const kinds = steps.messages.map((m) => m.deploymentProgress.kind);
    expect(kinds).toContain(DeploymentStepKind.Replicas);
    expect(steps.messages.some((m) => /restoring the whole stack to revision 1/.test(m.deploymentProgress.message))).toBe(true);

    const ended = (await server.ok(DeploymentDocument, { id: broken.id }, token)).deployment;
    expect(ended).toMatchObject({ status: DeploymentStatus.RolledBack, stepCount: seqs.length });
    expect(ended.reason).toMatch(/back on revision 1/);
    expect(ended.finishedAt).not.toBeNull();
    expect(new Date(ended.finishedAt!).getTime()).toBeLessThanOrEqual(new Date(ended.deadlineAt!).getTime());
    expect((await spec(`${name}_web`)).TaskTemplate.ContainerSpec.Image).toBe(swarm.web.v1);

    // A client that saw up to seq 3 and reconnects gets exactly the rest, then the end.
    const resumed = new Collector<DeploymentProgressSubscription>(subscribe(client, DeploymentProgressDocument, { id: broken.id, after: 3 }));
    await resumed.waitFor((m) => m.deploymentProgress.seq === seqs.length, { what: 'the replay to the last step' });
    expect(resumed.messages.map((m) => m.deploymentProgress.seq)).toEqual(seqs.slice(3));
    await client.dispose();
  });
  it('records changes made outside a stack deploy as revisions: the docker CLI (found by the sync), scale and Docker\'s rollback through the API; a CLI revision redeploys', async () => {
    const name = stackName('c');
    const r1 = await settled((await deploy(name, web(swarm.web.v1, 1))).id);
    expect(r1.status).toBe(DeploymentStatus.Succeeded);
    const revisions = async () => (await server.ok(DeploymentsDocument, { filter: { clusterId, stack: name }, first: 10 }, token)).deployments.nodes;

    await docker('service', 'update', '--detach', '--image', swarm.web.v2, `${name}_web`);
    const found = await waitFor(async () => (await revisions()).find((d) => d.revision === 2), { what: 'the CLI change recorded as r2', timeoutMs: 60_000 });
    expect(found).toMatchObject({ source: DeploymentSource.Detected, actorId: 'docker-cli', compose: null });
    const r2 = await settled(found.id);
    expect(r2.status).toBe(DeploymentStatus.Succeeded);
    expect(r2.services[0]!.image).toBe(swarm.web.v2);

    const row = (await server.ok(SwarmStackDocument, { clusterId, name }, token)).swarmStack.services[0]!.service;
    await server.ok(ScaleSwarmServiceDocument, { id: row.id, replicas: 2 }, token);
    const r3 = await waitFor(async () => (await revisions()).find((d) => d.revision === 3), { what: 'the scale recorded as r3' });
    expect(r3).toMatchObject({ source: DeploymentSource.Api, description: `${name}_web: scaleSwarmService to 2` });
    expect((await settled(r3.id)).status).toBe(DeploymentStatus.Succeeded);

    await server.ok(RollbackSwarmServiceDocument, { id: row.id }, token);
    const r4 = await waitFor(async () => (await revisions()).find((d) => d.revision === 4), { what: 'the rollback recorded as r4' });
    expect((await settled(r4.id)).status).toBe(DeploymentStatus.Succeeded);
    expect((await spec(`${name}_web`)).Mode.Replicated!.Replicas).toBe(1); // back to the spec before the scale

    // r2 holds no compose text, only specs: redeployed as they are.
    const again = await settled((await server.ok(RedeployDeploymentDocument, { id: r2.id }, token)).redeployDeployment.deployment.id);
    expect(again).toMatchObject({ revision: 5, status: DeploymentStatus.Succeeded, reproducesRevision: 2 });
    const now = await spec(`${name}_web`);
    expect(now.TaskTemplate.ContainerSpec.Image).toBe(swarm.web.v2);
    expect(now.Mode.Replicated!.Replicas).toBe(1);
    // Nothing else was found in the meantime: our own changes are not taken for outside ones.
    expect((await revisions()).map((d) => d.revision)).toEqual([5, 4, 3, 2, 1]);
  });
  it('returns the whole stack to the previous revision when one service of three fails its update (atomic per stack)', async () => {
    const name = stackName('d');
    const three = (api: string, tag: string) =>
      ['services:', ...['web', 'api', 'worker'].map((key) => `  ${key}:\n    image: ${key === 'api' ? api : swarm.web.v1}\n    stop_grace_period: 1s\n    environment:\n      REVISION: "${tag}"\n    deploy:\n      replicas: 1\n      update_config:\n        failure_action: rollback\n        monitor: 5s`)].join('\n') + '\n';
    const r1 = await settled((await deploy(name, three(swarm.web.v1, 'one'))).id);
    expect(r1.status).toBe(DeploymentStatus.Succeeded);
    const before = Object.fromEntries(await Promise.all(['web', 'api', 'worker'].map(async (k) => [k, await spec(`${name}_${k}`)] as const)));

    const r2 = await settled((await deploy(name, three(swarm.web.broken, 'two'))).id, 150_000);
    expect(r2.status).toBe(DeploymentStatus.RolledBack);
    expect(r2.reason).toMatch(new RegExp(`${name}_api`));
    expect(r2.services.find((s) => s.name === `${name}_api`)!.outcome).toBe('FAILED');
    for (const key of ['web', 'api', 'worker']) {
      const now = await spec(`${name}_${key}`) as unknown as { TaskTemplate: { ContainerSpec: { Image: string; Env?: string[] } } };
      // Every service back on r1: its image and its environment, not only the one that failed.
      expect(now.TaskTemplate.ContainerSpec.Image).toBe((before[key] as typeof now).TaskTemplate.ContainerSpec.Image);
      expect(now.TaskTemplate.ContainerSpec.Env).toEqual(['REVISION=one']);
    }
  });
});
