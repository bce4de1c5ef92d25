import 'reflect-metadata';
import { Permission } from '../../src/auth/permissions';
import { MountType } from '../../src/containers/container-spec.inputs';
import { WorkloadPolicy } from '../../src/security/workload-policy';
import { ServiceManager } from '../../src/swarm/service.manager';
import { SwarmServiceModeInput, type SwarmServiceSpecInput } from '../../src/swarm/service.inputs';
import { principalIn, withEntityMetadata } from './fakes/hosts.fake';
import { serviceManagerOnFakes } from './fakes/swarm.fake';

const alice = principalIn('acct-a', Permission.SwarmClustersManage);
const root = principalIn('acct-a', Permission.SwarmClustersManage, Permission.DockerHostsPrivileged);
const bob = principalIn('acct-b', Permission.SwarmClustersManage);
const web = (extra: Partial<SwarmServiceSpecInput> = {}) => ({ name: 'web', image: 'fleet/web:v1', ...extra }) as SwarmServiceSpecInput;

function setup() {
  // The real policy: its service rule reads only the spec (no lookups on a swarm).
  const policy = new WorkloadPolicy({ reach: { container: async () => null, volume: async () => null }, inventory: { holdsContainer: async () => false } });
  const fakes = serviceManagerOnFakes(policy);
  return { ...fakes, manager: new ServiceManager(fakes.deps) };
}

