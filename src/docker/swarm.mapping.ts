import { isStorableDate, storable } from '../common/storable';
import type { SwarmConfigSnapshot, SwarmInfo, SwarmInspect, SwarmNodeSnapshot, SwarmPublishedPort, SwarmSecretSnapshot, SwarmServiceMode, SwarmServiceSnapshot, SwarmTaskSnapshot } from './swarm.types';

/*
 * Swarm Engine JSON -> plain snapshots. Objects made outside the product (by `docker service create`, a stack deploy,
 * another tool) can carry any shape and any bytes Docker takes: every field is coerced (a string where a string is
 * expected, a number or null, a string map for labels), nothing here throws, and everything is made storable.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The words of moby's errNoLeader, and swarmkit's own (raft.ErrNoClusterLeader). */
export const NO_LEADER = /does not have a leader|no elected cluster leader/i;

export function swarmInfoFromInfo(info: unknown): SwarmInfo {
  const i = obj(info);
  const s = obj(i.Swarm);
  const error = str(s.Error);
  return storable({
    nodeId: str(s.NodeID),
    nodeAddr: str(s.NodeAddr),
    localNodeState: str(s.LocalNodeState) ?? 'inactive',
    controlAvailable: s.ControlAvailable === true,
    clusterId: str(obj(s.Cluster).ID),
    managers: int(s.Managers) ?? 0,
    nodes: int(s.Nodes) ?? 0,
    error,
    quorumLost: error !== null && NO_LEADER.test(error),
    remoteManagers: list(s.RemoteManagers)
      .map((m) => ({ nodeId: str(obj(m).NodeID) ?? '', addr: str(obj(m).Addr) ?? '' }))
      .filter((m) => m.nodeId || m.addr),
    engineVersion: str(i.ServerVersion),
    hostname: str(i.Name),
  });
}

/** The swarm's inspect minus JoinTokens, which are dropped here so no snapshot can carry them. */
export function swarmFromInspect(doc: unknown): SwarmInspect {
  const d = obj(doc);
  return storable({
    id: str(d.ID) ?? '',
    versionIndex: version(d),
    spec: obj(d.Spec),
    createdAt: time(d.CreatedAt),
    updatedAt: time(d.UpdatedAt),
    rootCaCert: str(obj(d.TLSInfo).TrustRoot),
    defaultAddrPool: list(d.DefaultAddrPool).map(String),
    dataPathPort: int(d.DataPathPort),
  });
}

export function nodeFromEngine(doc: unknown): SwarmNodeSnapshot {
  const d = obj(doc);
  const spec = obj(d.Spec);
  const description = obj(d.Description);
  const status = obj(d.Status);
  const manager = d.ManagerStatus && typeof d.ManagerStatus === 'object' ? obj(d.ManagerStatus) : null;
  const resources = obj(description.Resources);
  return storable({
    dockerId: str(d.ID) ?? '',
    hostname: str(description.Hostname) ?? '',
    role: spec.Role === 'manager' ? 'manager' : 'worker',
    availability: str(spec.Availability) ?? 'active',
    state: str(status.State) ?? 'unknown',
    statusMessage: str(status.Message),
    address: str(status.Addr),
    managerReachability: manager ? (str(manager.Reachability) ?? 'unknown') : null,
    managerAddr: manager ? str(manager.Addr) : null,
    leader: manager?.Leader === true,
    engineVersion: str(obj(description.Engine).EngineVersion),
    labels: labels(spec.Labels),
    engineLabels: labels(obj(description.Engine).Labels),
    nanoCpus: int(resources.NanoCPUs),
    memoryBytes: int(resources.MemoryBytes),
    versionIndex: version(d),
    createdAt: time(d.CreatedAt),
    updatedAt: time(d.UpdatedAt),
  });
}

