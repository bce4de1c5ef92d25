import { Permission } from '../../src/auth/permissions';
import type { Principal } from '../../src/auth/principal';
import { DomainError } from '../../src/common/errors';
import { enforceWorkloadPolicy, type WorkloadSpec } from '../../src/security/workload-policy';

const principal = (...permissions: Permission[]) => ({ userId: 'u', accountId: 'a', permissions: new Set(permissions), expiresAt: new Date(Date.now() + 60_000) }) as unknown as Principal;
const manager = principal(Permission.DockerHostsManage);

function refusal(spec: WorkloadSpec): string | null {
  try {
    enforceWorkloadPolicy(manager, spec);
    return null;
  } catch (error) {
    return error instanceof DomainError && error.code === 'FORBIDDEN' ? String(error.details.field) : 'other';
  }
}

describe(enforceWorkloadPolicy.name, () => {
  it('refuses every way out of the sandbox, naming the setting', () => {
    expect(refusal({ privileged: true })).toBe('privileged');
    expect(refusal({ capAdd: ['SYS_ADMIN'] })).toBe('capAdd');
    expect(refusal({ devices: ['/dev/sda'] })).toBe('devices');
    for (const mode of ['pidMode', 'ipcMode', 'utsMode', 'usernsMode', 'cgroupnsMode', 'network'] as const) expect(refusal({ [mode]: ' HOST ' })).toBe(mode);
    expect(refusal({ securityOpt: ['seccomp=unconfined'] })).toBe('securityOpt');
    expect(refusal({ securityOpt: ['seccomp={"defaultAction":"SCMP_ACT_ALLOW"}'] })).toBe('securityOpt');
    expect(refusal({ securityOpt: ['apparmor:unconfined'] })).toBe('securityOpt');
    expect(refusal({ securityOpt: ['label=disable'] })).toBe('securityOpt');
    expect(refusal({ binds: ['/var/run/docker.sock:/var/run/docker.sock'] })).toBe('binds');
    expect(refusal({ binds: ['/:/host'] })).toBe('binds');
    expect(refusal({ mounts: [{ type: 'bind', source: '/etc' }] })).toBe('mounts');
    expect(refusal({ mounts: [{ type: 'BIND', source: '/run/docker.sock' }] })).toBe('mounts');
  });

  it('allows what stays inside: named volumes, tmpfs, dropped capabilities, no-new-privileges, bridge networks', () => {
    expect(refusal({ binds: ['data:/data'], mounts: [{ type: 'volume', source: 'data' }, { type: 'tmpfs' }], capAdd: [], network: 'bridge', securityOpt: ['no-new-privileges', 'no-new-privileges:true'] })).toBeNull();
  });

  it('lets the privileged permission through', () => {
    expect(() => enforceWorkloadPolicy(principal(Permission.DockerHostsPrivileged), { privileged: true, binds: ['/:/host'], securityOpt: ['seccomp=unconfined'] })).not.toThrow();
  });
});
