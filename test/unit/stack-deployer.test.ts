import { Permission } from '../../src/auth/permissions';
import type { Principal } from '../../src/auth/principal';
import { DomainError } from '../../src/common/errors';
import type { HostTarget } from '../../src/docker/docker.types';
import { WorkloadPolicy } from '../../src/security/workload-policy';
import { parseStack } from '../../src/stacks/compose';
import { StackChangeAction } from '../../src/stacks/stack.changes';
import { ResolveImage, StackDeployer } from '../../src/stacks/stack.deployer';
import { FakeSwarm } from './fakes/stack-swarm.fake';

const principal = (...permissions: Permission[]) => ({ userId: 'u', accountId: 'a', permissions: new Set(permissions), expiresAt: 0, issuedAt: null }) as unknown as Principal;
const operator = principal(Permission.SwarmClustersManage);
const target = { hostId: 'c1' } as HostTarget;

const compose = (web = 'registry.test/web:v1', replicas = 1, extra = '') => `services:
  web:
    image: ${web}
    secrets: [pw]
    deploy:
      replicas: ${replicas}
${extra}  worker:
    image: fleet/busybox
secrets:
  pw:
    environment: PW
`;

function setup() {
  const swarm = new FakeSwarm();
  const policy = new WorkloadPolicy({ reach: { container: async () => null, volume: async () => null }, inventory: { holdsContainer: async () => false } });
  const deployer = new StackDeployer({ swarm, policy, registryAuth: async () => null });
  const deploy = (text: string, options: { resolveImage?: ResolveImage; prune?: boolean; pw?: string; as?: Principal } = {}) =>
    deployer.deploy(options.as ?? operator, target, parseStack({ name: 'app', compose: text, variables: { PW: options.pw ?? 'secret-1' } }).plan, { prune: Boolean(options.prune), resolveImage: options.resolveImage ?? ResolveImage.ALWAYS });
  const spec = (name: string) => [...swarm.services.values()].find((s) => s.snapshot.name === name)!.spec as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  return { swarm, deploy, spec };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(StackDeployer.name, () => {
  it('works in docker stack deploy order and fills secret ids by name', async () => {
    const { swarm, deploy, spec } = setup();
    await deploy(compose());
    expect(swarm.log).toEqual(['create network app_default', 'create secret app_pw', 'create service app_web', 'create service app_worker']);
    expect(spec('app_web').TaskTemplate.ContainerSpec.Secrets[0]).toMatchObject({ SecretName: 'app_pw', SecretID: swarm.data.get('secrets/app_pw')!.snapshot.dockerId });
  });

  it('pins the image to the registry digest and keeps it on an unchanged redeploy: nothing changes', async () => {
    const { swarm, deploy, spec } = setup();
    swarm.registry.set('registry.test/web:v1', 'sha256:aaa');
    const first = await deploy(compose());
    expect(spec('app_web').TaskTemplate.ContainerSpec.Image).toBe('registry.test/web:v1@sha256:aaa');
    expect(spec('app_web').TaskTemplate.Placement.Platforms).toEqual([{ OS: 'linux', Architecture: 'amd64' }]);
    // fleet/busybox is not in the registry: tagged, left unpinned, and said so.
    expect(spec('app_worker').TaskTemplate.ContainerSpec.Image).toBe('fleet/busybox:latest');
    expect(first.engineWarnings.join()).toMatch(/fleet\/busybox:latest could not be accessed on a registry/);

    const again = await deploy(compose());
    expect(again.changes.filter((c) => c.kind === 'SERVICE').map((c) => c.action)).toEqual([StackChangeAction.UNCHANGED, StackChangeAction.UNCHANGED]);
    expect(again.changes.find((c) => c.kind === 'NETWORK')!.action).toBe(StackChangeAction.UNCHANGED);
    expect(again.changes.find((c) => c.kind === 'SECRET')!.action).toBe(StackChangeAction.UNCHANGED);
  });

  it('resolveImage CHANGED and NEVER keep the running pinned image for an unchanged image string, without asking the registry', async () => {
    const { swarm, deploy, spec } = setup();
    swarm.registry.set('registry.test/web:v1', 'sha256:aaa');
    await deploy(compose());
    swarm.registry.set('registry.test/web:v1', 'sha256:bbb'); // the tag moved in the registry
    swarm.registryQueries.length = 0;
    const changed = await deploy(compose(), { resolveImage: ResolveImage.CHANGED });
    expect(swarm.registryQueries).toEqual([]);
    expect(spec('app_web').TaskTemplate.ContainerSpec.Image).toBe('registry.test/web:v1@sha256:aaa');
    expect(changed.changes.filter((c) => c.action === StackChangeAction.UPDATED)).toEqual([]);
    // ALWAYS asks again, and follows the moved tag.
    await deploy(compose(), { resolveImage: ResolveImage.ALWAYS });
    expect(spec('app_web').TaskTemplate.ContainerSpec.Image).toBe('registry.test/web:v1@sha256:bbb');
    // A changed image string with NEVER: sent as written (tagged), not pinned.
    swarm.registry.set('registry.test/web:v2', 'sha256:ccc');
    swarm.registryQueries.length = 0;
    await deploy(compose('registry.test/web:v2'), { resolveImage: ResolveImage.NEVER });
    expect(swarm.registryQueries).toEqual([]);
    expect(spec('app_web').TaskTemplate.ContainerSpec.Image).toBe('registry.test/web:v2');
  });

  it('keeps the running TaskTemplate.ForceUpdate, so a forced update earlier does not make every deploy restart tasks', async () => {
    const { swarm, deploy, spec } = setup();
    await deploy(compose());
    const web = [...swarm.services.values()].find((s) => s.snapshot.name === 'app_web')!;
    (web.spec.TaskTemplate as { ForceUpdate: number }).ForceUpdate = 3;
    web.snapshot = { ...web.snapshot, spec: structuredClone(web.spec) };
    const again = await deploy(compose());
    expect(spec('app_web').TaskTemplate.ForceUpdate).toBe(3);
    expect(again.changes.find((c) => c.name === 'app_web')!.action).toBe(StackChangeAction.UNCHANGED);
    const scaled = await deploy(compose(undefined, 2));
    expect(scaled.changes.find((c) => c.name === 'app_web')!.action).toBe(StackChangeAction.UPDATED);
    expect(spec('app_web').TaskTemplate.ForceUpdate).toBe(3);
  });

  it('refuses a host bind mount without docker.hosts.privileged before creating anything', async () => {
    const { swarm, deploy } = setup();
    const bind = compose(undefined, 1, '    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n');
    const error = await refusal(deploy(bind));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/^services\.web/);
    expect(swarm.log).toEqual([]);
    await deploy(bind, { as: principal(Permission.SwarmClustersManage, Permission.DockerHostsPrivileged) });
    expect(swarm.log).toContain('create service app_web');
  });

  it('names every missing external object, and a changed secret is a rotation CONFLICT, both before any write', async () => {
    const { swarm, deploy } = setup();
    const external = `services:\n  web:\n    image: x/web\n    networks: [edge]\n    secrets: [tls]\n    configs: [conf]\nnetworks:\n  edge:\n    external: true\nsecrets:\n  tls:\n    external: true\nconfigs:\n  conf:\n    external: true\n`;
    const missing = await refusal(deploy(external));
    expect(missing.code).toBe('BAD_USER_INPUT');
    expect(missing.message).toMatch(/network "edge" is declared as external, but could not be found.*secret "tls".*config "conf"/);

    await deploy(compose());
    swarm.log.length = 0;
    const conflict = await refusal(deploy(compose(undefined, 3), { pw: 'secret-2' }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toMatch(/secret app_pw already exists with other content.*Rotate it: give the new content a new name/);
    expect(conflict.message).not.toMatch(/only updates to Labels/);
    expect(swarm.log).toEqual([]);
  });

  it('prunes services the file no longer has (first, as the CLI does), only when asked', async () => {
    const { swarm, deploy } = setup();
    await deploy(compose());
    const onlyWeb = `services:\n  web:\n    image: registry.test/web:v1\n    secrets: [pw]\nsecrets:\n  pw:\n    environment: PW\n`;
    await deploy(onlyWeb);
    expect([...swarm.services.values()].map((s) => s.snapshot.name).sort()).toEqual(['app_web', 'app_worker']);
    swarm.log.length = 0;
    const pruned = await deploy(onlyWeb, { prune: true });
    // The probe of the secret's data (before any change), then the prune, then the deploy proper.
    expect(swarm.log).toEqual(['update secret app_pw', 'remove service app_worker', 'update secret app_pw', 'update service app_web']);
    expect(pruned.changes[0]).toMatchObject({ kind: 'SERVICE', name: 'app_worker', action: StackChangeAction.REMOVED });
  });

  it('refuses an endpoint that is not a manager', async () => {
    const { swarm, deploy } = setup();
    swarm.manager = false;
    expect((await refusal(deploy(compose()))).code).toBe('NOT_SWARM_MANAGER');
  });
});
