import { serviceReach } from '../../src/security/service.rules';

const spec = (container: Record<string, unknown>, task: Record<string, unknown> = {}) => ({ Name: 'web', TaskTemplate: { ContainerSpec: { Image: 'fleet/web:v1', ...container }, ...task } });

describe(serviceReach.name, () => {
  it('lets a plain service through: named volumes, tmpfs, overlay networks, default profiles', () => {
    expect(serviceReach(spec({ Mounts: [{ Type: 'volume', Source: 'data', Target: '/d' }, { Type: 'tmpfs', Target: '/t' }], Privileges: { Seccomp: { Mode: 'default' }, AppArmor: { Mode: 'default' } } }, { Networks: [{ Target: 'web_default' }] }))).toBeUndefined();
  });

  it('names each door to the node: bind mounts, binding volume drivers, capabilities, sysctls, privileges, the host network', () => {
    expect(serviceReach(spec({ Mounts: [{ Type: 'volume', Source: 'x' }, { Type: 'bind', Source: '/etc', Target: '/e' }] }))).toEqual({ field: 'spec.TaskTemplate.ContainerSpec.Mounts[1].Source', what: 'a host path mounted (/etc)' });
    expect(serviceReach(spec({ Mounts: [{ Type: 'volume', Source: 'v', VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'none', o: 'bind', device: '/root' } } } }] }))?.field).toBe('spec.TaskTemplate.ContainerSpec.Mounts[0].VolumeOptions.DriverConfig');
    expect(serviceReach(spec({ CapabilityAdd: ['CAP_SYS_ADMIN'] }))).toEqual({ field: 'spec.TaskTemplate.ContainerSpec.CapabilityAdd', what: 'added capabilities (CAP_SYS_ADMIN)' });
    expect(serviceReach(spec({ Sysctls: { 'net.ipv4.ip_forward': '1' } }))?.what).toBe('kernel parameters set (net.ipv4.ip_forward)');
    expect(serviceReach(spec({ Privileges: { Seccomp: { Mode: 'unconfined' } } }))?.field).toBe('spec.TaskTemplate.ContainerSpec.Privileges.Seccomp');
    expect(serviceReach(spec({}, { Networks: [{ Target: 'host' }] }), 'services.web')).toEqual({ field: 'services.web.TaskTemplate.Networks[0]', what: "the host's network namespace" });
    expect(serviceReach(spec({ Mounts: [{ Type: 'npipe', Source: 'x' }] }))?.what).toBe('a mount of type npipe');
  });
});
