import type { ComposeProblem } from './compose.errors';
import { pathText, type LineIndex } from './compose.yaml';
import type { ComposeWarning } from './stack-plan.types';

/**
 * Service keys `docker stack deploy` refuses (types.ForbiddenProperties, with its messages), plus compose-spec's
 * container-level resource keys that swarm only takes under deploy.resources, and keys that would read files on the
 * server.
 */
export const FORBIDDEN: Record<string, string> = {
  extends: 'Support for `extends` is not implemented yet.',
  volume_driver: 'Instead of setting the volume driver on the service, define a volume using the top-level `volumes` option and specify the driver there.',
  volumes_from: 'To share a volume between services, define it using the top-level `volumes` option and reference it from each service that shares it using the service-level `volumes` option.',
  cpu_quota: 'Set resource limits using deploy.resources',
  cpu_shares: 'Set resource limits using deploy.resources',
  cpuset: 'Set resource limits using deploy.resources',
  mem_limit: 'Set resource limits using deploy.resources',
  memswap_limit: 'Set resource limits using deploy.resources',
  cpus: 'Set resource limits using deploy.resources',
  mem_reservation: 'Set resource reservations using deploy.resources',
  pids_limit: 'Set the PID limit using deploy.resources.limits.pids',
  env_file: 'Files are not read from the server: set the values under environment:, from deploy variables if they are secret-free, or use secrets.',
  label_file: 'Files are not read from the server: set the labels under labels:.',
};

/** Keys swarm ignores (types.UnsupportedProperties and DeprecatedProperties): warned about, never applied. */
export const IGNORED: Record<string, string> = {
  build: 'a stack deploys images: build and push the image first; ignored',
  cgroupns_mode: 'swarm does not support it; ignored',
  cgroup_parent: 'swarm does not support it; ignored',
  devices: 'swarm does not support devices; ignored',
  domainname: 'swarm does not support it; ignored',
  external_links: 'swarm does not support links: services on a shared network reach each other by name; ignored',
  ipc: 'swarm does not support it; ignored',
  links: 'swarm does not support links: services on a shared network reach each other by name; ignored',
  mac_address: 'swarm does not support it; ignored',
  network_mode: 'swarm does not support it: use networks:; ignored',
  pid: 'swarm does not support it; ignored',
  privileged: 'swarm does not run privileged tasks; ignored',
  restart: 'swarm uses deploy.restart_policy; without one, restart is read as the restart policy (as docker stack deploy does)',
  security_opt: 'swarm does not support it; ignored',
  shm_size: 'swarm does not support it; ignored',
  userns_mode: 'swarm does not support it; ignored',
  container_name: 'Setting the container name is not supported; ignored.',
  expose: "Exposing ports is unnecessary - services on the same network can access each other's containers on any port; ignored.",
};

/** Refused keys across all services, each with its line, checked before anything else (as validateForbidden does). */
export function forbiddenKeys(data: Record<string, unknown>, lines: LineIndex): ComposeProblem[] {
  const problems: ComposeProblem[] = [];
  for (const [name, service] of Object.entries(services(data))) {
    if (!service || typeof service !== 'object') continue;
    for (const key of Object.keys(service)) {
      if (Object.prototype.hasOwnProperty.call(FORBIDDEN, key)) {
        const path = ['services', name, key];
        problems.push({ path: pathText(path), line: lines.of(path), message: `not supported by swarm stacks. ${FORBIDDEN[key]}` });
      }
    }
  }
  return problems;
}

/** Ignored keys as warnings, on the file as written (before interpolation), as the CLI lists them. */
export function ignoredKeys(data: Record<string, unknown>, lines: LineIndex): ComposeWarning[] {
  const warnings: ComposeWarning[] = [];
  for (const [name, service] of Object.entries(services(data))) {
    if (!service || typeof service !== 'object') continue;
    for (const key of Object.keys(service)) {
      if (Object.prototype.hasOwnProperty.call(IGNORED, key)) {
        const path = ['services', name, key];
        warnings.push({ path: pathText(path), line: lines.of(path), message: IGNORED[key]! });
      }
    }
  }
  return warnings;
}

function services(data: Record<string, unknown>): Record<string, unknown> {
  const services = data.services;
  return services && typeof services === 'object' && !Array.isArray(services) ? (services as Record<string, unknown>) : {};
}
