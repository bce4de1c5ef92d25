import type {
  ContainerUsage,
  ContainerHealthName,
  ContainerMount,
  ContainerNetwork,
  ContainerPort,
  ContainerSnapshot,
  ContainerStateName,
  EngineEvent,
  ImageSnapshot,
  NetworkSnapshot,
  VolumeSnapshot,
} from './docker.types';
import { storable } from '../common/storable';

/*
 * Engine JSON -> plain snapshots. A container can be seen through `containers/json` (a list row) or through an
 * inspect; both must map to the same values, or every sync would "change" rows an event just wrote. Hence: seconds for
 * `createdAt` (the list has no more), ports sorted and in the list's shape, the command as `Path + Args`.
 *
 * Every snapshot is made storable on the way out (event and other stream frames are, in onJsonLines): objects made
 * outside the product may carry any bytes Docker takes (a NUL in a label key or value, a command argument, a network
 * name), which PostgreSQL's text and jsonb refuse. They become U+FFFD, so one such object never stops a sync.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const STATES = new Set<ContainerStateName>(['created', 'running', 'paused', 'restarting', 'exited', 'removing', 'dead']);
/** Exit codes are meaningful only once a run has ended (or is being restarted after one). */
const HAS_EXIT_CODE = new Set<ContainerStateName>(['exited', 'dead', 'restarting']);

export function containerFromList(row: Json): ContainerSnapshot {
  const state = toState(row.State);
  const status = String(row.Status ?? '');
  const exited = /^(?:Exited|Restarting) \((-?\d+)\)/.exec(status);
  return storable({
    dockerId: String(row.Id),
    name: stripSlash((row.Names as string[] | undefined)?.[0] ?? ''),
    image: String(row.Image ?? ''),
    imageId: row.ImageID ? String(row.ImageID) : null,
    command: row.Command ? String(row.Command) : null,
    state,
    health: /\(healthy\)/.test(status) ? 'healthy' : /\(unhealthy\)/.test(status) ? 'unhealthy' : /\(health: starting\)/.test(status) ? 'starting' : 'none',
    exitCode: HAS_EXIT_CODE.has(state) && exited ? Number(exited[1]) : null,
    labels: row.Labels ?? {},
    ports: sortPorts(((row.Ports ?? []) as Json[]).map((p) => ({ privatePort: Number(p.PrivatePort), publicPort: p.PublicPort ? Number(p.PublicPort) : null, type: String(p.Type ?? 'tcp'), ip: p.IP ? String(p.IP) : null }))),
    mounts: mounts(row.Mounts),
    networks: networks(row.NetworkSettings?.Networks),
    createdAt: new Date(Number(row.Created) * 1000),
    detailed: false,
  });
}

export function containerFromInspect(doc: Json): ContainerSnapshot {
  const state = toState(doc.State?.Status);
  const health = String(doc.State?.Health?.Status ?? 'none');
  const ports: ContainerPort[] = [];
  for (const [key, bindings] of Object.entries((doc.NetworkSettings?.Ports ?? {}) as Record<string, Json[] | null>)) {
    const [port, type = 'tcp'] = key.split('/');
    if (!bindings || bindings.length === 0) ports.push({ privatePort: Number(port), publicPort: null, type, ip: null });
    else for (const b of bindings) ports.push({ privatePort: Number(port), publicPort: b.HostPort ? Number(b.HostPort) : null, type, ip: b.HostIp || null });
  }
  // The list's Command is Path + Args with every argument holding a space wrapped in single quotes (moby list.go).
  const args = ((doc.Args as string[] | undefined) ?? []).map((arg) => (arg.includes(' ') ? `'${arg}'` : arg));
  const command = args.length > 0 ? `${doc.Path} ${args.join(' ')}` : String(doc.Path ?? '');
  return storable({
    dockerId: String(doc.Id),
    name: stripSlash(String(doc.Name ?? '')),
    image: String(doc.Config?.Image ?? doc.Image ?? ''),
    imageId: doc.Image ? String(doc.Image) : null,
    command: command || null,
    state,
    health: (['healthy', 'unhealthy', 'starting'].includes(health) ? health : 'none') as ContainerHealthName,
    exitCode: HAS_EXIT_CODE.has(state) ? Number(doc.State?.ExitCode ?? 0) : null,
    labels: doc.Config?.Labels ?? {},
    ports: sortPorts(ports),
    mounts: mounts(doc.Mounts),
    networks: networks(doc.NetworkSettings?.Networks),
    createdAt: new Date(Math.floor(Date.parse(doc.Created) / 1000) * 1000),
    startedAt: engineTime(doc.State?.StartedAt),
    finishedAt: engineTime(doc.State?.FinishedAt),
    detailed: true,
  });
}

