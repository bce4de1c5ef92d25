import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import {
  CreateSwarmSecretDocument,
  DeployStackDocument,
  DeploymentDocument,
  DeploymentsDocument,
  DeploymentSource,
  DeploymentStatus,
  RemoveSwarmServiceDocument,
  RotateSwarmSecretDocument,
  SwarmStackDocument,
} from '../generated/graphql';
import { swarmApi } from '../support/deployment-traffic';
import type { TestServer } from '../support/harness';
import type { SwarmFleet } from '../support/fleet';
import { waitFor } from '../support/wait';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const SETTLED: DeploymentStatus[] = [DeploymentStatus.Succeeded, DeploymentStatus.Failed, DeploymentStatus.RolledBack, DeploymentStatus.Cancelled];

/**
 * The revision ledger on the fleet swarm for the changes to a stack's services made through the API outside a stack
 * deploy that are not updates: a secret rotation re-pointing the stack's services, and removeSwarmService. Each is the
 * stack's next revision (recorded the way updateSwarmService is) and shows under deployments(filter: { service }).
 */
describe('revision ledger: rotations and removals on the fleet swarm', () => {
  jest.setTimeout(240_000);
  const id = randomUUID().slice(0, 6);
  const name = `dl${id}`;
  let server: TestServer;
  let swarm: SwarmFleet;
  let s1: Docker;
  let token: string;
  let clusterId: string;

  beforeAll(async () => {
    ({ swarm, s1, server, token, clusterId } = await swarmApi('ledger', { SYNC_WORKER_ENABLED: 'true' }));
  }, 60_000);

  afterAll(async () => {
    const services = await s1.listServices({ filters: { label: [`com.docker.stack.namespace=${name}`] } });
    await Promise.all(services.map((s) => s1.getService(s.ID).remove().catch(() => undefined)));
    // A secret goes once its services' tasks are gone: asked again until then.
    await waitFor(async () => {
      const left = (await s1.listSecrets()).filter((s) => s.Spec?.Name?.startsWith(name));
      await Promise.all(left.map((s) => s1.getSecret(s.ID).remove().catch(() => undefined)));
      return left.length === 0;
    }, { what: 'the test secrets removed', timeoutMs: 60_000 }).catch(() => undefined);
    await server?.close();
  }, 90_000);

  const revisions = async (filter: { stack?: string; service?: string }) => (await server.ok(DeploymentsDocument, { filter: { clusterId, ...filter } }, token)).deployments.nodes;
  const settled = (deploymentId: string) =>
    waitFor(async () => {
      const d = (await server.ok(DeploymentDocument, { id: deploymentId }, token)).deployment;
      return SETTLED.includes(d.status) && d;
    }, { what: `deployment ${deploymentId} to settle`, timeoutMs: 120_000 });
  const revision = (n: number) => waitFor(async () => (await revisions({ stack: name })).find((d) => d.revision === n), { what: `revision ${n} of ${name}` });
  const secretNames = (spec: unknown) => (((spec as Json).TaskTemplate.ContainerSpec.Secrets ?? []) as Json[]).map((s) => s.SecretName);

  it('records a secret rotation that re-points a stack\'s services, and a removeSwarmService, each as the stack\'s next revision', async () => {
    const secret = (await server.ok(CreateSwarmSecretDocument, { clusterId, input: { name: `${name}db`, data: 'one' } }, token)).createSwarmSecret;
    const service = (key: string) => `  ${key}:\n    image: ${swarm.web.v1}\n    stop_grace_period: 1s\n    secrets: [db]\n    deploy:\n      replicas: 1\n`;
    const compose = `services:\n${service('web')}${service('api')}secrets:\n  db:\n    external: true\n    name: ${name}db\n`;
    const deployed = await server.request(DeployStackDocument, { clusterId, input: { name, compose } }, token);
    if (deployed.errors) throw new Error(`deployStack failed: ${JSON.stringify(deployed.errors)}`);
    expect((await settled(deployed.data!.deployStack.deployment!.id)).status).toBe(DeploymentStatus.Succeeded);

    // The rotation re-points both services of the stack: one revision of the stack, naming both.
    const rotation = (await server.ok(RotateSwarmSecretDocument, { id: secret.id, data: 'two' }, token)).rotateSwarmSecret;
    expect(rotation.services.map((s) => s.name).sort()).toEqual([`${name}_api`, `${name}_web`]);
    const r2 = await revision(2);
    expect(r2).toMatchObject({ source: DeploymentSource.Api, description: `${name}_api, ${name}_web: secret ${name}db rotated to ${rotation.secret.name}` });
    expect(r2.services.map((s) => secretNames(s.spec))).toEqual([[rotation.secret.name], [rotation.secret.name]]);
    expect((await settled(r2.id)).status).toBe(DeploymentStatus.Succeeded);
    expect((await revisions({ service: `${name}_web` })).map((d) => d.revision)).toContain(2);

    const api = (await server.ok(SwarmStackDocument, { clusterId, name }, token)).swarmStack.services.find((s) => s.name === `${name}_api`)!.service!;
    await server.ok(RemoveSwarmServiceDocument, { id: api.id }, token);
    const r3 = await revision(3);
    expect(r3).toMatchObject({ source: DeploymentSource.Api, description: `${name}_api: removeSwarmService` });
    expect(r3.services.map((s) => s.name)).toEqual([`${name}_web`]); // what is left of the stack
    expect((await settled(r3.id)).status).toBe(DeploymentStatus.Succeeded);
    expect((await revisions({ service: `${name}_api` })).map((d) => d.revision)).toEqual([3, 2, 1]);
    // Our own changes are not found again by the sync as outside ones.
    expect((await revisions({ stack: name })).map((d) => [d.revision, d.source])).toEqual([[3, DeploymentSource.Api], [2, DeploymentSource.Api], [1, DeploymentSource.Api]]);
  });
});
