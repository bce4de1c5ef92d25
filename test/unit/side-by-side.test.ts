import { Permission } from '../../src/auth/permissions';
import type { Principal } from '../../src/auth/principal';
import type { HostTarget } from '../../src/docker/docker.types';
import type { SwarmServiceSnapshot } from '../../src/docker/swarm.types';
import { SideBySide, type SwarmForSides } from '../../src/deployments/strategies/side-by-side';
import { WorkloadPolicy } from '../../src/security/workload-policy';
import { FakeSwarmServices } from './fakes/swarm.fake';

const target = { hostId: 'c1', apiEndpoint: 'tcp://manager:2375' } as HostTarget;
const deployer = (permissions: Permission[]): Principal => ({ userId: 'u', accountId: 'a', permissions: new Set(permissions), expiresAt: Number.MAX_SAFE_INTEGER, issuedAt: null });
/** The deployment's actor without docker.hosts.privileged (granted once, lost since, or never had it). */
const unprivileged = deployer([Permission.SwarmClustersManage]);
const privileged = deployer([Permission.SwarmClustersManage, Permission.DockerHostsPrivileged]);

/** The one workload policy; swarm service specs are judged on the spec alone (no host lookups). */
const policy = new WorkloadPolicy({ reach: { container: async () => null, volume: async () => null }, inventory: { holdsContainer: async () => false } });

const canary = (mounts: unknown[] = []) => ({
  Name: 'shop_web-canary',
  Mode: { Replicated: { Replicas: 1 } },
  TaskTemplate: { ContainerSpec: { Image: 'web:v2', Mounts: mounts }, Networks: [{ Target: 'net-front', Aliases: [] }] },
});

async function setUp(mounts: unknown[] = []) {
  const swarm = new FakeSwarmServices();
  const { id } = await swarm.createService(target, canary(mounts));
  const sides = new SideBySide({ swarm: swarm as unknown as SwarmForSides, policy });
  const service = { dockerId: id, name: 'shop_web-canary' } as SwarmServiceSnapshot;
  return { swarm, sides, service, spec: () => swarm.services.get(id)!.spec };
}

describe(SideBySide.name, () => {
  const hostBind = [{ Type: 'bind', Source: '/', Target: '/host' }];

  it('scales and moves aliases of a service whose spec stays in its sandbox', async () => {
    const { sides, service, spec } = await setUp();
    await sides.scale(unprivileged, target, service, 3);
    await sides.setAliases(unprivileged, target, service, { 'net-front': ['web'] });
    expect(spec()).toMatchObject({ Mode: { Replicated: { Replicas: 3 } }, TaskTemplate: { Networks: [{ Target: 'net-front', Aliases: ['web'] }] } });
  });

  it('refuses to scale a service whose live spec reaches the host for a deployer without docker.hosts.privileged, writing nothing', async () => {
    // The spec as it is now (changed outside the deployment, e.g. by the docker CLI), not as the revision wrote it.
    const { swarm, sides, service, spec } = await setUp(hostBind);
    const before = structuredClone(spec());
    await expect(sides.scale(unprivileged, target, service, 5)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { field: 'service shop_web-canary.TaskTemplate.ContainerSpec.Mounts[0].Source' } });
    expect(spec()).toEqual(before);
    expect(swarm.log.filter((l) => l.startsWith('update'))).toEqual([]);
  });

  it('refuses to move network aliases onto such a service (a task-spec change: its tasks are replaced) without the permission', async () => {
    const { sides, service, spec } = await setUp(hostBind);
    const before = structuredClone(spec());
    await expect(sides.setAliases(unprivileged, target, service, { 'net-front': ['web'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(spec()).toEqual(before);
  });

  it('lets a deployer with docker.hosts.privileged scale and move aliases of the same service', async () => {
    const { sides, service, spec } = await setUp(hostBind);
    await sides.scale(privileged, target, service, 2);
    await sides.setAliases(privileged, target, service, { 'net-front': ['web'] });
    expect(spec()).toMatchObject({ Mode: { Replicated: { Replicas: 2 } }, TaskTemplate: { Networks: [{ Aliases: ['web'] }] } });
  });
});