export function imageFromList(row: Json): ImageSnapshot {
  const real = (values: unknown) => ((values as string[] | null) ?? []).filter((v) => !v.startsWith('<none>'));
  return storable({
    dockerId: String(row.Id),
    repoTags: real(row.RepoTags).sort(),
    repoDigests: real(row.RepoDigests).sort(),
    sizeBytes: Number(row.Size ?? 0),
    createdAt: new Date(Number(row.Created) * 1000),
    labels: row.Labels ?? {},
  });
}

export function networkFromList(row: Json): NetworkSnapshot {
  return storable({
    dockerId: String(row.Id),
    name: String(row.Name),
    driver: String(row.Driver ?? ''),
    scope: String(row.Scope ?? 'local'),
    internal: Boolean(row.Internal),
    attachable: Boolean(row.Attachable),
    labels: row.Labels ?? {},
    createdAt: engineTime(row.Created),
  });
}

export function volumeFromList(row: Json): VolumeSnapshot {
  return storable({
    dockerId: String(row.Name),
    driver: String(row.Driver ?? 'local'),
    mountpoint: row.Mountpoint ? String(row.Mountpoint) : null,
    scope: String(row.Scope ?? 'local'),
    labels: row.Labels ?? {},
    createdAt: engineTime(row.CreatedAt),
  });
}

export function eventFromEngine(raw: Json): EngineEvent | null {
  const type = raw.Type ?? raw.type;
  const action = raw.Action ?? raw.status;
  if (typeof type !== 'string' || typeof action !== 'string') return null;
  const timeNano = raw.timeNano != null ? BigInt(raw.timeNano).toString() : (BigInt(raw.time ?? 0) * 1_000_000_000n).toString();
  return { type, action, actorId: String(raw.Actor?.ID ?? raw.id ?? ''), attributes: raw.Actor?.Attributes ?? {}, timeNano };
}

/** CPU use between the two samples a stats frame carries, as `docker stats` computes it; memory without page cache. */
export function usageFromStats(frame: Json): ContainerUsage {
  const cpu = frame.cpu_stats ?? {};
  const pre = frame.precpu_stats ?? {};
  const cpuDelta = Number(cpu.cpu_usage?.total_usage ?? 0) - Number(pre.cpu_usage?.total_usage ?? 0);
  const systemDelta = Number(cpu.system_cpu_usage ?? 0) - Number(pre.system_cpu_usage ?? 0);
  const cpus = Number(cpu.online_cpus ?? cpu.cpu_usage?.percpu_usage?.length ?? 1);
  const memory = frame.memory_stats ?? {};
  const cache = Number(memory.stats?.inactive_file ?? memory.stats?.total_inactive_file ?? memory.stats?.cache ?? 0);
  const networks = Object.values((frame.networks ?? {}) as Record<string, Json>);
  const blkio = ((frame.blkio_stats?.io_service_bytes_recursive ?? []) as Json[]) ?? [];
  const io = (op: string) => blkio.filter((e) => String(e.op).toLowerCase() === op).reduce((sum, e) => sum + Number(e.value ?? 0), 0);
  return {
    cpuPercent: systemDelta > 0 && cpuDelta >= 0 ? (cpuDelta / systemDelta) * cpus * 100 : 0,
    memoryBytes: Math.max(0, Number(memory.usage ?? 0) - cache),
    memoryLimitBytes: memory.limit ? Number(memory.limit) : null,
    processes: typeof frame.pids_stats?.current === 'number' ? frame.pids_stats.current : null,
    networkRxBytes: networks.reduce((sum, n) => sum + Number(n.rx_bytes ?? 0), 0),
    networkTxBytes: networks.reduce((sum, n) => sum + Number(n.tx_bytes ?? 0), 0),
    blockReadBytes: io('read'),
    blockWriteBytes: io('write'),
  };
}

/** Docker's zero time ("0001-01-01T00:00:00Z") means never. */
function engineTime(value: unknown): Date | null {
  if (typeof value !== 'string' || value.startsWith('0001-')) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function toState(value: unknown): ContainerStateName {
  const state = String(value ?? '').toLowerCase() as ContainerStateName;
  return STATES.has(state) ? state : 'dead';
}

function stripSlash(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}

function sortPorts(ports: ContainerPort[]): ContainerPort[] {
  const key = (p: ContainerPort) => `${String(p.privatePort).padStart(5, '0')}/${p.type}/${p.ip ?? ''}/${p.publicPort ?? ''}`;
  return ports.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function mounts(list: unknown): ContainerMount[] {
  return ((list as Json[] | null) ?? [])
    .map((m) => ({ type: String(m.Type ?? 'volume'), source: (m.Type === 'volume' ? m.Name : m.Source) || null, destination: String(m.Destination), readOnly: m.RW === false }))
    .sort((a, b) => (a.destination < b.destination ? -1 : 1));
}

function networks(map: unknown): ContainerNetwork[] {
  return Object.entries((map as Record<string, Json> | null) ?? {})
    .map(([name, n]) => ({ name, networkId: n.NetworkID || null, ipAddress: n.IPAddress || null }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
