import { volumeReach, type Finding } from './workload.rules';
import { literalReach } from './workload.rules';

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] => list(value).map(String);

/**
 * What a swarm service's tasks ask of the nodes they run on, from the Engine ServiceSpec itself (whatever made it: the
 * API's typed input, a raw spec, a compose file): host bind mounts (`Mounts` of type bind), volumes whose driver
 * options bind a host path, the host network, added capabilities, sysctls, and loosening privileges (credential
 * specs, SELinux labels, seccomp or AppArmor profiles). Fields are named by their path in the spec.
 */
export function serviceReach(spec: Json, at = 'spec'): Finding | undefined {
  const base = `${at}.TaskTemplate.ContainerSpec`;
  const task = object(spec.TaskTemplate);
  const container = object(task.ContainerSpec);
  const capAdd = strings(container.CapabilityAdd);
  const literal = literalReach({ capAdd });
  if (literal) return { field: `${base}.CapabilityAdd`, what: literal.what };
  const sysctls = Object.keys(object(container.Sysctls));
  if (sysctls.length) return { field: `${base}.Sysctls`, what: `kernel parameters set (${sysctls.join(', ')})` };
  for (const [i, raw] of list(container.Mounts).entries()) {
    const mount = object(raw);
    const type = String(mount.Type ?? 'volume').toLowerCase();
    const field = `${base}.Mounts[${i}]`;
    if (type === 'bind') return { field: `${field}.Source`, what: `a host path mounted (${String(mount.Source ?? '')})` };
    if (type === 'volume') {
      const driver = object(object(mount.VolumeOptions).DriverConfig);
      const what = volumeReach({ driver: driver.Name as string | undefined, options: object(driver.Options) as Record<string, string> });
      if (what) return { field: `${field}.VolumeOptions.DriverConfig`, what: `the volume ${String(mount.Source ?? '')}, ${what}` };
    } else if (type !== 'tmpfs') return { field: `${field}.Type`, what: `a mount of type ${type}` };
  }
  const privileges = object(container.Privileges);
  for (const key of ['CredentialSpec', 'SELinuxContext', 'Seccomp', 'AppArmor']) {
    const value = privileges[key];
    if (value == null) continue;
    const mode = String(object(value).Mode ?? '').toLowerCase();
    // Only "default" profiles (and a disabled SELinux context) keep the sandbox as Docker makes it.
    if (key === 'SELinuxContext' && object(value).Disable !== true && Object.values(object(value)).every((v) => v === false || v === '' || v == null)) continue;
    if ((key === 'Seccomp' || key === 'AppArmor') && mode === 'default') continue;
    return { field: `${base}.Privileges.${key}`, what: `the ${key} privileges setting` };
  }
  for (const [i, raw] of [...list(task.Networks), ...list(spec.Networks)].entries()) {
    const target = String(object(raw).Target ?? '').toLowerCase();
    if (target === 'host') return { field: `${at}.TaskTemplate.Networks[${i}]`, what: "the host's network namespace" };
  }
  return undefined;
}
