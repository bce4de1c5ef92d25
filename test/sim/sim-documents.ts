/**
 * The inventory rendered as Docker Engine 20.10 (API 1.41) answers it: field names, nulls, empty strings and the
 * human-readable `Status` follow what the daemon sends (checked against a real 20.10.24 daemon).
 */
import { isoNano, volumeMountpoint, type Inventory, type SimContainer, type SimEndpoint, type SimImage, type SimMount, type SimNetwork, type SimVolume } from './sim-inventory';

export const API_VERSION = '1.41';
export const MIN_API_VERSION = '1.12';
export const ENGINE_VERSION = '20.10.24';

/** go-units HumanDuration, which `docker ps` and the API's Status use ("About a minute", "2 hours", "3 weeks"). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** moby's State.String(): the text `docker ps` shows, computed at request time from the clock. */
export function statusText(c: SimContainer, nowMs: number): string {
  const since = (ms: number | null) => humanDuration(nowMs - (ms ?? nowMs));
  switch (c.state) {
    case 'paused':
      return `Up ${since(c.startedAtMs)} (Paused)`;
    case 'restarting':
      return `Restarting (${c.exitCode}) ${since(c.finishedAtMs)} ago`;
    case 'running':
      if (c.health === null) return `Up ${since(c.startedAtMs)}`;
      return `Up ${since(c.startedAtMs)} (${c.health === 'starting' ? 'health: starting' : c.health})`;
    case 'dead':
      return 'Dead';
    case 'created':
      return 'Created';
    case 'exited':
      return `Exited (${c.exitCode}) ${since(c.finishedAtMs)} ago`;
  }
}

/** Whether the container has a network sandbox: addresses and published ports exist only then. */
function attached(c: SimContainer): boolean {
  return c.state === 'running' || c.state === 'paused';
}

function endpointDocument(e: SimEndpoint, up: boolean): Record<string, unknown> {
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: null,
    NetworkID: e.network.id,
    EndpointID: up ? e.endpointId : '',
    Gateway: up ? (e.network.gateway ?? '') : '',
    IPAddress: up ? e.ip : '',
    IPPrefixLen: up && e.ip ? 16 : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    MacAddress: up ? e.mac : '',
    DriverOpts: null,
  };
}

function networksDocument(c: SimContainer): Record<string, unknown> {
  const networks: Record<string, unknown> = {};
  for (const e of c.endpoints) networks[e.network.name] = endpointDocument(e, attached(c));
  return networks;
}

function mountDocument(m: SimMount): Record<string, unknown> {
  if (m.type === 'bind') return { Type: 'bind', Source: m.source, Destination: m.destination, Mode: '', RW: m.rw, Propagation: 'rprivate' };
  return { Type: 'volume', Name: m.volume?.name, Source: m.source, Destination: m.destination, Driver: 'local', Mode: 'z', RW: m.rw, Propagation: '' };
}

/** Docker 20.10 lists each published port twice, once per address family; exposed-only ports have no IP. */
function portRows(c: SimContainer): Record<string, unknown>[] {
  if (!attached(c)) return [];
  return c.exposed.flatMap((port) => {
    const hostPort = c.published.get(port);
    if (hostPort === undefined) return [{ PrivatePort: port, Type: 'tcp' }];
    return ['0.0.0.0', '::'].map((IP) => ({ IP, PrivatePort: port, PublicPort: hostPort, Type: 'tcp' }));
  });
}

/** What `Image` shows in a list row: the reference asked for, or the image id once that tag points elsewhere. */
function listedImage(image: SimImage): string {
  return image.tag === null ? image.id : image.ref;
}

/** Stands in for Status while a row is serialised for the cache (see containerRowJson). */
const STATUS_MARK = '\u0000status\u0000';
const STATUS_JSON = JSON.stringify(STATUS_MARK);

export function containerRow(c: SimContainer): Record<string, unknown> {
  return {
    Id: c.id,
    Names: [`/${c.name}`],
    Image: listedImage(c.image),
    ImageID: c.image.id,
    // moby's list: Path, then Args with every argument holding a space wrapped in single quotes.
    Command: [...(c.entrypoint ?? []), ...c.cmd].map((part, i) => (i > 0 && part.includes(' ') ? `'${part}'` : part)).join(' '),
    Created: Math.floor(c.createdMs / 1000),
    Ports: portRows(c),
    Labels: c.labels,
    State: c.state,
    Status: STATUS_MARK,
    HostConfig: { NetworkMode: c.networkMode },
    NetworkSettings: { Networks: networksDocument(c) },
    Mounts: c.mounts.map(mountDocument),
  };
}

