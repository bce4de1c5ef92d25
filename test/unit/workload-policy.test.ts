import { Permission } from '../../src/auth/permissions';
import type { Principal } from '../../src/auth/principal';
import { DomainError } from '../../src/common/errors';
import type { ContainerReach, HostTarget, VolumeReach } from '../../src/docker/docker.types';
import { WorkloadPolicy, type ContainerDirectory, type ReachLookup, type WorkloadSpec } from '../../src/security/workload-policy';

const principal = (...permissions: Permission[]) => ({ userId: 'u', accountId: 'a', permissions: new Set(permissions), expiresAt: new Date(Date.now() + 60_000) }) as unknown as Principal;
const manager = principal(Permission.DockerHostsManage);
const privileged = principal(Permission.DockerHostsManage, Permission.DockerHostsPrivileged);
const target: HostTarget = { hostId: 'h1', apiEndpoint: 'unix:///var/run/docker.sock', tlsVerify: true, fingerprint: 'f' };

const plain = (name: string, settings: Partial<ContainerReach> = {}): ContainerReach => ({
  dockerId: `${name}-id`,
  name,
  user: '',
  privileged: false,
  capAdd: [],
  devices: [],
  pidMode: '',
  ipcMode: 'private',
  utsMode: '',
  usernsMode: '',
  network: 'bridge',
  securityOpt: [],
  mounts: [],
  ...settings,
});

/** A hand-written host: containers found by name or id, volumes by name, and the caller's inventory of it. */
class FakeHost implements ReachLookup, ContainerDirectory {
  readonly inspected: string[] = [];
  constructor(
    private readonly containers: ContainerReach[] = [],
    private readonly volumes: VolumeReach[] = [],
    private readonly inventory: ReadonlySet<string> = new Set(containers.map((c) => c.dockerId)),
  ) {}

  async container(_target: HostTarget, ref: string) {
    this.inspected.push(ref);
    return this.containers.find((c) => c.name === ref || c.dockerId === ref) ?? null;
  }

  async volume(_target: HostTarget, name: string) {
    return this.volumes.find((v) => v.name === name) ?? null;
  }

  async holdsContainer(_principal: Principal, hostId: string, dockerId: string) {
    return hostId === target.hostId && this.inventory.has(dockerId);
  }
}

const policyOn = (host: FakeHost) => new WorkloadPolicy({ reach: host, inventory: host });

/** What a call answered: null when allowed, else the code and the field it named. */
async function outcome(call: () => Promise<void> | void): Promise<{ code: string; field: unknown } | null> {
  try {
    await call();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, field: error.details.field };
  }
}

const refusedField = async (spec: WorkloadSpec, host = new FakeHost()) => {
  const result = await outcome(() => policyOn(host).enforce(manager, target, spec));
  return result && (result.code === 'FORBIDDEN' ? result.field : result.code);
};

