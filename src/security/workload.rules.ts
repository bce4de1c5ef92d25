import { isObjectName } from '../common/ids';
/**
 * What a workload asks of its host, whatever path creates it (a container now; swarm services and container
 * instances later map their specs to this), or what a live container has (its `ContainerReach`). Field names are the
 * API's, so a refusal names what the caller sent.
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
  /** `HostConfig.Binds` style: `source:target[:opts]`; a source starting with / is a host path, else a volume name. */
  binds?: readonly string[] | null;
  mounts?: ReadonlyArray<{ type: string; source?: string | null }> | null;
}

/** A setting that reaches the host: the field that asked for it, and what it reaches, as a noun phrase. */
export interface Finding {
  field: string;
  what: string;
}

const TIGHTENING = /^no-new-privileges([=:]true)?$/;
const DOCKER_SOCKET = /(^|\/)docker\.sock$|^\/var\/run\/docker$|^\/run\/docker$/;
const NAMESPACES = [['pidMode', 'PID'], ['ipcMode', 'IPC'], ['utsMode', 'UTS'], ['usernsMode', 'user'], ['cgroupnsMode', 'cgroup'], ['network', 'network']] as const;
/** A container's name or (short) id, a volume's name: anything else could walk the Engine's URL space. */

/**
 * The first setting that reaches the host by itself: privileged mode, added capabilities, devices, a host namespace,
 * a loosening security option, a host path mounted in (through `Binds` or `Mounts` of type bind alike).
 */
export function literalReach(spec: WorkloadSpec): Finding | undefined {
  if (spec.privileged) return { field: 'privileged', what: 'privileged mode' };
  if (spec.capAdd?.length) return { field: 'capAdd', what: `added capabilities (${spec.capAdd.join(', ')})` };
  if (spec.devices?.length) return { field: 'devices', what: `host devices (${spec.devices.join(', ')})` };
  for (const [field, name] of NAMESPACES) {
    if (spec[field]?.trim().toLowerCase() === 'host') return { field, what: `the host's ${name} namespace` };
  }
  // Only options that tighten are free. Anything else can loosen: not just "seccomp=unconfined" but a custom profile
  // (`seccomp={"defaultAction":"SCMP_ACT_ALLOW"}` is unconfined by another name), an AppArmor profile, SELinux labels.
  for (const option of spec.securityOpt ?? []) {
    if (!TIGHTENING.test(option.replace(/\s+/g, '').toLowerCase())) return { field: 'securityOpt', what: `the security option "${option.slice(0, 80)}"` };
  }
  for (const [i, bind] of (spec.binds ?? []).entries()) {
    const source = bind.split(':')[0] ?? '';
    if (source.startsWith('/')) return { field: `binds[${i}]`, what: hostPath(source) };
  }
  for (const [i, mount] of (spec.mounts ?? []).entries()) {
    const type = mount.type.toLowerCase();
    if (type === 'bind') return { field: `mounts[${i}].source`, what: hostPath(mount.source ?? '') };
    if (type !== 'volume' && type !== 'tmpfs') return { field: `mounts[${i}].type`, what: `a mount of type ${type}` };
  }
  return undefined;
}

function hostPath(source: string): string {
  return DOCKER_SOCKET.test(source) ? `the Docker socket mounted (${source})` : `a host path mounted (${source})`;
}

/** The named volumes a workload mounts, each with the field that names it. */
export function volumesOf(spec: WorkloadSpec): Finding[] {
  const binds = (spec.binds ?? []).map((bind, i) => ({ field: `binds[${i}]`, what: bind.split(':')[0] ?? '' })).filter((v) => v.what && !v.what.startsWith('/'));
  const mounts = (spec.mounts ?? []).map((m, i) => ({ field: `mounts[${i}].source`, what: m.type.toLowerCase() === 'volume' ? (m.source ?? '') : '' })).filter((v) => v.what);
  return [...binds, ...mounts];
}

/** The containers a workload joins (`container:<ref>` namespace modes), each with the field that names it. */
export function joinsOf(spec: WorkloadSpec): Finding[] {
  return NAMESPACES.flatMap(([field]) => {
    const mode = spec[field]?.trim() ?? '';
    return /^container:/i.test(mode) ? [{ field, what: mode.slice('container:'.length) }] : [];
  });
}

export { isObjectName };

const BIND_FLAG = /^r?bind$/;
/** Mount options a tmpfs may take without reaching anything: sizes, modes, owners, and flags that only restrict. */
const TMPFS_OPTION = /^((size|mode|uid|gid|nr_inodes|nr_blocks)=[\w.%]*|ro|rw|noexec|nosuid|nodev|noatime)$/;

/**
 * What a volume reaches on the host through its driver: the local driver's `o=bind` + `device=/path` is a bind mount
 * by another name, `type=ext4,device=/dev/sda1` a host disk, `type=nfs`/`cifs` a share mounted from the host's network;
 * a plugin mounts whatever it likes. Only a plain local volume or a local tmpfs stays inside.
 */
export function volumeReach(volume: { driver?: string | null; options?: Readonly<Record<string, string>> | null }): string | undefined {
  const driver = (volume.driver || 'local').trim().toLowerCase();
  if (driver !== 'local') return `the volume driver "${driver}" (a plugin mounts whatever it likes)`;
  const options = Object.fromEntries(Object.entries(volume.options ?? {}).map(([k, v]) => [k.trim().toLowerCase(), String(v).trim()]));
  const type = options.type?.toLowerCase() ?? '';
  const flags = (options.o ?? '').split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const device = options.device ?? '';
  if (!type && !device && flags.length === 0) return undefined;
  if (flags.some((f) => BIND_FLAG.test(f))) return `a bind of the host path ${device || '(none given)'}`;
  if (type === 'tmpfs' && flags.every((f) => TMPFS_OPTION.test(f))) return undefined;
  return `a host mount of ${device || 'a device'} (type ${type || 'none'})`;
}

const ROOT = /^(root|0+)(:|$)/;
/** A numeric uid (and gid) other than 0: no name, since a name other than "root" can still map to uid 0. */
const NON_ROOT_IDS = /^0*[1-9]\d{0,9}(:0*[1-9]\d{0,9})?$/;

/**
 * What entering a running container asks beyond what it already has: a privileged exec, or running as another user
 * than the container's own when that is not root (becoming root in a container made to run unprivileged).
 */
export function entryReach(exec: { user?: string | null; privileged?: boolean | null }, runsAs: string): Finding | undefined {
  if (exec.privileged) return { field: 'privileged', what: 'a privileged exec' };
  const user = exec.user?.trim() ?? '';
  const own = runsAs.trim();
  if (!user || user === own || own === '' || ROOT.test(own)) return undefined;
  if (NON_ROOT_IDS.test(user) && user.split(':').every((id) => Number(id) < 2 ** 31)) return undefined;
  return { field: 'user', what: ROOT.test(user) ? `becoming root in a container that runs as "${own}"` : `running as "${user}" (a name may be root) in a container that runs as "${own}"` };
}
