import type { Principal } from '../auth/principal';
import { Permission } from '../auth/permissions';
import { ForbiddenError } from '../common/errors';

/**
 * What a workload asks of its host, whatever path creates it (a container now; swarm services and container
 * instances later map their specs to this). Field names are the API's, so a refusal names what the caller sent.
 */
export interface WorkloadSpec {
  privileged?: boolean | null;
  capAdd?: readonly string[] | null;
  devices?: readonly string[] | null;
  pidMode?: string | null;
  ipcMode?: string | null;
  utsMode?: string | null;
  usernsMode?: string | null;
  cgroupnsMode?: string | null;
  network?: string | null;
  securityOpt?: readonly string[] | null;
  /** `HostConfig.Binds` style: `source:target[:opts]`; a source starting with / is a host path. */
  binds?: readonly string[] | null;
  mounts?: ReadonlyArray<{ type: string; source?: string | null }> | null;
}

const TIGHTENING = /^no-new-privileges([=:]true)?$/;
const DOCKER_SOCKET = /(^|\/)docker\.sock$|^\/var\/run\/docker$|^\/run\/docker$/;

/**
 * The one workload spec policy. Without `docker.hosts.privileged`, a workload may not reach out of its sandbox into the
 * host: privileged mode, added capabilities, devices, the host's PID/IPC/UTS/user/cgroup/network namespaces,
 * unconfined seccomp or AppArmor, or host paths mounted in — through `Binds` or `Mounts` of type bind alike (a known
 * bypass elsewhere checked only one of them), the Docker socket above all. The refusal is FORBIDDEN, naming the setting.
 */
export function enforceWorkloadPolicy(principal: Principal, spec: WorkloadSpec): void {
  if (principal.permissions.has(Permission.DockerHostsPrivileged)) return;
  const refuse = (field: string, what: string) => {
    throw new ForbiddenError(`${field}: ${what} needs the permission ${Permission.DockerHostsPrivileged}`, field);
  };
  if (spec.privileged) refuse('privileged', 'a privileged container');
  if (spec.capAdd?.length) refuse('capAdd', `adding capabilities (${spec.capAdd.join(', ')})`);
  if (spec.devices?.length) refuse('devices', 'host devices');
  for (const [field, mode] of [['pidMode', spec.pidMode], ['ipcMode', spec.ipcMode], ['utsMode', spec.utsMode], ['usernsMode', spec.usernsMode], ['cgroupnsMode', spec.cgroupnsMode], ['network', spec.network]] as const) {
    if (mode?.trim().toLowerCase() === 'host') refuse(field, "the host's namespace");
  }
  // Only options that tighten are free. Anything else can loosen: not just "seccomp=unconfined" but a custom profile
  // (`seccomp={"defaultAction":"SCMP_ACT_ALLOW"}` is unconfined by another name), an AppArmor profile, SELinux labels.
  for (const option of spec.securityOpt ?? []) {
    if (!TIGHTENING.test(option.replace(/\s+/g, '').toLowerCase())) refuse('securityOpt', `"${option.slice(0, 80)}"`);
  }
  for (const bind of spec.binds ?? []) {
    const source = bind.split(':')[0] ?? '';
    if (source.startsWith('/')) refuse('binds', DOCKER_SOCKET.test(source) ? `mounting the Docker socket (${source})` : `a host path (${source})`);
  }
  for (const mount of spec.mounts ?? []) {
    if (mount.type.toLowerCase() !== 'bind') continue;
    const source = mount.source ?? '';
    refuse('mounts', DOCKER_SOCKET.test(source) ? `mounting the Docker socket (${source})` : `a bind mount of a host path (${source})`);
  }
}