/**
 * One list row as JSON. The row is serialised once per change and kept split around `Status`, the only field that
 * moves with the clock, so listing thousands of containers is string concatenation.
 */
export function containerRowJson(c: SimContainer, nowMs: number): string {
  if (!c.rowParts) {
    const json = JSON.stringify(containerRow(c));
    const at = json.indexOf(STATUS_JSON);
    c.rowParts = [json.slice(0, at), json.slice(at + STATUS_JSON.length)];
  }
  return c.rowParts[0] + JSON.stringify(statusText(c, nowMs)) + c.rowParts[1];
}

export function containerInspect(c: SimContainer): Record<string, unknown> {
  const [path, ...args] = [...(c.entrypoint ?? []), ...c.cmd];
  const up = attached(c);
  const exposedPorts: Record<string, object> = {};
  const portBindings: Record<string, object[]> = {};
  const livePorts: Record<string, object[] | null> = {};
  for (const port of c.exposed) {
    exposedPorts[`${port}/tcp`] = {};
    const hostPort = c.published.get(port);
    if (hostPort !== undefined) portBindings[`${port}/tcp`] = [{ HostIp: '', HostPort: String(hostPort) }];
    if (up) livePorts[`${port}/tcp`] = hostPort === undefined ? null : ['0.0.0.0', '::'].map((HostIp) => ({ HostIp, HostPort: String(hostPort) }));
  }
  const primary = c.endpoints.find((e) => e.network.name === 'bridge');
  const health = c.health && { Status: c.health, FailingStreak: c.failingStreak, Log: [] };
  const running = c.state === 'running' || c.state === 'paused' || c.state === 'restarting';
  return {
    Id: c.id,
    Created: isoNano(c.createdMs, c.nanos),
    Path: path ?? '',
    Args: args,
    State: {
      Status: c.state,
      Running: running,
      Paused: c.state === 'paused',
      Restarting: c.state === 'restarting',
      OOMKilled: c.oomKilled,
      Dead: c.state === 'dead',
      Pid: up ? c.pid : 0,
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: isoNano(c.startedAtMs, c.nanos),
      FinishedAt: isoNano(c.finishedAtMs, c.nanos),
      ...(health ? { Health: health } : {}),
    },
    Image: c.image.id,
    ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
    LogPath: c.startedAtMs === null ? '' : `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: 0,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: {
      Binds: c.mounts.map((m) => `${m.volume?.name ?? m.source}:${m.destination}${m.rw ? '' : ':ro'}`),
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: c.networkMode,
      PortBindings: portBindings,
      RestartPolicy: { Name: c.labels['com.docker.compose.project'] ? 'unless-stopped' : 'no', MaximumRetryCount: 0 },
      AutoRemove: false,
      Privileged: false,
      Memory: 0,
      NanoCpus: 0,
    },
    Mounts: c.mounts.map(mountDocument),
    Config: {
      Hostname: c.id.slice(0, 12),
      Domainname: '',
      User: '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ExposedPorts: c.exposed.length ? exposedPorts : undefined,
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: c.env,
      Cmd: c.cmd.length ? c.cmd : null,
      ...(c.image.kind.healthcheck ? { Healthcheck: { Test: c.image.kind.healthcheck, Interval: 30_000_000_000 } } : {}),
      Image: c.image.ref,
      Volumes: null,
      WorkingDir: '',
      Entrypoint: c.entrypoint,
      OnBuild: null,
      Labels: c.labels,
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: up ? c.id.split('').reverse().join('') : '',
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      Ports: livePorts,
      SandboxKey: up ? `/var/run/docker/netns/${c.id.slice(-12)}` : '',
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      // The top-level address fields are the legacy view of the default bridge only; empty for other networks.
      ...legacyAddress(primary, up),
      Networks: networksDocument(c),
    },
    GraphDriver: { Name: 'overlay2', Data: null },
  };
}

function legacyAddress(e: SimEndpoint | undefined, up: boolean): Record<string, unknown> {
  const live = up && e !== undefined;
  return {
    EndpointID: live ? e.endpointId : '',
    Gateway: live ? (e.network.gateway ?? '') : '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: live ? e.ip : '',
    IPPrefixLen: live ? 16 : 0,
    IPv6Gateway: '',
    MacAddress: live ? e.mac : '',
  };
}

export function imageDocument(image: SimImage, containers = -1): Record<string, unknown> {
  // `GET /images/json` answers Containers and SharedSize as -1 (not computed); only /system/df counts them.
  return {
    Containers: containers,
    Created: image.createdS,
    Id: image.id,
    Labels: image.labels,
    ParentId: '',
    RepoDigests: [`${image.repo}@${image.digest}`],
    RepoTags: image.tag === null ? ['<none>:<none>'] : [`${image.repo}:${image.tag}`],
    SharedSize: containers === -1 ? -1 : 0,
    Size: image.size,
    VirtualSize: image.size,
  };
}

export function networkDocument(n: SimNetwork): Record<string, unknown> {
  const isDefaultBridge = n.name === 'bridge';
  const config = n.subnet === null ? [] : isDefaultBridge ? [{ Subnet: n.subnet }] : [{ Subnet: n.subnet, Gateway: n.gateway }];
  return {
    Name: n.name,
    Id: n.id,
    Created: n.created,
    Scope: 'local',
    Driver: n.driver,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: config },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: {},
    Options: isDefaultBridge ? { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.name': 'docker0' } : {},
    Labels: n.labels,
  };
}

export function volumeDocument(v: SimVolume): Record<string, unknown> {
  return { CreatedAt: v.createdAt, Driver: 'local', Labels: v.labels, Mountpoint: volumeMountpoint(v), Name: v.name, Options: null, Scope: 'local' };
}

export function infoDocument(inv: Inventory, ids: { id: string; name: string }, nowMs: number): Record<string, unknown> {
  // moby's state counter knows running and paused; everything else, restarting included, counts as stopped.
  const running = inv.containers.filter((c) => c.state === 'running').length;
  const paused = inv.containers.filter((c) => c.state === 'paused').length;
  return {
    ID: ids.id,
    Containers: inv.containers.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: inv.containers.length - running - paused,
    Images: inv.images.length,
    Driver: 'overlay2',
    SystemTime: new Date(nowMs).toISOString(),
    LoggingDriver: 'json-file',
    CgroupDriver: 'cgroupfs',
    CgroupVersion: '1',
    NEventsListener: 0,
    KernelVersion: '6.1.0-13-amd64',
    OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
    OSVersion: '12',
    OSType: 'linux',
    Architecture: 'x86_64',
    NCPU: 8,
    MemTotal: 33_536_868_352,
    DockerRootDir: '/var/lib/docker',
    Name: ids.name,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
    LiveRestoreEnabled: false,
    SecurityOptions: ['name=seccomp,profile=default'],
    Warnings: null,
  };
}

export function versionDocument(): Record<string, unknown> {
  const details = { ApiVersion: API_VERSION, Arch: 'amd64', GitCommit: '5d6db84', GoVersion: 'go1.19.8', MinAPIVersion: MIN_API_VERSION, Os: 'linux' };
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [{ Name: 'Engine', Version: ENGINE_VERSION, Details: details }],
    Version: ENGINE_VERSION,
    ApiVersion: API_VERSION,
    MinAPIVersion: MIN_API_VERSION,
    GitCommit: '5d6db84',
    GoVersion: 'go1.19.8',
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: '6.1.0-13-amd64',
    BuildTime: '2023-04-04T15:21:34.000000000+00:00',
  };
}

export function diskUsageDocument(inv: Inventory, nowMs: number): Record<string, unknown> {
  const users = new Map<SimImage, number>();
  const volumeRefs = new Map<SimVolume, number>();
  for (const c of inv.containers) {
    users.set(c.image, (users.get(c.image) ?? 0) + 1);
    for (const m of c.mounts) if (m.volume) volumeRefs.set(m.volume, (volumeRefs.get(m.volume) ?? 0) + 1);
  }
  return {
    LayersSize: inv.images.reduce((sum, i) => sum + i.size, 0),
    Images: inv.images.map((i) => imageDocument(i, users.get(i) ?? 0)),
    Containers: inv.containers.map((c) => ({
      ...containerRow(c),
      Status: statusText(c, nowMs),
      SizeRw: c.startedAtMs === null ? 0 : 4096 * ((parseInt(c.id.slice(0, 4), 16) % 500) + 1),
      SizeRootFs: c.image.size,
    })),
    Volumes: inv.volumes.map((v) => ({ ...volumeDocument(v), UsageData: { Size: v.size, RefCount: volumeRefs.get(v) ?? 0 } })),
    BuildCache: null,
    BuilderSize: 0,
  };
}