export function serviceFromEngine(doc: unknown): SwarmServiceSnapshot {
  const d = obj(doc);
  const spec = obj(d.Spec);
  const mode = obj(spec.Mode);
  const update = d.UpdateStatus && typeof d.UpdateStatus === 'object' ? obj(d.UpdateStatus) : null;
  const status = d.ServiceStatus && typeof d.ServiceStatus === 'object' ? obj(d.ServiceStatus) : null;
  const serviceLabels = labels(spec.Labels);
  let kind: SwarmServiceMode = 'replicated';
  let replicas: number | null = null;
  if ('Global' in mode) kind = 'global';
  else if ('ReplicatedJob' in mode) [kind, replicas] = ['replicated-job', int(obj(mode.ReplicatedJob).MaxConcurrent) ?? 1];
  else if ('GlobalJob' in mode) kind = 'global-job';
  else replicas = int(obj(mode.Replicated).Replicas) ?? 1; // the Engine's default when Replicas is left out
  return storable({
    dockerId: str(d.ID) ?? '',
    name: str(spec.Name) ?? '',
    image: str(obj(obj(spec.TaskTemplate).ContainerSpec).Image),
    mode: kind,
    replicas,
    labels: serviceLabels,
    stackNamespace: serviceLabels['com.docker.stack.namespace'] ?? null,
    spec,
    previousSpec: d.PreviousSpec && typeof d.PreviousSpec === 'object' ? obj(d.PreviousSpec) : null,
    versionIndex: version(d),
    updateState: update ? str(update.State) : null,
    updateMessage: update ? str(update.Message) : null,
    updateStartedAt: update ? time(update.StartedAt) : null,
    updateCompletedAt: update ? time(update.CompletedAt) : null,
    publishedPorts: publishedPorts(d),
    runningTasks: status ? int(status.RunningTasks) : null,
    desiredTasks: status ? int(status.DesiredTasks) : null,
    createdAt: time(d.CreatedAt),
    updatedAt: time(d.UpdatedAt),
  });
}

export function taskFromEngine(doc: unknown, upToDate: boolean): SwarmTaskSnapshot {
  const d = obj(doc);
  const status = obj(d.Status);
  const container = obj(status.ContainerStatus);
  return storable({
    dockerId: str(d.ID) ?? '',
    serviceId: str(d.ServiceID) ?? '',
    nodeId: str(d.NodeID),
    slot: int(d.Slot),
    desiredState: str(d.DesiredState) ?? 'unknown',
    state: str(status.State) ?? 'unknown',
    message: str(status.Message),
    error: str(status.Err),
    exitCode: int(container.ExitCode),
    containerId: str(container.ContainerID),
    image: str(obj(obj(d.Spec).ContainerSpec).Image),
    upToDate,
    versionIndex: version(d),
    createdAt: time(d.CreatedAt),
    updatedAt: time(d.UpdatedAt),
  });
}

/** Secrets and configs alike: metadata only. A config's Spec.Data is never read into the snapshot. */
export function secretFromEngine(doc: unknown): SwarmSecretSnapshot | SwarmConfigSnapshot {
  const d = obj(doc);
  const spec = obj(d.Spec);
  return storable({
    dockerId: str(d.ID) ?? '',
    name: str(spec.Name) ?? '',
    labels: labels(spec.Labels),
    versionIndex: version(d),
    createdAt: time(d.CreatedAt),
    updatedAt: time(d.UpdatedAt),
  });
}

/** Endpoint.Ports holds what is really published (with the ports swarm assigned); the spec's are only asked for. */
function publishedPorts(d: Json): SwarmPublishedPort[] {
  const ports = list(obj(d.Endpoint).Ports).length ? list(obj(d.Endpoint).Ports) : list(obj(obj(d.Spec).EndpointSpec).Ports);
  return ports
    .map((p) => ({
      protocol: str(obj(p).Protocol) ?? 'tcp',
      targetPort: int(obj(p).TargetPort) ?? 0,
      publishedPort: int(obj(p).PublishedPort) || null,
      publishMode: str(obj(p).PublishMode) ?? 'ingress',
    }))
    .sort((a, b) => a.targetPort - b.targetPort || a.protocol.localeCompare(b.protocol));
}

function obj(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** A finite integer, or null: a daemon's number may arrive as anything, or as a value past 2^53 (kept approximate). */
function int(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

function version(d: Json): number {
  return int(obj(d.Version).Index) ?? 0;
}

/** A string map; non-string values are turned into text, and anything that is not a map becomes {}. */
function labels(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(obj(value)).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? '']));
}

/** Docker's zero time ("0001-01-01T00:00:00Z") means never; a date PostgreSQL cannot hold is unknown. */
function time(value: unknown): Date | null {
  if (typeof value !== 'string' || value.startsWith('0001-')) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || !isStorableDate(date) ? null : date;
}