describe(ServiceManager.name, () => {
  withEntityMetadata();

  it('creates a service from the typed input, networks resolved by name, and answers the row the sync recorded with the Engine warnings', async () => {
    const { manager, swarm, refreshes } = setup();
    swarm.warnings = ['image fleet/web:v1 could not be accessed on a registry to record its digest'];
    const { service, warnings } = await manager.create(alice, 'c1', web({ replicas: 2, networks: [{ name: 'front', aliases: ['www'] }] }));
    expect(service).toMatchObject({ name: 'web', mode: 'replicated', replicas: 2, clusterId: 'c1' });
    expect(warnings).toEqual(swarm.warnings);
    const engine = swarm.services.get(service.dockerId)!.spec;
    expect(engine.TaskTemplate.Networks).toEqual([{ Target: 'net-front', Aliases: ['www'] }]);
    // Only the names the input uses are listed: no secrets, no configs.
    expect(swarm.log).toEqual(['list networks', 'create web']);
    expect(refreshes).toEqual([['service', 'task']]);
  });

  it('names the field of an unknown network and never calls the Engine to create', async () => {
    const { manager, swarm } = setup();
    await expect(manager.create(alice, 'c1', web({ networks: [{ name: 'front' }, { name: 'gone' }] }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'spec.networks[1]' }, message: expect.stringMatching(/no network "gone" on this cluster/) });
    expect(swarm.log).toEqual(['list networks']);
  });

  it.each([
    ['a host bind mount', { mounts: [{ type: MountType.BIND, source: '/etc', target: '/host-etc' }] }, 'spec.TaskTemplate.ContainerSpec.Mounts[0].Source'],
    ['the host network', { networks: [{ name: 'host' }] }, 'spec.TaskTemplate.Networks[0]'],
    ['an added capability', { capAdd: ['NET_ADMIN'] }, 'spec.TaskTemplate.ContainerSpec.CapabilityAdd'],
    ['a sysctl', { sysctls: { 'net.core.somaxconn': '1024' } }, 'spec.TaskTemplate.ContainerSpec.Sysctls'],
  ])('refuses %s without docker.hosts.privileged (FORBIDDEN, nothing created) and creates it with', async (_what, extra, field) => {
    const { manager, swarm } = setup();
    await expect(manager.create(alice, 'c1', web(extra))).rejects.toMatchObject({ code: 'FORBIDDEN', details: { field } });
    expect(swarm.services.size).toBe(0);
    await manager.create(root, 'c1', web(extra));
    expect(swarm.services.size).toBe(1);
  });

  it('judges the final spec of an update: a patch adding a bind mount is refused and the Engine spec stays as it was', async () => {
    const { manager, swarm } = setup();
    const { service } = await manager.create(alice, 'c1', web());
    const before = structuredClone(swarm.services.get(service.dockerId)!);
    await expect(manager.update(alice, service.id, { mounts: [{ type: MountType.BIND, source: '/', target: '/host' }] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(swarm.services.get(service.dockerId)).toEqual(before);
  });

  it('applies a concurrent scale and env update onto the current spec: both land, neither is lost', async () => {
    const { manager, swarm } = setup();
    const { service } = await manager.create(alice, 'c1', web({ replicas: 1, env: ['A=1'] }));
    await Promise.all([manager.scale(alice, service.id, 4), manager.update(alice, service.id, { env: ['A=2'] })]);
    const spec = swarm.services.get(service.dockerId)!.spec;
    expect(spec.Mode).toEqual({ Replicated: { Replicas: 4 } });
    expect(spec.TaskTemplate.ContainerSpec.Env).toEqual(['A=2']);
    // The two really raced: one write was at a stale version and was applied again on a fresh read.
    expect(swarm.outOfSequenceRetries).toBeGreaterThan(0);
  });

  it('refuses to scale a global service with a clear error, before the Engine is asked', async () => {
    const { manager, swarm } = setup();
    const { service } = await manager.create(alice, 'c1', web({ mode: SwarmServiceModeInput.GLOBAL }));
    swarm.log.length = 0;
    await expect(manager.scale(alice, service.id, 3)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'replicas' }, message: expect.stringMatching(/global service/) });
    await expect(manager.scale(alice, service.id, -1)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(swarm.log).toEqual([]);
  });

  it('rolls back to the previous spec natively, CONFLICT when there is none', async () => {
    const { manager, swarm } = setup();
    const { service } = await manager.create(alice, 'c1', web());
    await expect(manager.rollback(alice, service.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/no previous spec/) });
    await manager.update(alice, service.id, { image: 'fleet/web:v2' });
    const { service: back } = await manager.rollback(alice, service.id);
    expect(back.spec).toMatchObject({ TaskTemplate: { ContainerSpec: { Image: 'fleet/web:v1' } } });
    expect(swarm.log.at(-1)).toBe(`rollback ${service.dockerId}`);
  });

  it('refuses a rollback to a spec whose secrets the swarm no longer has (rotated away), before touching the service', async () => {
    const { swarm, deps } = serviceManagerOnFakes(new WorkloadPolicy({ reach: { container: async () => null, volume: async () => null }, inventory: { holdsContainer: async () => false } }));
    const manager = new ServiceManager({ ...deps, missingReferences: async () => ['db_password'] });
    const { service } = await manager.create(alice, 'c1', web());
    await manager.update(alice, service.id, { image: 'fleet/web:v2' });
    const before = swarm.log.length;
    await expect(manager.rollback(alice, service.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/previous spec uses db_password, which the swarm no longer has/) });
    expect(swarm.log.length).toBe(before);
  });

  it('does not roll an unprivileged caller back into a spec that reaches the host', async () => {
    const { manager, swarm } = setup();
    const { service } = await manager.create(root, 'c1', web({ capAdd: ['NET_ADMIN'] }));
    await manager.update(root, service.id, { capAdd: [] });
    await expect(manager.rollback(alice, service.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(swarm.services.get(service.dockerId)!.spec.TaskTemplate.ContainerSpec.CapabilityAdd).toEqual([]);
  });

  it('redeploys with ForceUpdate + 1, the spec otherwise unchanged', async () => {
    const { manager, swarm } = setup();
    const { service } = await manager.create(alice, 'c1', web());
    const before = swarm.services.get(service.dockerId)!.spec;
    await manager.redeploy(alice, service.id);
    await manager.redeploy(alice, service.id);
    expect(swarm.services.get(service.dockerId)!.spec).toEqual({ ...before, TaskTemplate: { ...before.TaskTemplate, ForceUpdate: 2 } });
  });

  it('removes the service and answers our id; another account gets NOT_FOUND for everything', async () => {
    const { manager, swarm, rows } = setup();
    const { service } = await manager.create(alice, 'c1', web());
    await expect(manager.scale(bob, service.id, 2)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(manager.remove(bob, service.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(manager.create(bob, 'c1', web())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await manager.remove(alice, service.id)).toBe(service.id);
    expect(swarm.services.size).toBe(0);
    expect(rows.size).toBe(0);
  });

  it('drops a stale row when the swarm says the service is gone already (NOT_FOUND)', async () => {
    const { manager, swarm, rows } = setup();
    const { service } = await manager.create(alice, 'c1', web());
    swarm.services.delete(service.dockerId); // removed outside the API, not synced yet
    await expect(manager.remove(alice, service.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(rows.size).toBe(0);
  });

  it('bounds the log tail', async () => {
    const { manager } = setup();
    const { service } = await manager.create(alice, 'c1', web());
    await expect(manager.logs(alice, service.id, { tail: 100_001 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'tail' } });
    await expect(manager.logs(alice, service.id, { tail: 10 })).resolves.toEqual({ lines: [], truncated: false });
  });
});