describe(WorkloadPolicy.name, () => {
  describe('creating a workload', () => {
    it('refuses every literal way out of the sandbox, naming the setting', async () => {
      expect(await refusedField({ privileged: true })).toBe('privileged');
      expect(await refusedField({ capAdd: ['SYS_ADMIN'] })).toBe('capAdd');
      expect(await refusedField({ devices: ['/dev/sda'] })).toBe('devices');
      for (const mode of ['pidMode', 'ipcMode', 'utsMode', 'usernsMode', 'cgroupnsMode', 'network'] as const) expect(await refusedField({ [mode]: ' HOST ' })).toBe(mode);
      expect(await refusedField({ securityOpt: ['seccomp=unconfined'] })).toBe('securityOpt');
      expect(await refusedField({ securityOpt: ['seccomp={"defaultAction":"SCMP_ACT_ALLOW"}'] })).toBe('securityOpt');
      expect(await refusedField({ securityOpt: ['apparmor:unconfined'] })).toBe('securityOpt');
      expect(await refusedField({ securityOpt: ['label=disable'] })).toBe('securityOpt');
      expect(await refusedField({ binds: ['data:/data', '/var/run/docker.sock:/var/run/docker.sock'] })).toBe('binds[1]');
      expect(await refusedField({ binds: ['/:/host'] })).toBe('binds[0]');
      expect(await refusedField({ mounts: [{ type: 'tmpfs' }, { type: 'bind', source: '/etc' }] })).toBe('mounts[1].source');
      expect(await refusedField({ mounts: [{ type: 'BIND', source: '/run/docker.sock' }] })).toBe('mounts[0].source');
      expect(await refusedField({ mounts: [{ type: 'cluster', source: 'csi' }] })).toBe('mounts[0].type');
    });

    it('allows what stays inside: plain and tmpfs volumes, dropped capabilities, no-new-privileges, bridge networks', async () => {
      const host = new FakeHost([], [
        { name: 'data', driver: 'local', options: {} },
        { name: 'scratch', driver: 'local', options: { type: 'tmpfs', device: 'tmpfs', o: 'size=64m,uid=1000,noexec' } },
      ]);
      const spec = { binds: ['data:/data', 'new-volume:/new'], mounts: [{ type: 'volume', source: 'scratch' }, { type: 'tmpfs' }], capAdd: [], network: 'bridge', securityOpt: ['no-new-privileges', 'no-new-privileges:true'] };
      expect(await refusedField(spec, host)).toBeNull();
    });

    it('refuses a named volume whose driver options mount something of the host, in Mounts and Binds alike', async () => {
      const host = new FakeHost([], [
        { name: 'etc', driver: 'local', options: { type: 'none', o: 'bind', device: '/etc' } },
        { name: 'rbind', driver: 'local', options: { type: 'none', o: 'ro, RBIND', device: '/' } },
        { name: 'disk', driver: 'local', options: { type: 'ext4', device: '/dev/sda1' } },
        { name: 'share', driver: 'local', options: { type: 'nfs', o: 'addr=10.0.0.1', device: ':/export' } },
        { name: 'moved', driver: 'local', options: { type: 'tmpfs', o: 'move', device: '/' } },
        { name: 'plugin', driver: 'rexray/ebs', options: {} },
      ]);
      expect(await refusedField({ mounts: [{ type: 'volume', source: '../containers/x/json?' }] }, host)).toBe('BAD_USER_INPUT');
      for (const name of ['etc', 'rbind', 'disk', 'share', 'moved', 'plugin']) {
        expect({ name, field: await refusedField({ mounts: [{ type: 'volume', source: name }] }, host) }).toEqual({ name, field: 'mounts[0].source' });
        expect({ name, field: await refusedField({ binds: [`${name}:/x:ro`] }, host) }).toEqual({ name, field: 'binds[0]' });
      }
    });

    it('judges a joined container as part of the workload: its host namespaces, capabilities, privilege and mounts pass on', async () => {
      const host = new FakeHost(
        [
          plain('hostnet', { network: 'host' }),
          plain('hostpid', { pidMode: 'host' }),
          plain('netadmin', { capAdd: ['NET_ADMIN'] }),
          plain('root', { privileged: true }),
          plain('binder', { mounts: [{ type: 'bind', source: '/etc' }] }),
          plain('volumed', { mounts: [{ type: 'volume', source: 'etc' }] }),
          plain('unmasked', { securityOpt: ['systempaths=unconfined'] }),
        ],
        [{ name: 'etc', driver: 'local', options: { type: 'none', o: 'bind', device: '/etc' } }],
      );
      for (const joined of ['hostnet', 'hostpid', 'netadmin', 'root', 'binder', 'volumed', 'unmasked']) {
        for (const field of ['network', 'pidMode', 'ipcMode', 'utsMode'] as const) {
          expect({ joined, field: await refusedField({ [field]: `container:${joined}` }, host) }).toEqual({ joined, field });
        }
      }
    });

    it('follows a chain of joins, through ids, stopping at cycles and refusing chains past the bound', async () => {
      const chain = [plain('c0', { network: 'container:c1-id' }), plain('c1', { pidMode: 'container:c2' }), plain('c2', { ipcMode: 'container:c3' }), plain('c3', { network: 'host' })];
      await expect(policyOn(new FakeHost(chain)).enforce(manager, target, { network: 'container:c0' })).rejects.toThrow(
        "network: joining container c0 (network: joining container c1 (pidMode: joining container c2 (ipcMode: joining container c3 (network: the host's network namespace)))) needs the permission docker.hosts.privileged",
      );

      const cycle = new FakeHost([plain('a', { network: 'container:b' }), plain('b', { pidMode: 'container:a-id' })]);
      expect(await refusedField({ network: 'container:a', pidMode: 'container:b' }, cycle)).toBeNull();
      expect(cycle.inspected.filter((ref) => ref === 'a')).toHaveLength(1); // each container inspected once per decision

      const long = Array.from({ length: 6 }, (_, i) => plain(`l${i}`, { network: i < 5 ? `container:l${i + 1}` : 'bridge' }));
      expect(await refusedField({ network: 'container:l0' }, new FakeHost(long))).toBe('network');
      const gone = new FakeHost([plain('orphan', { network: 'container:removed-long-ago' })]);
      expect(await refusedField({ network: 'container:orphan' }, gone)).toBe('network');
    });

    it("lets anyone who may manage the host join an ordinary container's namespaces", async () => {
      const host = new FakeHost([plain('web', { user: '1000', mounts: [{ type: 'volume', source: 'data' }, { type: 'tmpfs', source: null }] })], [{ name: 'data', driver: 'local', options: {} }]);
      expect(await refusedField({ network: 'container:web', pidMode: 'container:web-id', ipcMode: 'container:web' }, host)).toBeNull();
    });

    it("refuses to join a container that is not the caller's, exactly like a missing one, even with the privileged permission", async () => {
      const foreign = plain('theirs');
      const host = new FakeHost([foreign], [], new Set()); // on the daemon, not in the caller's inventory of the host
      for (const who of [manager, privileged]) {
        for (const ref of ['theirs', 'missing', '../../images/json?x=', '']) {
          const result = await outcome(() => policyOn(host).enforce(who, target, { pidMode: `container:${ref}` }));
          expect({ ref, result }).toEqual({ ref, result: { code: 'BAD_USER_INPUT', field: 'pidMode' } });
        }
      }
      expect(host.inspected).not.toContain('../../images/json?x=');
    });

    it('lets the privileged permission through everything it owns', async () => {
      const host = new FakeHost([plain('root', { privileged: true })], [{ name: 'etc', driver: 'local', options: { o: 'bind', device: '/etc' } }]);
      const spec = { privileged: true, binds: ['/:/host', 'etc:/etc'], securityOpt: ['seccomp=unconfined'], network: 'container:root' };
      expect(await outcome(() => policyOn(host).enforce(privileged, target, spec))).toBeNull();
    });
  });

  describe('entering a container (exec)', () => {
    const host = new FakeHost(
      [
        plain('web'),
        plain('app', { user: 'app' }),
        plain('uid', { user: '1000:1000' }),
        plain('root', { privileged: true }),
        plain('joiner', { network: 'container:hostnet-id' }),
        plain('hostnet', { network: 'host' }),
        plain('binder', { mounts: [{ type: 'bind', source: '/var/run/docker.sock' }] }),
        plain('volumed', { mounts: [{ type: 'volume', source: 'etc' }] }),
      ],
      [{ name: 'etc', driver: 'local', options: { type: 'none', o: 'bind', device: '/etc' } }],
    );
    const enter = (who: Principal, id: string, exec: { user?: string | null; privileged?: boolean | null } = {}) => outcome(() => policyOn(host).enforceEntry(who, target, `${id}-id`, exec));

    it('refuses to enter a container that reaches the host, naming the id', async () => {
      for (const id of ['root', 'joiner', 'hostnet', 'binder', 'volumed']) expect({ id, result: await enter(manager, id) }).toEqual({ id, result: { code: 'FORBIDDEN', field: 'id' } });
    });

    it('refuses becoming root, or a named user, in a container made to run as another user; and a privileged exec', async () => {
      for (const user of ['root', '0', '0:0', 'root:root', '000', 'admin', '1000:0', '4294967296']) {
        expect({ user, result: await enter(manager, 'app', { user }) }).toEqual({ user, result: { code: 'FORBIDDEN', field: 'user' } });
      }
      expect(await enter(manager, 'uid', { user: 'root' })).toEqual({ code: 'FORBIDDEN', field: 'user' });
      expect(await enter(manager, 'web', { privileged: true })).toEqual({ code: 'FORBIDDEN', field: 'privileged' });
    });

    it("allows entering an ordinary container as its own user, any user where it runs as root, or another numeric uid", async () => {
      expect(await enter(manager, 'web')).toBeNull();
      expect(await enter(manager, 'web', { user: 'root' })).toBeNull();
      expect(await enter(manager, 'web', { user: 'nobody' })).toBeNull();
      expect(await enter(manager, 'app', { user: 'app' })).toBeNull();
      expect(await enter(manager, 'app', { user: '1001:1001' })).toBeNull();
      expect(await enter(manager, 'uid', { user: ' ' })).toBeNull();
    });

    it('judges a container that is started or restarted like one being entered, with nothing asked of its own', async () => {
      const run = (who: Principal, id: string) => outcome(() => policyOn(host).enforceRun(who, target, `${id}-id`));
      for (const id of ['root', 'joiner', 'hostnet', 'binder', 'volumed']) expect({ id, result: await run(manager, id) }).toEqual({ id, result: { code: 'FORBIDDEN', field: 'id' } });
      expect(await run(manager, 'web')).toBeNull();
      expect(await run(manager, 'app')).toBeNull();
      expect(await run(privileged, 'root')).toBeNull();
    });

    it('lets the privileged permission in anywhere, and answers NOT_FOUND for a container the host no longer has', async () => {
      expect(await enter(privileged, 'root', { user: 'root', privileged: true })).toBeNull();
      expect(await enter(manager, 'vanished')).toEqual({ code: 'NOT_FOUND', field: undefined });
    });
  });

  describe('creating a volume', () => {
    const create = (who: Principal, driverOpts: Record<string, string>) => outcome(() => policyOn(new FakeHost()).enforceVolume(who, { driver: 'local', driverOpts }));

    it('refuses driver options that mount something of the host, naming driverOpts', async () => {
      for (const driverOpts of <Array<Record<string, string>>>[{ type: 'none', o: 'bind', device: '/etc' }, { o: 'rbind', device: '/' }, { type: 'ext4', device: '/dev/sda1' }, { type: 'nfs', o: 'addr=10.0.0.1', device: ':/x' }, { type: 'tmpfs', o: 'bind', device: '/srv' }, { TYPE: 'none', O: 'BIND', DEVICE: '/srv' }]) {
        expect({ driverOpts, result: await create(manager, driverOpts) }).toEqual({ driverOpts, result: { code: 'FORBIDDEN', field: 'driverOpts' } });
      }
    });

    it('allows a plain or tmpfs volume to anyone, and host-mounting options with the privileged permission', async () => {
      expect(await create(manager, {})).toBeNull();
      expect(await create(manager, { type: 'tmpfs', device: 'tmpfs', o: 'size=100m,mode=1777' })).toBeNull();
      expect(await create(privileged, { type: 'none', o: 'bind', device: '/etc' })).toBeNull();
    });
  });
});
