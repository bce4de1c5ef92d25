import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { DeployStackDocument, DeploymentDocument, DeploymentSource, DeploymentStatus, RedeployDeploymentDocument } from '../generated/graphql';
import { hostPort, SETTLED, swarmApi, webCompose } from '../support/deployment-traffic';
import type { SwarmFleet } from '../support/fleet';
import type { TestServer } from '../support/harness';
import { waitFor } from '../support/wait';

/**
 * A tag moved in the registry after a revision was deployed: redeploying that revision runs the content it ran (the
 * digest it recorded), not what the tag names now. Seen on the running tasks' specs and in what the web answers.
 */
describe('redeploying a revision whose tag has moved since (fleet swarm, open registry)', () => {
  jest.setTimeout(240_000);
  const id = randomUUID().slice(0, 6);
  const name = `mt${id}`;
  let server: TestServer;
  let swarm: SwarmFleet;
  let s1: Docker;
  let token: string;
  let clusterId: string;

  beforeAll(async () => {
    ({ swarm, s1, server, token, clusterId } = await swarmApi('moved-tag'));
  }, 60_000);

  afterAll(async () => {
    await s1?.getService(`${name}_web`).remove().catch(() => undefined);
    await s1?.getNetwork(`${name}_default`).remove().catch(() => undefined);
    await server?.close();
  }, 90_000);

  const push = async (repo: string, tag: string, from: string) => {
    await s1.getImage(from).tag({ repo, tag });
    await new Promise((resolve, reject) => s1.getImage(`${repo}:${tag}`).push({ authconfig: { serveraddress: swarm.registry } }, (error, stream) => (error ? reject(error) : s1.modem.followProgress(stream!, (e) => (e ? reject(e) : resolve(undefined))))));
  };

  const settled = (deploymentId: string) =>
    waitFor(async () => {
      const d = (await server.ok(DeploymentDocument, { id: deploymentId }, token)).deployment;
      return SETTLED.includes(d.status) && d;
    }, { what: `deployment ${deploymentId} to settle`, timeoutMs: 120_000 });

  const deploy = async (compose: string) => {
    const result = await server.request(DeployStackDocument, { clusterId, input: { name, compose } }, token);
    if (result.errors) throw new Error(`deployStack failed: ${JSON.stringify(result.errors)}`);
    return settled(result.data!.deployStack.deployment.id);
  };

  /** The images the running tasks' specs name, and what each answers on its node's host-mode port. */
  const running = async (port: number) => {
    const tasks = (await s1.listTasks({ filters: { service: [`${name}_web`], 'desired-state': ['running'] } })).filter((t) => t.Status?.State === 'running');
    const answers: string[] = [];
    for (const node of swarm.nodes) {
      const body = await fetch(`http://${node.address}:${port}/`, { signal: AbortSignal.timeout(3000) }).then((r) => r.text(), () => null);
      if (body !== null) answers.push(body.trim());
    }
    return { images: tasks.map((t) => (t.Spec as { ContainerSpec: { Image: string } }).ContainerSpec.Image), answers };
  };

  it('runs the recorded digest of r1 after the tag was pushed again with other content', async () => {
    const repo = `${swarm.registry}/dep-${id}/web`;
    const port = hostPort();
    const compose = webCompose(`${repo}:t`, port, 1);
    await push(repo, 't', swarm.web.v1);
    const r1 = await deploy(compose);
    expect(r1.status).toBe(DeploymentStatus.Succeeded);
    const digestV1 = r1.services[0]!.digest!;
    expect(digestV1).toMatch(/^sha256:[0-9a-f]{64}$/);
    await waitFor(async () => (await running(port)).answers.join() === 'v1', { what: 'r1 to answer v1' });

    // The tag now names v2: a new deploy of the same file resolves it (the tag did move), and runs v2.
    await push(repo, 't', swarm.web.v2);
    const r2 = await deploy(compose);
    expect(r2.status).toBe(DeploymentStatus.Succeeded);
    expect(r2.services[0]!.digest).not.toBe(digestV1);
    await waitFor(async () => (await running(port)).answers.join() === 'v2', { what: 'r2 to answer v2' });

    const again = (await server.ok(RedeployDeploymentDocument, { id: r1.id }, token)).redeployDeployment.deployment;
    const r3 = await settled(again.id);
    expect(r3).toMatchObject({ revision: 3, status: DeploymentStatus.Succeeded, source: DeploymentSource.Redeploy, reproducesRevision: 1 });
    expect(r3.services[0]!.digest).toBe(digestV1);
    const spec = (await s1.getService(`${name}_web`).inspect()).Spec as { TaskTemplate: { ContainerSpec: { Image: string } } };
    expect(spec.TaskTemplate.ContainerSpec.Image).toBe(`${repo}:t@${digestV1}`);
    const now = await waitFor(async () => {
      const seen = await running(port);
      return seen.images.length === 1 && seen.answers.length === 1 && seen;
    }, { what: 'one running task answering after the redeploy' });
    expect(now).toEqual({ images: [`${repo}:t@${digestV1}`], answers: ['v1'] });
    await s1.getImage(`${repo}:t`).remove().catch(() => undefined);
  });
});
