/** PEM material for mutual TLS. Plain strings only inside the adapter call; never stored or logged as such. */
export interface TlsMaterial {
  ca?: string | null;
  cert?: string | null;
  key?: string | null;
}

/** What the adapter needs to reach one host. `fingerprint` changes whenever endpoint or credentials change. */
export interface HostTarget {
  hostId: string;
  apiEndpoint: string;
  tlsVerify: boolean;
  tls?: TlsMaterial;
  /** Changes whenever the endpoint, TLS settings or credentials change, so the cached client is rebuilt. */
  fingerprint: string;
}

export interface SystemInfo {
  dockerVersion: string;
  apiVersion: string;
  os: string;
  osType: string;
  architecture: string;
  cpuCount: number;
  memoryBytes: number;
  containerCount: number;
  imageCount: number;
  /** The engine's node in a swarm it belongs to (a node id even as a worker), else null. */
  swarmNodeId: string | null;
}

export type ContainerStateName = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'removing' | 'dead';
export type ContainerHealthName = 'healthy' | 'unhealthy' | 'starting' | 'none';

export interface ContainerPort {
  privatePort: number;
  publicPort: number | null;
  type: string;
  ip: string | null;
}

export interface ContainerMount {
  type: string;
  source: string | null;
  destination: string;
  readOnly: boolean;
}

export interface ContainerNetwork {
  name: string;
  networkId: string | null;
  ipAddress: string | null;
}

/**
 * A container as the adapter reports it, from a list row or an inspect. `startedAt`/`finishedAt` are only known from
 * an inspect (`detailed: true`); a list row leaves them undefined so a sync keeps what it knew.
 */
export interface ContainerSnapshot {
  dockerId: string;
  name: string;
  image: string;
  imageId: string | null;
  command: string | null;
  state: ContainerStateName;
  health: ContainerHealthName;
  exitCode: number | null;
  labels: Record<string, string>;
  ports: ContainerPort[];
  mounts: ContainerMount[];
  networks: ContainerNetwork[];
  createdAt: Date;
  startedAt?: Date | null;
  finishedAt?: Date | null;
  detailed: boolean;
}

export interface ImageSnapshot {
  dockerId: string;
  repoTags: string[];
  repoDigests: string[];
  sizeBytes: number;
  createdAt: Date;
  labels: Record<string, string>;
}

export interface NetworkSnapshot {
  dockerId: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  createdAt: Date | null;
}

export interface VolumeSnapshot {
  dockerId: string;
  driver: string;
  mountpoint: string | null;
  scope: string;
  labels: Record<string, string>;
  createdAt: Date | null;
}

/** One Engine event, as `/events` sends it (exec actions keep their `exec_start: cmd` suffix). */
export interface EngineEvent {
  type: string;
  action: string;
  actorId: string;
  attributes: Record<string, string>;
  /** Nanoseconds since the epoch, as a decimal string (beyond Number precision). */
  timeNano: string;
}

/** One stats sample of a running container. */
export interface ContainerUsage {
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number | null;
  /** Processes in the container's cgroup (pids_stats.current); null when the frame has no count. */
  processes: number | null;
  networkRxBytes: number;
  networkTxBytes: number;
  blockReadBytes: number;
  blockWriteBytes: number;
}

/** A container to create, in our terms; the adapter turns it into the Engine's create body. */
export interface ContainerSpec {
  image: string;
  name?: string | null;
  command?: string[] | null;
  entrypoint?: string[] | null;
  env?: string[] | null;
  labels?: Record<string, string> | null;
  ports?: Array<{ containerPort: number; protocol: string; hostPort?: number | null; hostIp?: string | null }> | null;
  mounts?: Array<{ type: string; source?: string | null; target: string; readOnly?: boolean | null }> | null;
  network?: string | null;
  restartPolicy?: { name: string; maximumRetryCount?: number | null } | null;
  nanoCpus?: number | null;
  memoryBytes?: number | null;
  healthcheck?: { test: string[]; intervalSeconds?: number | null; timeoutSeconds?: number | null; retries?: number | null; startPeriodSeconds?: number | null } | null;
  user?: string | null;
  workingDir?: string | null;
  privileged?: boolean | null;
  capAdd?: string[] | null;
  capDrop?: string[] | null;
  devices?: string[] | null;
  pidMode?: string | null;
  ipcMode?: string | null;
  securityOpt?: string[] | null;
}

export interface LogsOptions {
  tail?: number | null;
  since?: Date | null;
  until?: Date | null;
  timestamps?: boolean | null;
}

export interface ExecSpec {
  command: string[];
  env?: string[] | null;
  workingDir?: string | null;
  user?: string | null;
  timeoutMs: number;
}

export interface ExecResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  truncated: boolean;
}

export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

/** One line of pull/push/build progress, as the Engine streams it. */
export interface ImageProgress {
  message: string;
  layer: string | null;
  current: number | null;
  total: number | null;
}

export interface ImageDetails {
  dockerId: string;
  repoTags: string[];
  repoDigests: string[];
  sizeBytes: number;
  createdAt: Date;
  architecture: string;
  os: string;
  author: string | null;
  cmd: string[];
  entrypoint: string[];
  env: string[];
  exposedPorts: string[];
  labels: Record<string, string>;
  workingDir: string | null;
  user: string | null;
  layers: string[];
}

export interface NetworkDetails {
  dockerId: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  subnets: string[];
  containers: Array<{ dockerId: string; name: string; ipv4Address: string | null }>;
}

export interface VolumeDetails {
  name: string;
  driver: string;
  mountpoint: string | null;
  scope: string;
  labels: Record<string, string>;
  createdAt: Date | null;
}

/**
 * What a container asks of its host, read live (the inventory keeps no HostConfig) for the workload policy. Field
 * names are the policy's. `mounts` are those Docker really made (binds, volumes, volumes-from alike): a volume's
 * `source` is its name, a bind's the host path.
 */
export interface ContainerReach {
  dockerId: string;
  name: string;
  /** Config.User, the image's USER folded in: '' runs as the image's default, root. */
  user: string;
  privileged: boolean;
  capAdd: string[];
  devices: string[];
  pidMode: string;
  ipcMode: string;
  utsMode: string;
  usernsMode: string;
  network: string;
  securityOpt: string[];
  mounts: Array<{ type: string; source: string | null }>;
}

/** A volume's driver and driver options (what its mount really is). */
export interface VolumeReach {
  name: string;
  driver: string;
  options: Record<string, string>;
}
