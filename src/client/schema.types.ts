export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: unknown; output: unknown; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
};

/** Limits (null: none) and current use of the calling account */
export type AccountQuota = {
  __typename?: 'AccountQuota';
  accountId: Scalars['String']['output'];
  concurrentInstances?: Maybe<Scalars['Int']['output']>;
  cpuMillicores?: Maybe<Scalars['Int']['output']>;
  memoryMb?: Maybe<Scalars['Int']['output']>;
  storageMb?: Maybe<Scalars['Int']['output']>;
  use: QuotaUse;
};

export type Activity = {
  __typename?: 'Activity';
  /** The mutation, e.g. registerDockerHost */
  action: Scalars['String']['output'];
  /** The token subject that acted */
  actor?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** The host acted on, while it exists */
  dockerHost?: Maybe<DockerHost>;
  durationMs: Scalars['Int']['output'];
  errorCode?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  outcome: ActivityOutcome;
  /** The arguments, with secrets and environment values redacted */
  parameters?: Maybe<Scalars['JSONObject']['output']>;
  requestId?: Maybe<Scalars['String']['output']>;
  targetId?: Maybe<Scalars['ID']['output']>;
  targetType?: Maybe<Scalars['String']['output']>;
};

export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  edges: Array<ActivityEdge>;
  nodes: Array<Activity>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  cursor: Scalars['String']['output'];
  node: Activity;
};

export type ActivityFilter = {
  /** Mutation name, e.g. registerDockerHost */
  action?: InputMaybe<Scalars['String']['input']>;
  outcome?: InputMaybe<ActivityOutcome>;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
  targetId?: InputMaybe<Scalars['String']['input']>;
};

export enum ActivityOutcome {
  Denied = 'DENIED',
  Failure = 'FAILURE',
  Success = 'SUCCESS'
}

/** Green beside blue (its own swarm service and replicas), health-checked, traffic switched in one step, blue kept for an instant rollback */
export type BlueGreenInput = {
  /** With auto-promotion: seconds green must stay healthy before the switch (default 0) */
  autoPromoteSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Switch once green is healthy (default true, as Argo Rollouts); false: PAUSED until promoteDeployment */
  autoPromotionEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The router's port for the service (required with routerId) */
  listenPort?: InputMaybe<Scalars['Int']['input']>;
  /** Failed green tasks tolerated while it comes up (default 2) */
  maxTaskFailures?: InputMaybe<Scalars['Int']['input']>;
  /** A second router port that serves green only, once healthy */
  previewPort?: InputMaybe<Scalars['Int']['input']>;
  /** An HTTP GET every green task must answer (< 400) before the switch, at the node address and port the router uses */
  probePath?: InputMaybe<Scalars['String']['input']>;
  /** The host-mode port green publishes (the compose file's stays with blue); required when the service publishes one */
  publishedPort?: InputMaybe<Scalars['Int']['input']>;
  /** A traffic router: the switch is its servers moving to green (no reload). Without one the compose aliases move from blue to green (tasks are replaced: not zero-downtime) */
  routerId?: InputMaybe<Scalars['ID']['input']>;
  /** Seconds blue keeps its replicas after the switch for an instant rollback (abortDeployment), then it is removed (default 30) */
  scaleDownDelaySeconds?: InputMaybe<Scalars['Int']['input']>;
  /** The compose key of the routed service (default: the stack's only service) */
  service?: InputMaybe<Scalars['String']['input']>;
  /** The container port routed (default: the first published one) */
  targetPort?: InputMaybe<Scalars['Int']['input']>;
};

export type BuildFileInput = {
  /** UTF-8 content */
  content?: InputMaybe<Scalars['String']['input']>;
  contentBase64?: InputMaybe<Scalars['String']['input']>;
  /** Relative path inside the build context */
  path: Scalars['String']['input'];
};

/** A Dockerfile plus files, or a whole tar context (base64), up to 32 MiB */
export type BuildImageInput = {
  /** Values are written to the activity log as [redacted] unless named in publicBuildArgs */
  buildArgs?: InputMaybe<Scalars['JSONObject']['input']>;
  contextTarBase64?: InputMaybe<Scalars['String']['input']>;
  /** Dockerfile content */
  dockerfile?: InputMaybe<Scalars['String']['input']>;
  files?: InputMaybe<Array<BuildFileInput>>;
  labels?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Build args whose values are not secret and may be kept in the activity log (VERSION, say) */
  publicBuildArgs?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Tags for the result, e.g. ["127.0.0.1:5000/team/app:1.0"] */
  tags: Array<Scalars['String']['input']>;
};

export type CanaryAnalysisInput = {
  /** Samples, each an ANALYSIS step (default 3) */
  count?: InputMaybe<Scalars['Int']['input']>;
  /** Seconds between samples (default 10) */
  intervalSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** The 5xx share of the canary's requests since the last look (router only), 0–1 */
  maxErrorRate?: InputMaybe<Scalars['Float']['input']>;
  /** The canary servers' mean response time (router only) */
  maxMeanLatencyMs?: InputMaybe<Scalars['Float']['input']>;
  maxRestarts?: InputMaybe<Scalars['Int']['input']>;
  maxTaskFailures?: InputMaybe<Scalars['Int']['input']>;
  /** Canary tasks killed for failing their HEALTHCHECK */
  maxUnhealthy?: InputMaybe<Scalars['Int']['input']>;
};

/** The revision as a canary beside the stable service, moved through steps, judged all along, aborted automatically */
export type CanaryInput = {
  /** Watched at every step and pause */
  analysis?: InputMaybe<CanaryThresholdsInput>;
  /** The router's port for the service (required with routerId) */
  listenPort?: InputMaybe<Scalars['Int']['input']>;
  /** The host-mode port the canary publishes (required with a router when the stable publishes one) */
  publishedPort?: InputMaybe<Scalars['Int']['input']>;
  /** A traffic router: weights are its server weights. Without one a weight is a replica ratio (10 replicas at 10% = 1 canary + 9 stable) */
  routerId?: InputMaybe<Scalars['ID']['input']>;
  /** The compose key of the routed service (default: the stack's only service) */
  service?: InputMaybe<Scalars['String']['input']>;
  /** Default: 10%, pause until promoted, 100% */
  steps?: InputMaybe<Array<CanaryStepInput>>;
  /** The container port routed (default: the first published one) */
  targetPort?: InputMaybe<Scalars['Int']['input']>;
};

/** Exactly one of: setWeight, a pause (pauseSeconds; pause: true or pauseSeconds: null waits for promoteDeployment), analysis */
export type CanaryStepInput = {
  analysis?: InputMaybe<CanaryAnalysisInput>;
  /** Pause until promoteDeployment (PAUSED) */
  pause?: InputMaybe<Scalars['Boolean']['input']>;
  pauseSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** The canary's share of traffic, 0–100 */
  setWeight?: InputMaybe<Scalars['Int']['input']>;
};

/** What aborts a canary; a threshold not given keeps its default (failures 0, restarts 2, unhealthy 0, error rate 0.05, no latency limit) */
export type CanaryThresholdsInput = {
  /** The 5xx share of the canary's requests since the last look (router only), 0–1 */
  maxErrorRate?: InputMaybe<Scalars['Float']['input']>;
  /** The canary servers' mean response time (router only) */
  maxMeanLatencyMs?: InputMaybe<Scalars['Float']['input']>;
  maxRestarts?: InputMaybe<Scalars['Int']['input']>;
  maxTaskFailures?: InputMaybe<Scalars['Int']['input']>;
  /** Canary tasks killed for failing their HEALTHCHECK */
  maxUnhealthy?: InputMaybe<Scalars['Int']['input']>;
};

export type Container = {
  __typename?: 'Container';
  command?: Maybe<Scalars['String']['output']>;
  /** When Docker created the container */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Docker's own id (names for volumes) */
  dockerId: Scalars['String']['output'];
  /** Exit code of the last run; null while it never ran */
  exitCode?: Maybe<Scalars['Int']['output']>;
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  health: ContainerHealth;
  host: DockerHost;
  hostId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  image: Scalars['String']['output'];
  imageId?: Maybe<Scalars['String']['output']>;
  labels: Scalars['JSONObject']['output'];
  mounts: Array<ContainerMount>;
  /** The container's name, without Docker's leading slash */
  name: Scalars['String']['output'];
  networks: Array<ContainerNetworkAttachment>;
  ports: Array<ContainerPort>;
  startedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  state: ContainerState;
  /** Docker-style status, e.g. "Up 5 minutes (healthy)", "Exited (1) 2 hours ago" */
  status: Scalars['String']['output'];
  /** When this record last changed (not when it was last seen: unchanged syncs write nothing) */
  updatedAt: Scalars['DateTimeISO']['output'];
};

export enum ContainerCleanupPolicy {
  Always = 'ALWAYS',
  Never = 'NEVER',
  OnSuccess = 'ON_SUCCESS'
}

export type ContainerConnection = {
  __typename?: 'ContainerConnection';
  edges: Array<ContainerEdge>;
  nodes: Array<Container>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ContainerEdge = {
  __typename?: 'ContainerEdge';
  cursor: Scalars['String']['output'];
  node: Container;
};

export type ContainerFilterInput = {
  hostId?: InputMaybe<Scalars['ID']['input']>;
  /** Case-insensitive part of the image reference */
  image?: InputMaybe<Scalars['String']['input']>;
  /** "key" (has the label) or "key=value" */
  label?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive part of the name */
  name?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<ContainerState>;
};

export enum ContainerHealth {
  Healthy = 'HEALTHY',
  None = 'NONE',
  Starting = 'STARTING',
  Unhealthy = 'UNHEALTHY'
}

/** Containers of a host by health, from the synced inventory */
export type ContainerHealthSummary = {
  __typename?: 'ContainerHealthSummary';
  healthy: Scalars['Int']['output'];
  /** Containers without a HEALTHCHECK */
  none: Scalars['Int']['output'];
  running: Scalars['Int']['output'];
  starting: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
  unhealthy: Scalars['Int']['output'];
};

export type ContainerInstance = {
  __typename?: 'ContainerInstance';
  /** The Docker container id, set when it was created */
  containerId?: Maybe<Scalars['String']['output']>;
  cpuMillicores: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Started + timeout: whoever holds the run then stops it */
  deadlineAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The runbook's troubleshooting row for this run (e.g. "container provisioning → never running"), from its facts and Vault probed now; null when it is fine */
  diagnosis?: Maybe<Diagnosis>;
  /** The environment's names; values are never returned */
  envNames: Array<Scalars['String']['output']>;
  /** The error code of a FAILED run (VAULT_UNAVAILABLE, HOST_UNREACHABLE, ...) */
  errorCode?: Maybe<Scalars['String']['output']>;
  exitCode?: Maybe<Scalars['Int']['output']>;
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  hasSecurityViolations: Scalars['Boolean']['output'];
  hostId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  image: Scalars['String']['output'];
  memoryMb: Scalars['Int']['output'];
  /** The template's name, or the direct spec's */
  name: Scalars['String']['output'];
  /** Output was cut at the cap */
  outputTruncated: Scalars['Boolean']['output'];
  /** Why this host (given, or chosen by placement) */
  placementReason?: Maybe<Scalars['String']['output']>;
  /** Why it is in its status (the last transition's reason) */
  reason?: Maybe<Scalars['String']['output']>;
  /** The run this one retries */
  retryOf?: Maybe<Scalars['ID']['output']>;
  startedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: ContainerInstanceStatus;
  stderr?: Maybe<Scalars['String']['output']>;
  /** Captured apart from stderr, size-capped, secrets redacted */
  stdout?: Maybe<Scalars['String']['output']>;
  taskRef?: Maybe<ContainerInstanceTaskRef>;
  templateId?: Maybe<Scalars['ID']['output']>;
  /** The template version this run used */
  templateVersion?: Maybe<Scalars['Int']['output']>;
  timeoutSeconds: Scalars['Int']['output'];
  transitions: Array<ContainerInstanceTransition>;
  usage?: Maybe<ContainerInstanceUsage>;
  vaultDelivery: VaultTokenDelivery;
  /** When its Vault token was revoked */
  vaultRevokedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  violations: Array<SecurityViolation>;
};

export type ContainerInstanceChangedFilterInput = {
  id?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ContainerInstanceStatus>;
  templateId?: InputMaybe<Scalars['ID']['input']>;
};

export type ContainerInstanceConnection = {
  __typename?: 'ContainerInstanceConnection';
  edges: Array<ContainerInstanceEdge>;
  nodes: Array<ContainerInstance>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ContainerInstanceEdge = {
  __typename?: 'ContainerInstanceEdge';
  cursor: Scalars['String']['output'];
  node: ContainerInstance;
};

export type ContainerInstanceFilterInput = {
  hostId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ContainerInstanceStatus>;
  taskId?: InputMaybe<Scalars['String']['input']>;
  templateId?: InputMaybe<Scalars['ID']['input']>;
};

export enum ContainerInstanceStatus {
  Cancelled = 'CANCELLED',
  Completed = 'COMPLETED',
  Failed = 'FAILED',
  Pending = 'PENDING',
  Provisioning = 'PROVISIONING',
  Running = 'RUNNING',
  TimedOut = 'TIMED_OUT'
}

export type ContainerInstanceTaskRef = {
  __typename?: 'ContainerInstanceTaskRef';
  callbackUrl: Scalars['String']['output'];
  id: Scalars['String']['output'];
};

export type ContainerInstanceTransition = {
  __typename?: 'ContainerInstanceTransition';
  at: Scalars['DateTimeISO']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  status: ContainerInstanceStatus;
};

/** Sampled from the container's stats stream while it ran; kept after it ended */
export type ContainerInstanceUsage = {
  __typename?: 'ContainerInstanceUsage';
  cpuUsedMillicores: Scalars['Int']['output'];
  memoryUsedMb: Scalars['Int']['output'];
  networkBytesIn: Scalars['SafeInt']['output'];
  networkBytesOut: Scalars['SafeInt']['output'];
  peakCpuUsedMillicores: Scalars['Int']['output'];
  peakMemoryUsedMb: Scalars['Int']['output'];
  sampledAt?: Maybe<Scalars['DateTimeISO']['output']>;
  samples: Scalars['Int']['output'];
  /** The writable layer, measured when the run ended */
  storageUsedBytes: Scalars['SafeInt']['output'];
};

export type ContainerLogLine = {
  __typename?: 'ContainerLogLine';
  line: Scalars['String']['output'];
  stream: LogStream;
};

export type ContainerLogs = {
  __typename?: 'ContainerLogs';
  stderr: Scalars['String']['output'];
  stdout: Scalars['String']['output'];
  /** True when the output was cut at 1 MiB per stream */
  truncated: Scalars['Boolean']['output'];
};

export type ContainerMount = {
  __typename?: 'ContainerMount';
  destination: Scalars['String']['output'];
  readOnly: Scalars['Boolean']['output'];
  /** Host path or volume name */
  source?: Maybe<Scalars['String']['output']>;
  /** bind, volume, tmpfs, npipe */
  type: Scalars['String']['output'];
};

export type ContainerNetworkAttachment = {
  __typename?: 'ContainerNetworkAttachment';
  ipAddress?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  networkId?: Maybe<Scalars['String']['output']>;
};

export type ContainerPort = {
  __typename?: 'ContainerPort';
  ip?: Maybe<Scalars['String']['output']>;
  privatePort: Scalars['Int']['output'];
  /** Published port on the host, when published */
  publicPort?: Maybe<Scalars['Int']['output']>;
  /** tcp, udp or sctp */
  type: Scalars['String']['output'];
};

export enum ContainerState {
  Created = 'CREATED',
  Dead = 'DEAD',
  Exited = 'EXITED',
  Paused = 'PAUSED',
  Removing = 'REMOVING',
  Restarting = 'RESTARTING',
  Running = 'RUNNING'
}

/** A container changed state on a host: every step its Docker events show, in order (created, running, exited with its code, paused, removed), each once */
export type ContainerStateChange = {
  __typename?: 'ContainerStateChange';
  /** When it happened: the Docker event's time, or the container's own start or finish time, else when a listing or read-back found the change */
  at: Scalars['DateTimeISO']['output'];
  /** The container as it was at this step (as it last was, when removed) */
  container: Container;
  hostId: Scalars['ID']['output'];
  /** Null when the container is new */
  previousState?: Maybe<ContainerState>;
  removed: Scalars['Boolean']['output'];
  /** REMOVING when the container was removed */
  state: ContainerState;
};

/** One stats frame (Docker sends one a second) */
export type ContainerStatsFrame = {
  __typename?: 'ContainerStatsFrame';
  at: Scalars['DateTimeISO']['output'];
  blockReadBytes: Scalars['SafeInt']['output'];
  blockWriteBytes: Scalars['SafeInt']['output'];
  /** 100 = one CPU fully used */
  cpuPercent: Scalars['Float']['output'];
  memoryBytes: Scalars['SafeInt']['output'];
  memoryLimitBytes?: Maybe<Scalars['SafeInt']['output']>;
  networkRxBytes: Scalars['SafeInt']['output'];
  networkTxBytes: Scalars['SafeInt']['output'];
};

export type ContainerTemplate = {
  __typename?: 'ContainerTemplate';
  cleanupPolicy: ContainerCleanupPolicy;
  command?: Maybe<Array<Scalars['String']['output']>>;
  cpuMillicores: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** The environment's names; values are never returned */
  envNames: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The image reference */
  image: Scalars['String']['output'];
  /** Seconds between SIGTERM and SIGKILL at the time limit or a cancel */
  killGraceSeconds: Scalars['Int']['output'];
  memoryMb: Scalars['Int']['output'];
  /** Unique within the account */
  name: Scalars['String']['output'];
  /** sha256:… the image must resolve to; a run on another digest is a security violation */
  pinnedDigest?: Maybe<Scalars['String']['output']>;
  /** Placement: only hosts whose labels hold all of these */
  placementLabels: Scalars['JSONObject']['output'];
  /** Charged against the storage quota; the writable layer is measured while it runs */
  storageMb: Scalars['Int']['output'];
  timeoutSeconds: Scalars['Int']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  vaultDelivery: VaultTokenDelivery;
  vaultPolicies: Array<Scalars['String']['output']>;
  /** KV v2 secrets (<mount>/<path>) its runs read: their values are redacted from stored output */
  vaultSecretPaths: Array<Scalars['String']['output']>;
  /** At least timeoutSeconds + killGraceSeconds */
  vaultTtlSeconds: Scalars['Int']['output'];
  /** Starts at 1; every update adds one */
  version: Scalars['Int']['output'];
};

/** A whole template: an update replaces every setting and adds one to the version */
export type ContainerTemplateInput = {
  cleanupPolicy?: InputMaybe<ContainerCleanupPolicy>;
  /** The container; its name, cpuLimit and memoryLimitBytes are set per run from the limits below */
  container: CreateContainerInput;
  /** Default 500 */
  cpuMillicores?: InputMaybe<Scalars['Int']['input']>;
  /** Default 10 (0 to 300) */
  killGraceSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Default 256 */
  memoryMb?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  pinnedDigest?: InputMaybe<Scalars['String']['input']>;
  placementLabels?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Default 0 */
  storageMb?: InputMaybe<Scalars['Int']['input']>;
  /** Default 600 (1 to 86400) */
  timeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Default WRAPPED when vaultPolicies are given, else NONE */
  vaultDelivery?: InputMaybe<VaultTokenDelivery>;
  vaultPolicies?: InputMaybe<Array<Scalars['String']['input']>>;
  /** KV v2 secrets (<mount>/<path>) runs read, to redact their values from stored output (read with the product's token) */
  vaultSecretPaths?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Default timeoutSeconds + killGraceSeconds + 60 */
  vaultTtlSeconds?: InputMaybe<Scalars['Int']['input']>;
};

/** A container to create. Settings that reach into the host need docker.hosts.privileged. */
export type CreateContainerInput = {
  capAdd?: InputMaybe<Array<Scalars['String']['input']>>;
  capDrop?: InputMaybe<Array<Scalars['String']['input']>>;
  command?: InputMaybe<Array<Scalars['String']['input']>>;
  /** CPU limit in CPUs (0.5 = half a CPU) */
  cpuLimit?: InputMaybe<Scalars['Float']['input']>;
  /** hostPath[:containerPath[:permissions]] */
  devices?: InputMaybe<Array<Scalars['String']['input']>>;
  entrypoint?: InputMaybe<Array<Scalars['String']['input']>>;
  /** KEY=VALUE entries (values are never written to the activity log) */
  env?: InputMaybe<Array<Scalars['String']['input']>>;
  healthcheck?: InputMaybe<HealthcheckInput>;
  /** Image reference, present on the host (pull it first) */
  image: Scalars['String']['input'];
  /** host (privileged), or container:<name|id> like pidMode */
  ipcMode?: InputMaybe<Scalars['String']['input']>;
  labels?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Memory limit in bytes (at least 6 MiB) */
  memoryLimitBytes?: InputMaybe<Scalars['SafeInt']['input']>;
  mounts?: InputMaybe<Array<MountInput>>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Network to attach to (bridge, none, a network name; host needs docker.hosts.privileged), or container:<name|id> to join a container of this host, judged with that container's settings */
  network?: InputMaybe<Scalars['String']['input']>;
  /** host shares the host PID namespace (privileged); container:<name|id> joins a container of this host, judged with its settings */
  pidMode?: InputMaybe<Scalars['String']['input']>;
  ports?: InputMaybe<Array<PortBindingInput>>;
  privileged?: InputMaybe<Scalars['Boolean']['input']>;
  restartPolicy?: InputMaybe<RestartPolicyInput>;
  /** e.g. no-new-privileges; seccomp/apparmor=unconfined is privileged */
  securityOpt?: InputMaybe<Array<Scalars['String']['input']>>;
  user?: InputMaybe<Scalars['String']['input']>;
  workingDir?: InputMaybe<Scalars['String']['input']>;
};

export type CreateNetworkInput = {
  attachable?: InputMaybe<Scalars['Boolean']['input']>;
  /** bridge (default), overlay, macvlan, ipvlan */
  driver?: InputMaybe<Scalars['String']['input']>;
  internal?: InputMaybe<Scalars['Boolean']['input']>;
  labels?: InputMaybe<Scalars['JSONObject']['input']>;
  name: Scalars['String']['input'];
};

export type CreateSwarmConfigInput = {
  /** The content as text (UTF-8). Give this or dataBase64; 500 KiB at most. Never returned, logged or audited. */
  data?: InputMaybe<Scalars['String']['input']>;
  /** The content base64-encoded, for binary content. Give this or data. */
  dataBase64?: InputMaybe<Scalars['String']['input']>;
  labels?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Docker's rule: up to 64 of [a-zA-Z0-9-_.], starting and ending with a letter or digit */
  name: Scalars['String']['input'];
};

export type CreateSwarmSecretInput = {
  /** The content as text (UTF-8). Give this or dataBase64; 500 KiB at most. Never returned, logged or audited. */
  data?: InputMaybe<Scalars['String']['input']>;
  /** The content base64-encoded, for binary content. Give this or data. */
  dataBase64?: InputMaybe<Scalars['String']['input']>;
  labels?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Docker's rule: up to 64 of [a-zA-Z0-9-_.], starting and ending with a letter or digit */
  name: Scalars['String']['input'];
};

export type CreateVolumeInput = {
  driver?: InputMaybe<Scalars['String']['input']>;
  /** Driver options (local: type, o, device); mounting anything of the host (o=bind, a device, a network share) needs docker.hosts.privileged */
  driverOpts?: InputMaybe<Scalars['JSONObject']['input']>;
  labels?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Docker makes one up when left out */
  name?: InputMaybe<Scalars['String']['input']>;
};

export type DeployStackInput = {
  /** The compose file's text (compose-spec, as docker stack deploy reads it) */
  compose: Scalars['String']['input'];
  /** The stack (namespace): services are <name>_<key> */
  name: Scalars['String']['input'];
  /** Remove services of the stack the file no longer has (--prune) */
  prune?: InputMaybe<Scalars['Boolean']['input']>;
  resolveImage?: InputMaybe<StackResolveImage>;
  /** The only values ${VAR} takes: the server's environment is never read */
  variables?: InputMaybe<Array<StackVariableInput>>;
};

export type DeployStackPayload = {
  __typename?: 'DeployStackPayload';
  /** In the order done: networks, secrets, configs, services (pruned services first) */
  changes: Array<StackChange>;
  /** The revision this deploy is, and its rollout (deploymentProgress) */
  deployment: Deployment;
  /** What the Engine warned (e.g. an image it could not pin to a digest) */
  engineWarnings: Array<Scalars['String']['output']>;
  /** The stack deploy as a durable operation (stackOperation, stackOperationProgress); null while the deployment is QUEUED */
  operation?: Maybe<StackOperation>;
  stack: SwarmStack;
  warnings: Array<StackWarning>;
};

export type Deployment = {
  __typename?: 'Deployment';
  /** Who asked (the token subject), or "docker-cli" for a change found by the sync */
  actorId: Scalars['String']['output'];
  clusterId: Scalars['ID']['output'];
  /** The compose text of a stack revision */
  compose?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** Past it, a rollout still going is rolled back */
  deadlineAt?: Maybe<Scalars['DateTimeISO']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  /** image reference → resolved digest, for every image of the revision */
  digests: Scalars['JSONObject']['output'];
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  /** The strategy's options as given (parallelism, steps, router, …) */
  options: Scalars['JSONObject']['output'];
  /** The strategy's current phase (stored at each one: a resumed run continues there) */
  phase?: Maybe<Scalars['String']['output']>;
  /** The revision that was live when it started: where a failed rollout returns */
  previousRevision?: Maybe<Scalars['Int']['output']>;
  /** Why it is in its status (the failure, the rollback cause, what it waits for) */
  reason?: Maybe<Scalars['String']['output']>;
  /** The deployment whose revision this one reproduces (redeploy, rollback) */
  reproduces?: Maybe<Scalars['ID']['output']>;
  /** The revision it reproduces */
  reproducesRevision?: Maybe<Scalars['Int']['output']>;
  /** PROMOTE or ABORT, asked and not yet acted on */
  requested?: Maybe<Scalars['String']['output']>;
  revision: Scalars['Int']['output'];
  /** The service, for a deployment of one service */
  service?: Maybe<Scalars['String']['output']>;
  services: Array<DeploymentServiceRevision>;
  source: DeploymentSource;
  /** The stack deployed (null for a service outside any stack) */
  stack?: Maybe<Scalars['String']['output']>;
  startedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: DeploymentStatus;
  /** The number of steps recorded: the cursor after the last one */
  stepCount: Scalars['Int']['output'];
  strategy: DeploymentStrategyKind;
  /** How a blue/green or canary moves traffic: router, replica-ratio (canary without a router) or network-alias (blue/green without one); null for rolling */
  trafficMode?: Maybe<Scalars['String']['output']>;
};

export type DeploymentChangedFilter = {
  clusterId?: InputMaybe<Scalars['ID']['input']>;
  stack?: InputMaybe<Scalars['String']['input']>;
};

export type DeploymentConnection = {
  __typename?: 'DeploymentConnection';
  edges: Array<DeploymentEdge>;
  nodes: Array<Deployment>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DeploymentEdge = {
  __typename?: 'DeploymentEdge';
  cursor: Scalars['String']['output'];
  node: Deployment;
};

export type DeploymentFilter = {
  clusterId?: InputMaybe<Scalars['ID']['input']>;
  /** A service name (<stack>_<key>): its own deployments and its stack's */
  service?: InputMaybe<Scalars['String']['input']>;
  stack?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<DeploymentStatus>;
};

export type DeploymentOptionsInput = {
  /** For strategy BLUE_GREEN */
  blueGreen?: InputMaybe<BlueGreenInput>;
  /** For strategy CANARY */
  canary?: InputMaybe<CanaryInput>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Past it, a rollout not converged is rolled back (default DEPLOYMENT_PROGRESS_DEADLINE_SECONDS) */
  progressDeadlineSeconds?: InputMaybe<Scalars['Int']['input']>;
  rolling?: InputMaybe<RollingUpdateInput>;
  strategy?: InputMaybe<DeploymentStrategyKind>;
};

/** What a deploy would change, before it runs (nothing is written) */
export type DeploymentPlan = {
  __typename?: 'DeploymentPlan';
  /** Keys of the file Swarm ignores */
  ignored: Array<StackWarning>;
  imagesToPull: Array<Scalars['String']['output']>;
  services: Array<ServicePlan>;
  stack: Scalars['String']['output'];
  /** Images no registry answered for: compared by tag only */
  unresolvedImages: Array<Scalars['String']['output']>;
};

/** One service as a revision holds it, and how its rollout went */
export type DeploymentServiceRevision = {
  __typename?: 'DeploymentServiceRevision';
  /** The resolved digest (sha256:…), or null when the registry could not be asked */
  digest?: Maybe<Scalars['String']['output']>;
  dockerId?: Maybe<Scalars['String']['output']>;
  /** The image as the spec runs it (pinned to a digest where the registry answered) */
  image?: Maybe<Scalars['String']['output']>;
  message?: Maybe<Scalars['String']['output']>;
  /** The service name (stack namespace included) */
  name: Scalars['String']['output'];
  /** PENDING, UPDATING, CONVERGED, FAILED, ROLLED_BACK, UNCHANGED */
  outcome?: Maybe<Scalars['String']['output']>;
  /** The spec as Docker held it after the revision was applied */
  spec?: Maybe<Scalars['JSONObject']['output']>;
  /** The service's spec version after this revision was applied */
  specVersion?: Maybe<Scalars['Int']['output']>;
};

export enum DeploymentSource {
  Api = 'API',
  Detected = 'DETECTED',
  Redeploy = 'REDEPLOY',
  Rollback = 'ROLLBACK'
}

export enum DeploymentStatus {
  Cancelled = 'CANCELLED',
  Failed = 'FAILED',
  InProgress = 'IN_PROGRESS',
  Paused = 'PAUSED',
  Pending = 'PENDING',
  Queued = 'QUEUED',
  RolledBack = 'ROLLED_BACK',
  Succeeded = 'SUCCEEDED'
}

export type DeploymentStep = {
  __typename?: 'DeploymentStep';
  at: Scalars['DateTimeISO']['output'];
  data?: Maybe<Scalars['JSONObject']['output']>;
  deploymentId: Scalars['ID']['output'];
  kind: DeploymentStepKind;
  message: Scalars['String']['output'];
  /** The cursor: 1, 2, 3… per deployment */
  seq: Scalars['Int']['output'];
  /** The service the step is about */
  service?: Maybe<Scalars['String']['output']>;
  /** The deployment's status when the step was recorded */
  status: DeploymentStatus;
};

export enum DeploymentStepKind {
  Analysis = 'ANALYSIS',
  Health = 'HEALTH',
  Phase = 'PHASE',
  Replicas = 'REPLICAS',
  Status = 'STATUS',
  Traffic = 'TRAFFIC'
}

export enum DeploymentStrategyKind {
  BlueGreen = 'BLUE_GREEN',
  Canary = 'CANARY',
  Rolling = 'ROLLING'
}

export type Diagnosis = {
  __typename?: 'Diagnosis';
  cause: Scalars['String']['output'];
  evidence: Array<Scalars['String']['output']>;
  firstAction: Scalars['String']['output'];
  /** The mutations that perform the first action, in order */
  mutations: Array<Scalars['String']['output']>;
  /** What to do after the first action, in order, when it is not enough (null when the first action is all) */
  steps?: Maybe<Array<Scalars['String']['output']>>;
  symptom: Scalars['String']['output'];
};

export type DockerEvent = {
  __typename?: 'DockerEvent';
  /** start, die, health_status: unhealthy, ... */
  action: Scalars['String']['output'];
  actorId: Scalars['String']['output'];
  actorName?: Maybe<Scalars['String']['output']>;
  attributes: Scalars['JSONObject']['output'];
  host: DockerHost;
  hostId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  severity: EventSeverity;
  /** When the Engine emitted it */
  time: Scalars['DateTimeISO']['output'];
  /** container, image, network, volume, daemon, ... (or fleet, for what this server observed) */
  type: Scalars['String']['output'];
};

export type DockerEventConnection = {
  __typename?: 'DockerEventConnection';
  edges: Array<DockerEventEdge>;
  nodes: Array<DockerEvent>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DockerEventEdge = {
  __typename?: 'DockerEventEdge';
  cursor: Scalars['String']['output'];
  node: DockerEvent;
};

export type DockerEventFilterInput = {
  /** Exact action, e.g. die, oom, "health_status: unhealthy" */
  action?: InputMaybe<Scalars['String']['input']>;
  hostId?: InputMaybe<Scalars['ID']['input']>;
  severity?: InputMaybe<EventSeverity>;
  /** Inclusive */
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** container, image, network, volume, daemon, fleet */
  type?: InputMaybe<Scalars['String']['input']>;
  /** Exclusive */
  until?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type DockerHost = {
  __typename?: 'DockerHost';
  /** unix:///path, tcp://host:port or https://host:port */
  apiEndpoint: Scalars['String']['output'];
  /** Engine API version negotiated with the daemon */
  apiVersion?: Maybe<Scalars['String']['output']>;
  architecture?: Maybe<Scalars['String']['output']>;
  consecutiveFailures: Scalars['Int']['output'];
  containerCount?: Maybe<Scalars['Int']['output']>;
  containers: ContainerConnection;
  cpuCount?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** The runbook's troubleshooting row for this host ("host stuck in pending", "repeated error status", a stored certificate expiring): the endpoint probed now step by step (name, TCP, TLS, Docker API) when its checks fail; null when it is fine */
  diagnosis?: Maybe<Diagnosis>;
  dockerVersion?: Maybe<Scalars['String']['output']>;
  environment: DockerHostEnvironment;
  /** True when TLS client material is stored (it is never returned) */
  hasTlsCredentials: Scalars['Boolean']['output'];
  /** The seed's HealthMonitor for this host */
  health: HostHealth;
  id: Scalars['ID']['output'];
  imageCount?: Maybe<Scalars['Int']['output']>;
  images: ImageConnection;
  lastCheckedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why the last check failed (coarse in production without docker.hosts.privileged) */
  lastError?: Maybe<Scalars['String']['output']>;
  /** Error code of lastError (HOST_UNREACHABLE, TLS_ERROR, ...) */
  lastErrorCode?: Maybe<Scalars['String']['output']>;
  lastSyncedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  memoryBytes?: Maybe<Scalars['SafeInt']['output']>;
  name: Scalars['String']['output'];
  networks: NetworkConnection;
  os?: Maybe<Scalars['String']['output']>;
  osType?: Maybe<Scalars['String']['output']>;
  status: DockerHostStatus;
  /** Disk used by images on the host, measured after each check (it follows the check; null until first measured) */
  storageBytes?: Maybe<Scalars['SafeInt']['output']>;
  /** The swarm node this engine is, when a registered cluster holds it (hybrid fleets) */
  swarmNode?: Maybe<SwarmNode>;
  /** Docker's id of this engine's node, when it is part of a swarm */
  swarmNodeId?: Maybe<Scalars['String']['output']>;
  syncIntervalSeconds: Scalars['Int']['output'];
  /** The API instance that syncs it now (its lease holder) */
  syncOwner?: Maybe<Scalars['String']['output']>;
  tlsVerify: Scalars['Boolean']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  volumes: VolumeConnection;
};


export type DockerHostContainersArgs = {
  filter?: InputMaybe<ContainerFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type DockerHostImagesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type DockerHostNetworksArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type DockerHostVolumesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type DockerHostConnection = {
  __typename?: 'DockerHostConnection';
  edges: Array<DockerHostEdge>;
  nodes: Array<DockerHost>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DockerHostEdge = {
  __typename?: 'DockerHostEdge';
  cursor: Scalars['String']['output'];
  node: DockerHost;
};

export enum DockerHostEnvironment {
  Custom = 'CUSTOM',
  Development = 'DEVELOPMENT',
  Production = 'PRODUCTION',
  Staging = 'STAGING'
}

export type DockerHostFilter = {
  environment?: InputMaybe<DockerHostEnvironment>;
  /** Case-insensitive part of the name or endpoint */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<DockerHostStatus>;
};

export enum DockerHostStatus {
  /** Reachable and monitored */
  Connected = 'CONNECTED',
  /** Connection lost, or disconnected by a user: not synced */
  Disconnected = 'DISCONNECTED',
  /** Five consecutive failed checks: needs recoverDockerHost */
  Error = 'ERROR',
  /** Taken offline by a user: not checked, not synced */
  Maintenance = 'MAINTENANCE',
  /** Registered, not yet reached (or never reached since): see lastError */
  Pending = 'PENDING'
}

export enum EventSeverity {
  Error = 'ERROR',
  Info = 'INFO',
  Warning = 'WARNING'
}

export type ExecResultType = {
  __typename?: 'ExecResultType';
  /** Null when the command timed out */
  exitCode?: Maybe<Scalars['Int']['output']>;
  stderr: Scalars['String']['output'];
  stdout: Scalars['String']['output'];
  /** The command ran past timeoutSeconds; Docker cannot stop it, it may still be running */
  timedOut: Scalars['Boolean']['output'];
  truncated: Scalars['Boolean']['output'];
};

export type HealthcheckInput = {
  intervalSeconds?: InputMaybe<Scalars['Int']['input']>;
  retries?: InputMaybe<Scalars['Int']['input']>;
  startPeriodSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Docker's form: ["CMD", "wget", "-q", "http://localhost/"] or ["CMD-SHELL", "..."] */
  test: Array<Scalars['String']['input']>;
  timeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
};

export type HostHealth = {
  __typename?: 'HostHealth';
  containers: ContainerHealthSummary;
  /** A live /_ping now; null in maintenance (not contacted) */
  reachable?: Maybe<Scalars['Boolean']['output']>;
  /** The health state machine: CONNECTED, DISCONNECTED, ERROR, ... */
  status: DockerHostStatus;
  /** Null unless the host is CONNECTED */
  usage?: Maybe<HostUsage>;
};

/** Images, networks and volumes are listed per host or across the fleet */
export type HostScopedFilterInput = {
  hostId?: InputMaybe<Scalars['ID']['input']>;
};

/** Resource use of the running containers, sampled live (takes about a second) */
export type HostUsage = {
  __typename?: 'HostUsage';
  /** Sum over containers; 100 = one CPU fully used */
  cpuPercent: Scalars['Float']['output'];
  memoryBytes: Scalars['SafeInt']['output'];
  sampledAt: Scalars['DateTimeISO']['output'];
  sampledContainers: Scalars['Int']['output'];
};

export type Image = {
  __typename?: 'Image';
  createdAt: Scalars['DateTimeISO']['output'];
  /** Docker's own id (names for volumes) */
  dockerId: Scalars['String']['output'];
  host: DockerHost;
  hostId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  labels: Scalars['JSONObject']['output'];
  repoDigests: Array<Scalars['String']['output']>;
  repoTags: Array<Scalars['String']['output']>;
  sizeBytes: Scalars['SafeInt']['output'];
  /** When this record last changed (not when it was last seen: unchanged syncs write nothing) */
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type ImageConnection = {
  __typename?: 'ImageConnection';
  edges: Array<ImageEdge>;
  nodes: Array<Image>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** An image as the Engine inspects it now */
export type ImageDetailsType = {
  __typename?: 'ImageDetailsType';
  architecture: Scalars['String']['output'];
  author?: Maybe<Scalars['String']['output']>;
  cmd: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  dockerId: Scalars['String']['output'];
  entrypoint: Array<Scalars['String']['output']>;
  env: Array<Scalars['String']['output']>;
  exposedPorts: Array<Scalars['String']['output']>;
  hostId: Scalars['ID']['output'];
  /** Our id (the inventory Image) */
  id: Scalars['ID']['output'];
  labels: Scalars['JSONObject']['output'];
  layers: Array<Scalars['String']['output']>;
  os: Scalars['String']['output'];
  repoDigests: Array<Scalars['String']['output']>;
  repoTags: Array<Scalars['String']['output']>;
  sizeBytes: Scalars['SafeInt']['output'];
  user?: Maybe<Scalars['String']['output']>;
  workingDir?: Maybe<Scalars['String']['output']>;
};

export type ImageEdge = {
  __typename?: 'ImageEdge';
  cursor: Scalars['String']['output'];
  node: Image;
};

export type ImageOperation = {
  __typename?: 'ImageOperation';
  error?: Maybe<Scalars['String']['output']>;
  errorCode?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  hostId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** The image id a build produced */
  imageId?: Maybe<Scalars['String']['output']>;
  kind: ImageOperationKind;
  /** The last progress line */
  lastMessage?: Maybe<Scalars['String']['output']>;
  /** The image pulled or pushed, or the first tag built */
  reference: Scalars['String']['output'];
  startedAt: Scalars['DateTimeISO']['output'];
  status: ImageOperationStatus;
};

export enum ImageOperationKind {
  Build = 'BUILD',
  Pull = 'PULL',
  Push = 'PUSH'
}

export enum ImageOperationStatus {
  Failed = 'FAILED',
  Running = 'RUNNING',
  Succeeded = 'SUCCEEDED'
}

export type ImageProgressMessage = {
  __typename?: 'ImageProgressMessage';
  at: Scalars['DateTimeISO']['output'];
  current?: Maybe<Scalars['SafeInt']['output']>;
  /** The last message of the operation, with its final status */
  done: Scalars['Boolean']['output'];
  error?: Maybe<Scalars['String']['output']>;
  errorCode?: Maybe<Scalars['String']['output']>;
  /** The layer a pull/push line is about */
  layer?: Maybe<Scalars['String']['output']>;
  message?: Maybe<Scalars['String']['output']>;
  operationId: Scalars['ID']['output'];
  status: ImageOperationStatus;
  total?: Maybe<Scalars['SafeInt']['output']>;
};

export type InitSwarmInput = {
  /** The address other nodes reach this host at (IP, optionally :port) */
  advertiseAddr: Scalars['String']['input'];
  /** Name of the cluster registered for the new swarm (default: the host name) */
  clusterName?: InputMaybe<Scalars['String']['input']>;
  /** Default 0.0.0.0:2377 */
  listenAddr?: InputMaybe<Scalars['String']['input']>;
};

/** Where a run goes without hostId: a connected host of the account with room for its limits */
export type InstancePlacementInput = {
  /** The host must have all of these (added to the template's): environment, os, osType, architecture, name */
  labels?: InputMaybe<Scalars['JSONObject']['input']>;
};

export enum LogStream {
  Stderr = 'STDERR',
  Stdout = 'STDOUT'
}

export type MountInput = {
  readOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Volume name (VOLUME; one whose driver options mount a host path needs docker.hosts.privileged) or host path (BIND, needs docker.hosts.privileged) */
  source?: InputMaybe<Scalars['String']['input']>;
  target: Scalars['String']['input'];
  type: MountType;
};

export enum MountType {
  Bind = 'BIND',
  Tmpfs = 'TMPFS',
  Volume = 'VOLUME'
}

export type Mutation = {
  __typename?: 'Mutation';
  /** Stops a running deployment and returns the stack to its previous good revision */
  abortDeployment: Deployment;
  buildImage: ImageOperation;
  /** Stops the run (SIGTERM, SIGKILL after its grace period): CANCELLED */
  cancelContainerInstance: ContainerInstance;
  /** Revokes the run's Vault token now, by its accessor (also while it runs) */
  cleanupVaultToken: ContainerInstance;
  /** The container, with its networks as they are now */
  connectContainerToNetwork: Container;
  /** Checks the host now and resumes monitoring it */
  connectDockerHost: DockerHost;
  /** HOST_UNAVAILABLE unless the host is CONNECTED; host-reaching settings need docker.hosts.privileged */
  createContainer: Container;
  /** Judged by the workload policy now (host-reaching settings need docker.hosts.privileged) and again at every run */
  createContainerTemplate: ContainerTemplate;
  createNetwork: Network;
  /** BAD_USER_INPUT naming the field for a bad name, data or labels; CONFLICT when the name is taken */
  createSwarmConfig: SwarmConfig;
  /** BAD_USER_INPUT naming the field for a bad name, data or labels; CONFLICT when the name is taken */
  createSwarmSecret: SwarmSecret;
  /** Creates a service from a typed spec (names of networks, secrets, configs resolved on the cluster); node-reaching settings need docker.hosts.privileged */
  createSwarmService: SwarmService;
  createVolume: Volume;
  /** Returns its id; past runs keep their copy of what they ran */
  deleteContainerTemplate: Scalars['ID']['output'];
  /** Returns the id of the deleted host */
  deleteDockerHost: Scalars['ID']['output'];
  deleteRegistryCredential: Scalars['ID']['output'];
  /** Forgets the cluster (nothing changes on the swarm); returns its id */
  deleteSwarmCluster: Scalars['ID']['output'];
  /** Forgets the router and its routes (HAProxy keeps running as it is); returns its id */
  deleteTrafficRouter: Scalars['ID']['output'];
  /** QUORUM_RISK when the managers left could not keep quorum */
  demoteSwarmNode: SwarmNode;
  /** docker stack deploy as the next revision of the stack, through its strategy; answered once the first writes are done, the rollout goes on (deploymentProgress) */
  deployStack: DeployStackPayload;
  disconnectContainerFromNetwork: Container;
  /** Stops monitoring and syncing the host until connectDockerHost */
  disconnectDockerHost: DockerHost;
  /** Runs a command in a running container and waits for it (default timeout 60 s). Entering a container that reaches into its host needs docker.hosts.privileged */
  execInContainer: ExecResultType;
  /** Makes the host the first manager of a new swarm and registers that swarm as a cluster */
  initSwarm: SwarmCluster;
  /** Joins the host to the cluster (the join token is fetched from a manager, never returned) */
  joinSwarm: SwarmCluster;
  /** The host leaves its swarm (a manager needs force). QUORUM_RISK for a manager whose loss breaks quorum, force or not, except the last manager dismantling its swarm with force */
  leaveSwarm: DockerHost;
  /** Pulls an image on every node through the manager (a global job, removed afterwards), with the account's registry credentials; per node ok or the error */
  prePullImage: PrePullImageResult;
  /** Ends a pause of a blue/green or canary deployment (switches traffic, or goes to the next step) */
  promoteDeployment: Deployment;
  promoteSwarmNode: SwarmNode;
  /** Removes every volume no container uses on the host (only those with the label, when given) */
  pruneVolumes: VolumePruneResult;
  /** Progress on imageOperationProgress(operationId); credentials for the registry are used when set */
  pullImage: ImageOperation;
  pushImage: ImageOperation;
  /** Manual recovery: clears the failure count and checks the host again */
  recoverDockerHost: DockerHost;
  /** Manual recovery: clears the failure count and checks the cluster again */
  recoverSwarmCluster: SwarmCluster;
  /** That revision again, exactly (its specs and pinned digests, not "latest"), as a new revision */
  redeployDeployment: DeployStackPayload;
  /** Replaces every task with the spec unchanged (a force update) */
  redeploySwarmService: SwarmService;
  /** Stores the host as PENDING, then checks it: CONNECTED, or PENDING with lastError */
  registerDockerHost: DockerHost;
  /** Verifies the endpoint is a swarm manager (BAD_USER_INPUT if it is not), stores the cluster and syncs it */
  registerSwarmCluster: SwarmCluster;
  /** Checks that its runtime API and master CLI answer (ROUTER_UNREACHABLE naming the endpoint otherwise), then stores it */
  registerTrafficRouter: TrafficRouter;
  /** CONFLICT for a running container unless force */
  removeContainer: Scalars['ID']['output'];
  /** CONFLICT when a container uses it, or by id when it has several tags (unless force); with reference, removes that tag only */
  removeImage: Scalars['ID']['output'];
  /** CONFLICT while containers use it */
  removeNetwork: Scalars['ID']['output'];
  /** docker stack rm: its services, then secrets, configs, networks */
  removeStack: RemoveStackPayload;
  /** CONFLICT naming the services that use it; returns its id */
  removeSwarmConfig: Scalars['ID']['output'];
  /** Removes the node from the swarm (force: even if it is not down, and even if quorum suffers). QUORUM_RISK for a manager whose loss breaks quorum */
  removeSwarmNode: Scalars['ID']['output'];
  /** CONFLICT naming the services that use it; returns its id */
  removeSwarmSecret: Scalars['ID']['output'];
  /** Removes the service (its tasks stop); answers its id */
  removeSwarmService: Scalars['ID']['output'];
  /** CONFLICT while a container uses it (unless force) */
  removeVolume: Scalars['ID']['output'];
  restartContainer: Container;
  /** An ended run again, as a new instance (retryOf names the old one): what it ran, its environment and task */
  retryContainerInstance: ContainerInstance;
  /** Refuses every token of this account issued before `before` (default: now; a cut-off only moves forward), on HTTP and on every WebSocket operation; open sockets holding such tokens are closed (4401). A token made in the same second as the cut-off is refused too. */
  revokeTokens: TokenRevocation;
  /** The whole stack back to a revision (default: the newest one that succeeded before what runs now) */
  rollbackStack: DeployStackPayload;
  /** Docker's rollback to the previous spec (a second one goes forward again); CONFLICT when there is none */
  rollbackSwarmService: SwarmService;
  /** New data: a new version `<base>.v<n>`, every service using this one re-pointed to it (same file inside the tasks), then this one removed. A failure midway names what was re-pointed and keeps this one. */
  rotateSwarmConfig: SwarmConfigRotation;
  /** New data: a new version `<base>.v<n>`, every service using this one re-pointed to it (same file inside the tasks), then this one removed. A failure midway names what was re-pointed and keeps this one. */
  rotateSwarmSecret: SwarmSecretRotation;
  /** A new signing secret for task callbacks, answered once; every send from now on is signed with it */
  rotateTaskCallbackSecret: TaskCallbackSecretRotation;
  /** Admitted against the account quota (QUOTA_EXCEEDED otherwise), judged by the workload policy on the host chosen, then driven PENDING → PROVISIONING → RUNNING → its end */
  runContainerInstance: ContainerInstance;
  /** Replicas of a replicated service (concurrency of a replicated job); BAD_USER_INPUT on global modes */
  scaleSwarmService: SwarmService;
  /** Replaces the calling account's limits (null: no limit). Runs already admitted keep running */
  setAccountQuota: AccountQuota;
  setDockerHostMaintenance: DockerHost;
  /** Stores (or replaces) the account's credentials for one registry */
  setRegistryCredential: RegistryCredential;
  startContainer: Container;
  stopContainer: Container;
  /** Full sync now (system info and all inventory); counts as a health check. CONFLICT in ERROR or offline */
  syncDockerHost: DockerHost;
  /** Full sync now (counts as a health check). CONFLICT in ERROR */
  syncSwarmCluster: SwarmCluster;
  /** Adds repository:tag to the image */
  tagImage: Image;
  /** Replaces every setting and adds one to the version; runs record the version they used */
  updateContainerTemplate: ContainerTemplate;
  updateDockerHost: DockerHost;
  /** Rotate join tokens; task history, raft and dispatcher settings */
  updateSwarm: SwarmCluster;
  updateSwarmCluster: SwarmCluster;
  /** Labels only: Docker refuses any other change (use rotate for new data) */
  updateSwarmConfig: SwarmConfig;
  /** Availability (drain moves its tasks away, live) and labels */
  updateSwarmNode: SwarmNode;
  /** Labels only: Docker refuses any other change (use rotate for new data) */
  updateSwarmSecret: SwarmSecret;
  /** Applies a patch onto the service's current spec, at its current version (retried when another writer got there first) */
  updateSwarmService: SwarmService;
};


export type MutationAbortDeploymentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationBuildImageArgs = {
  hostId: Scalars['ID']['input'];
  input: BuildImageInput;
  wait?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationCancelContainerInstanceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCleanupVaultTokenArgs = {
  instanceId: Scalars['ID']['input'];
};


export type MutationConnectContainerToNetworkArgs = {
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  containerId: Scalars['ID']['input'];
  networkId: Scalars['ID']['input'];
};


export type MutationConnectDockerHostArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateContainerArgs = {
  hostId: Scalars['ID']['input'];
  input: CreateContainerInput;
};


export type MutationCreateContainerTemplateArgs = {
  input: ContainerTemplateInput;
};


export type MutationCreateNetworkArgs = {
  hostId: Scalars['ID']['input'];
  input: CreateNetworkInput;
};


export type MutationCreateSwarmConfigArgs = {
  clusterId: Scalars['ID']['input'];
  input: CreateSwarmConfigInput;
};


export type MutationCreateSwarmSecretArgs = {
  clusterId: Scalars['ID']['input'];
  input: CreateSwarmSecretInput;
};


export type MutationCreateSwarmServiceArgs = {
  clusterId: Scalars['ID']['input'];
  spec: SwarmServiceSpecInput;
};


export type MutationCreateVolumeArgs = {
  hostId: Scalars['ID']['input'];
  input: CreateVolumeInput;
};


export type MutationDeleteContainerTemplateArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteDockerHostArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteRegistryCredentialArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteSwarmClusterArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteTrafficRouterArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDemoteSwarmNodeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeployStackArgs = {
  clusterId: Scalars['ID']['input'];
  deployment?: InputMaybe<DeploymentOptionsInput>;
  input: DeployStackInput;
};


export type MutationDisconnectContainerFromNetworkArgs = {
  containerId: Scalars['ID']['input'];
  force?: InputMaybe<Scalars['Boolean']['input']>;
  networkId: Scalars['ID']['input'];
};


export type MutationDisconnectDockerHostArgs = {
  id: Scalars['ID']['input'];
};


export type MutationExecInContainerArgs = {
  command: Array<Scalars['String']['input']>;
  env?: InputMaybe<Array<Scalars['String']['input']>>;
  id: Scalars['ID']['input'];
  timeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  user?: InputMaybe<Scalars['String']['input']>;
  workingDir?: InputMaybe<Scalars['String']['input']>;
};


export type MutationInitSwarmArgs = {
  hostId: Scalars['ID']['input'];
  input: InitSwarmInput;
};


export type MutationJoinSwarmArgs = {
  advertiseAddr?: InputMaybe<Scalars['String']['input']>;
  clusterId: Scalars['ID']['input'];
  hostId: Scalars['ID']['input'];
  role: SwarmNodeRole;
};


export type MutationLeaveSwarmArgs = {
  force?: Scalars['Boolean']['input'];
  hostId: Scalars['ID']['input'];
};


export type MutationPrePullImageArgs = {
  clusterId: Scalars['ID']['input'];
  image: Scalars['String']['input'];
  timeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPromoteDeploymentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPromoteSwarmNodeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPruneVolumesArgs = {
  hostId: Scalars['ID']['input'];
  label?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPullImageArgs = {
  hostId: Scalars['ID']['input'];
  reference: Scalars['String']['input'];
  wait?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationPushImageArgs = {
  hostId: Scalars['ID']['input'];
  reference: Scalars['String']['input'];
  wait?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationRecoverDockerHostArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecoverSwarmClusterArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRedeployDeploymentArgs = {
  deployment?: InputMaybe<DeploymentOptionsInput>;
  id: Scalars['ID']['input'];
};


export type MutationRedeploySwarmServiceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRegisterDockerHostArgs = {
  input: RegisterDockerHostInput;
};


export type MutationRegisterSwarmClusterArgs = {
  input: RegisterSwarmClusterInput;
};


export type MutationRegisterTrafficRouterArgs = {
  input: RegisterTrafficRouterInput;
};


export type MutationRemoveContainerArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  removeVolumes?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationRemoveImageArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  reference?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRemoveNetworkArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveStackArgs = {
  clusterId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationRemoveSwarmConfigArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveSwarmNodeArgs = {
  force?: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRemoveSwarmSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveSwarmServiceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveVolumeArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationRestartContainerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRetryContainerInstanceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeTokensArgs = {
  before?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type MutationRollbackStackArgs = {
  clusterId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  toRevision?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationRollbackSwarmServiceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateSwarmConfigArgs = {
  data?: InputMaybe<Scalars['String']['input']>;
  dataBase64?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  keepPrevious?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationRotateSwarmSecretArgs = {
  data?: InputMaybe<Scalars['String']['input']>;
  dataBase64?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  keepPrevious?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationRunContainerInstanceArgs = {
  input: RunContainerInstanceInput;
};


export type MutationScaleSwarmServiceArgs = {
  id: Scalars['ID']['input'];
  replicas: Scalars['Int']['input'];
};


export type MutationSetAccountQuotaArgs = {
  input: SetAccountQuotaInput;
};


export type MutationSetDockerHostMaintenanceArgs = {
  enabled: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


export type MutationSetRegistryCredentialArgs = {
  input: SetRegistryCredentialInput;
};


export type MutationStartContainerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationStopContainerArgs = {
  id: Scalars['ID']['input'];
  timeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationSyncDockerHostArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSyncSwarmClusterArgs = {
  id: Scalars['ID']['input'];
};


export type MutationTagImageArgs = {
  id: Scalars['ID']['input'];
  repository: Scalars['String']['input'];
  tag: Scalars['String']['input'];
};


export type MutationUpdateContainerTemplateArgs = {
  id: Scalars['ID']['input'];
  input: ContainerTemplateInput;
};


export type MutationUpdateDockerHostArgs = {
  id: Scalars['ID']['input'];
  input: UpdateDockerHostInput;
};


export type MutationUpdateSwarmArgs = {
  clusterId: Scalars['ID']['input'];
  input: UpdateSwarmInput;
};


export type MutationUpdateSwarmClusterArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSwarmClusterInput;
};


export type MutationUpdateSwarmConfigArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSwarmConfigInput;
};


export type MutationUpdateSwarmNodeArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSwarmNodeInput;
};


export type MutationUpdateSwarmSecretArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSwarmSecretInput;
};


export type MutationUpdateSwarmServiceArgs = {
  id: Scalars['ID']['input'];
  spec: SwarmServiceUpdateInput;
};

export type Network = {
  __typename?: 'Network';
  attachable: Scalars['Boolean']['output'];
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Docker's own id (names for volumes) */
  dockerId: Scalars['String']['output'];
  driver: Scalars['String']['output'];
  host: DockerHost;
  hostId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  internal: Scalars['Boolean']['output'];
  labels: Scalars['JSONObject']['output'];
  name: Scalars['String']['output'];
  /** local, global or swarm */
  scope: Scalars['String']['output'];
  /** When this record last changed (not when it was last seen: unchanged syncs write nothing) */
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type NetworkConnection = {
  __typename?: 'NetworkConnection';
  edges: Array<NetworkEdge>;
  nodes: Array<Network>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A network as the Engine inspects it now */
export type NetworkDetailsType = {
  __typename?: 'NetworkDetailsType';
  attachable: Scalars['Boolean']['output'];
  containers: Array<NetworkEndpoint>;
  dockerId: Scalars['String']['output'];
  driver: Scalars['String']['output'];
  hostId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  internal: Scalars['Boolean']['output'];
  labels: Scalars['JSONObject']['output'];
  name: Scalars['String']['output'];
  scope: Scalars['String']['output'];
  subnets: Array<Scalars['String']['output']>;
};

export type NetworkEdge = {
  __typename?: 'NetworkEdge';
  cursor: Scalars['String']['output'];
  node: Network;
};

export type NetworkEndpoint = {
  __typename?: 'NetworkEndpoint';
  /** The container's Docker id */
  dockerId: Scalars['String']['output'];
  ipv4Address?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PortBindingInput = {
  containerPort: Scalars['Int']['input'];
  hostIp?: InputMaybe<Scalars['String']['input']>;
  /** Publish on this host port (0: any free port); leave out to only expose */
  hostPort?: InputMaybe<Scalars['Int']['input']>;
  /** tcp (default), udp or sctp */
  protocol?: InputMaybe<Scalars['String']['input']>;
};

export type PrePullImageResult = {
  __typename?: 'PrePullImageResult';
  failed: Scalars['Int']['output'];
  image: Scalars['String']['output'];
  nodes: Array<PrePullNodeResult>;
  pulled: Scalars['Int']['output'];
};

export type PrePullNodeResult = {
  __typename?: 'PrePullNodeResult';
  error?: Maybe<Scalars['String']['output']>;
  hostname: Scalars['String']['output'];
  nodeId: Scalars['String']['output'];
  /** The node has the image now */
  ok: Scalars['Boolean']['output'];
  /** The state of its pull task (complete when pulled and run) */
  state?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** The calling account's limits and what its admitted container instances use now */
  accountQuota: AccountQuota;
  /** Your account's audit trail, newest first */
  activities: ActivityConnection;
  /** NOT_FOUND when no container of your account has this id */
  container?: Maybe<Container>;
  /** NOT_FOUND when no run of your account has this id */
  containerInstance: ContainerInstance;
  /** The account's runs, newest first */
  containerInstances: ContainerInstanceConnection;
  /** Logs so far, stdout and stderr apart (1 MiB each at most) */
  containerLogs: ContainerLogs;
  /** NOT_FOUND when no template of your account has this id */
  containerTemplate: ContainerTemplate;
  containerTemplates: Array<ContainerTemplate>;
  /** Containers across your fleet, as last synced */
  containers: ContainerConnection;
  deployment: Deployment;
  /** Every revision of the account's stacks, newest first */
  deployments: DeploymentConnection;
  /** Stored Docker events, newest first. The seed's post-operation check is `dockerEvents(filter: { severity: ERROR, since: $start }) { totalCount }` */
  dockerEvents: DockerEventConnection;
  /** NOT_FOUND when no host of your account has this id */
  dockerHost?: Maybe<DockerHost>;
  dockerHosts: DockerHostConnection;
  /** Inspects the image on its host now */
  image: ImageDetailsType;
  imageOperation: ImageOperation;
  /** Images across your fleet, newest first */
  images: ImageConnection;
  /** Inspects the network on its host now */
  network: NetworkDetailsType;
  /** Networks across your fleet */
  networks: NetworkConnection;
  /** What deployStack with this input would change: per-service spec differences, tasks that restart, keys ignored, images pulled */
  planDeployment: DeploymentPlan;
  /** Which registries have credentials (never the passwords) */
  registryCredentials: Array<RegistryCredential>;
  /** A stack deploy or removal, running or ended */
  stackOperation: StackOperation;
  /** NOT_FOUND when no cluster of your account has this id */
  swarmCluster: SwarmCluster;
  /** The seed's cluster health verification: quorum, leader, nodes down or drained, services not converged */
  swarmClusterHealth: SwarmClusterHealth;
  swarmClusters: SwarmClusterConnection;
  /** NOT_FOUND when no config of your account has this id. Its data is never returned. */
  swarmConfig: SwarmConfig;
  /** Configs of your swarms (never their data) */
  swarmConfigs: SwarmConfigConnection;
  /** Your swarms' events (the seed's SwarmEvent), newest first */
  swarmEvents: SwarmEventConnection;
  /** Swarm-scope networks of your swarms */
  swarmNetworks: SwarmNetworkConnection;
  /** NOT_FOUND when no node of your account has this id */
  swarmNode: SwarmNode;
  /** Nodes of your swarms */
  swarmNodes: SwarmNodeConnection;
  /** NOT_FOUND when no secret of your account has this id. Its data is never returned. */
  swarmSecret: SwarmSecret;
  /** Secrets of your swarms (never their data) */
  swarmSecrets: SwarmSecretConnection;
  /** NOT_FOUND when no service of your account has this id */
  swarmService: SwarmService;
  /** Log lines of all its tasks so far, each with its task, node and stream (1 MiB at most) */
  swarmServiceLogs: SwarmServiceLogs;
  /** Services of your swarms */
  swarmServices: SwarmServiceConnection;
  /** NOT_FOUND when the cluster has no object of this stack */
  swarmStack: SwarmStack;
  /** The stacks of a cluster, as `docker stack ls` lists them (the namespaces of its services) */
  swarmStacks: Array<SwarmStack>;
  /** Tasks of your swarms (filter by serviceId, nodeId, state) */
  swarmTasks: SwarmTaskConnection;
  /** The account's linked-task result deliveries, newest first */
  taskCallbackDeliveries: TaskCallbackDeliveryConnection;
  /** Whether the account has a callback signing secret (it is never returned but by rotateTaskCallbackSecret) */
  taskCallbackSecretSet: Scalars['Boolean']['output'];
  /** Live per-server counters of a route, read from the router's runtime API */
  trafficRouteStats: Array<TrafficServerStats>;
  /** NOT_FOUND when no router of your account has this id */
  trafficRouter: TrafficRouter;
  trafficRouters: Array<TrafficRouter>;
  /** A router's routes with their stored servers and weights */
  trafficRoutes: Array<TrafficRoute>;
  /** Inspects the volume on its host now */
  volume: VolumeDetailsType;
  /** Volumes across your fleet */
  volumes: VolumeConnection;
};


export type QueryActivitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActivityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryContainerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContainerInstanceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContainerInstancesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ContainerInstanceFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryContainerLogsArgs = {
  id: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
  tail?: InputMaybe<Scalars['Int']['input']>;
  timestamps?: InputMaybe<Scalars['Boolean']['input']>;
  until?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryContainerTemplateArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContainersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ContainerFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDeploymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDeploymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DeploymentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDockerEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DockerEventFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDockerHostArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDockerHostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DockerHostFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryImageArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImageOperationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<HostScopedFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNetworkArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNetworksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<HostScopedFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPlanDeploymentArgs = {
  clusterId: Scalars['ID']['input'];
  input: DeployStackInput;
};


export type QueryStackOperationArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySwarmClusterArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySwarmClusterHealthArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySwarmClustersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SwarmClusterFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySwarmConfigArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySwarmConfigsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SwarmFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySwarmEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SwarmEventFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySwarmNetworksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SwarmFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySwarmNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySwarmNodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SwarmFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySwarmSecretArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySwarmSecretsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SwarmFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySwarmServiceArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySwarmServiceLogsArgs = {
  id: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
  tail?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySwarmServicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SwarmFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySwarmStackArgs = {
  clusterId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type QuerySwarmStacksArgs = {
  clusterId: Scalars['ID']['input'];
};


export type QuerySwarmTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SwarmFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTaskCallbackDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TaskCallbackDeliveryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTrafficRouteStatsArgs = {
  routeId: Scalars['ID']['input'];
};


export type QueryTrafficRouterArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrafficRoutesArgs = {
  routerId: Scalars['ID']['input'];
};


export type QueryVolumeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVolumesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<HostScopedFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What the account uses now: the sum of the open charges of its admitted runs */
export type QuotaUse = {
  __typename?: 'QuotaUse';
  concurrentInstances: Scalars['SafeInt']['output'];
  cpuMillicores: Scalars['SafeInt']['output'];
  memoryMb: Scalars['SafeInt']['output'];
  storageMb: Scalars['SafeInt']['output'];
};

export type RegisterDockerHostInput = {
  /** unix:///var/run/docker.sock, tcp://host:2375 or https://host:2376 */
  apiEndpoint: Scalars['String']['input'];
  environment: DockerHostEnvironment;
  /** Unique within the account */
  name: Scalars['String']['input'];
  /** Seconds between syncs, 30 to 3600 (default 60) */
  syncIntervalSeconds?: InputMaybe<Scalars['Int']['input']>;
  tlsCredentials?: InputMaybe<TlsCredentialsInput>;
  /** Verify the daemon certificate (default true; required for PRODUCTION) */
  tlsVerify?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Give managerEndpoint (a manager's Engine API) or managerHostId (a registered host that is a manager), not both */
export type RegisterSwarmClusterInput = {
  environment: DockerHostEnvironment;
  /** tcp://host:2375 or https://host:2376 of a manager */
  managerEndpoint?: InputMaybe<Scalars['String']['input']>;
  /** A registered host that is a manager: its endpoint and TLS material are used */
  managerHostId?: InputMaybe<Scalars['ID']['input']>;
  /** Unique within the account */
  name: Scalars['String']['input'];
  /** Seconds between full syncs, 30 to 3600 (default 60) */
  syncIntervalSeconds?: InputMaybe<Scalars['Int']['input']>;
  tlsCredentials?: InputMaybe<TlsCredentialsInput>;
  /** Verify the manager certificate (default true; required for PRODUCTION) */
  tlsVerify?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A router already running beside the API: haproxy -W -S <masterEndpoint> -f <configPath> */
export type RegisterTrafficRouterInput = {
  /** The absolute path of the haproxy.cfg it was started with: the product rewrites it */
  configPath: Scalars['String']['input'];
  /** Default HAPROXY */
  kind?: InputMaybe<TrafficRouterKind>;
  /** Its master CLI (the -S of haproxy -W), used to reload */
  masterEndpoint: Scalars['String']['input'];
  /** Unique within the account */
  name: Scalars['String']['input'];
  /** Its runtime API (stats socket, level admin): tcp://host:port or unix:///path */
  runtimeEndpoint: Scalars['String']['input'];
};

export type RegistryCredential = {
  __typename?: 'RegistryCredential';
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** Registry host[:port], e.g. registry.example.com or 127.0.0.1:5001 (docker.io for Docker Hub) */
  registry: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  username: Scalars['String']['output'];
};

export type RemoveStackPayload = {
  __typename?: 'RemoveStackPayload';
  changes: Array<StackChange>;
  /** Objects that could not be removed, and why (the rest were) */
  failures: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  operation: StackOperation;
};

export type RestartPolicyInput = {
  /** ON_FAILURE only */
  maximumRetryCount?: InputMaybe<Scalars['Int']['input']>;
  name: RestartPolicyName;
};

export enum RestartPolicyName {
  Always = 'ALWAYS',
  No = 'NO',
  OnFailure = 'ON_FAILURE',
  UnlessStopped = 'UNLESS_STOPPED'
}

/** Swarm's native update knobs, written into every service's UpdateConfig (what is not given stays as the compose file says) */
export type RollingUpdateInput = {
  delaySeconds?: InputMaybe<Scalars['Float']['input']>;
  /** rollback, pause or continue: on failure the whole stack returns to the previous good revision either way */
  failureAction?: InputMaybe<Scalars['String']['input']>;
  maxFailureRatio?: InputMaybe<Scalars['Float']['input']>;
  /** How long a new task is watched for failure */
  monitorSeconds?: InputMaybe<Scalars['Float']['input']>;
  /** start-first or stop-first */
  order?: InputMaybe<Scalars['String']['input']>;
  parallelism?: InputMaybe<Scalars['Int']['input']>;
};

export type RunContainerInstanceInput = {
  /** KEY=VALUE added to (or replacing) the template's; redacted from the stored output */
  env?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The host to run on; or placement */
  hostId?: InputMaybe<Scalars['ID']['input']>;
  placement?: InputMaybe<InstancePlacementInput>;
  /** A direct definition (its name names the run), judged like a template */
  spec?: InputMaybe<ContainerTemplateInput>;
  taskRef?: InputMaybe<TaskRefInput>;
  /** Run this template (its current version); or give spec */
  templateId?: InputMaybe<Scalars['ID']['input']>;
};

export type SecurityViolation = {
  __typename?: 'SecurityViolation';
  detail: Scalars['String']['output'];
  /** When it was detected (for an exec: when the Engine reported it) */
  detectedAt: Scalars['DateTimeISO']['output'];
  kind: SecurityViolationKind;
};

export enum SecurityViolationKind {
  ImageDigestMismatch = 'IMAGE_DIGEST_MISMATCH',
  OomKilled = 'OOM_KILLED',
  PolicyRefused = 'POLICY_REFUSED',
  TimeLimitKill = 'TIME_LIMIT_KILL',
  UnexpectedExec = 'UNEXPECTED_EXEC'
}

export type ServicePlan = {
  __typename?: 'ServicePlan';
  /** CREATE, UPDATE, UNCHANGED or REMOVE */
  action: Scalars['String']['output'];
  differences: Array<SpecDifference>;
  /** The image it will run, resolved as the deploy would */
  image?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** Nodes will pull its image (a new reference or digest) */
  pullsImage: Scalars['Boolean']['output'];
  /** Running tasks Swarm will replace (or stop, for REMOVE) */
  tasksToRestart: Scalars['Int']['output'];
};

/** Every limit is replaced: a limit left out (or null) is no limit */
export type SetAccountQuotaInput = {
  concurrentInstances?: InputMaybe<Scalars['Int']['input']>;
  cpuMillicores?: InputMaybe<Scalars['Int']['input']>;
  memoryMb?: InputMaybe<Scalars['Int']['input']>;
  storageMb?: InputMaybe<Scalars['Int']['input']>;
};

export type SetRegistryCredentialInput = {
  /** Encrypted at rest, never returned or logged */
  password: Scalars['String']['input'];
  /** host[:port] of the registry (docker.io for Docker Hub) */
  registry: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

/** One leaf of the spec that would change */
export type SpecDifference = {
  __typename?: 'SpecDifference';
  from?: Maybe<Scalars['JSON']['output']>;
  /** Dotted path in the Engine spec, e.g. TaskTemplate.ContainerSpec.Image */
  path: Scalars['String']['output'];
  to?: Maybe<Scalars['JSON']['output']>;
};

export type StackChange = {
  __typename?: 'StackChange';
  action: StackChangeAction;
  dockerId?: Maybe<Scalars['String']['output']>;
  kind: StackObjectKind;
  name: Scalars['String']['output'];
};

export enum StackChangeAction {
  Created = 'CREATED',
  Removed = 'REMOVED',
  Unchanged = 'UNCHANGED',
  Updated = 'UPDATED'
}

export enum StackObjectKind {
  Config = 'CONFIG',
  Network = 'NETWORK',
  Secret = 'SECRET',
  Service = 'SERVICE'
}

export type StackOperation = {
  __typename?: 'StackOperation';
  clusterId: Scalars['ID']['output'];
  error?: Maybe<Scalars['String']['output']>;
  errorCode?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  kind: StackOperationKind;
  /** The last progress line */
  lastMessage?: Maybe<Scalars['String']['output']>;
  /** The stack (its namespace) */
  stack: Scalars['String']['output'];
  startedAt: Scalars['DateTimeISO']['output'];
  status: ImageOperationStatus;
  /** What it did: { changes: [{ kind, name, action, dockerId }] } */
  summary?: Maybe<Scalars['JSONObject']['output']>;
};

export enum StackOperationKind {
  Deploy = 'DEPLOY',
  Remove = 'REMOVE'
}

/** One step of a stack operation: an object created, updated, left unchanged or removed */
export type StackProgressMessage = {
  __typename?: 'StackProgressMessage';
  at: Scalars['DateTimeISO']['output'];
  /** The last message of the operation, with its final status */
  done: Scalars['Boolean']['output'];
  error?: Maybe<Scalars['String']['output']>;
  errorCode?: Maybe<Scalars['String']['output']>;
  message?: Maybe<Scalars['String']['output']>;
  operationId: Scalars['ID']['output'];
  /** The object the line is about */
  part?: Maybe<Scalars['String']['output']>;
  status: ImageOperationStatus;
};

/** docker stack deploy --resolve-image: pin each service image to the digest its registry answers */
export enum StackResolveImage {
  /** Ask the registry on every deploy (the CLI default); an unchanged digest changes nothing */
  Always = 'ALWAYS',
  /** Ask only for services whose compose image string changed; others keep their pinned image */
  Changed = 'CHANGED',
  /** Never ask; an unchanged image string keeps the pinned image */
  Never = 'NEVER'
}

export type StackVariableInput = {
  /** A name `${NAME}` in the file refers to */
  name: Scalars['String']['input'];
  /** Its value (never logged: deploy variables feed secrets) */
  value: Scalars['String']['input'];
};

/** A key the file sets that swarm does not apply (or another note), with its line */
export type StackWarning = {
  __typename?: 'StackWarning';
  line?: Maybe<Scalars['Int']['output']>;
  message: Scalars['String']['output'];
  path: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** The account's runs as they change (status, container, usage, violations) */
  containerInstanceChanged: ContainerInstance;
  /** New log lines of a container as they are written (STREAM_LIMIT_REACHED past the live-stream limits) */
  containerLogStream: ContainerLogLine;
  /** State changes of containers on your hosts (or one host), as Docker reports them */
  containerStateChanged: ContainerStateChange;
  /** Resource use of a running container, one frame a second (STREAM_LIMIT_REACHED past the live-stream limits) */
  containerStats: ContainerStatsFrame;
  /** The account's deployments as they change */
  deploymentChanged: Deployment;
  /** Every step after `after` (the last seq a client saw; 0 for all), then each as it happens, ending after the final status: resumable without gaps or duplicates */
  deploymentProgress: DeploymentStep;
  /** Docker events from your hosts as they are stored (exec events are not stored) */
  dockerEventReceived: DockerEvent;
  /** Every status or field change of your account's hosts, or of one host */
  dockerHostChanged: DockerHost;
  /** Ids of hosts deleted from your account */
  dockerHostDeleted: Scalars['ID']['output'];
  /** The operation's state now, then its progress, ending with a message where done is true */
  imageOperationProgress: ImageProgressMessage;
  /** The operation's state now, then each object as it is done, ending with a message where done is true */
  stackOperationProgress: StackProgressMessage;
  /** Every status or field change of your account's clusters (quorum included), or of one */
  swarmClusterChanged: SwarmCluster;
  /** Ids of clusters deleted from your account */
  swarmClusterDeleted: Scalars['ID']['output'];
  /** A cluster's health whenever it changes: quorum lost or back, a node down or drained, a service converging */
  swarmClusterHealthChanged: SwarmClusterHealth;
  swarmEventReceived: SwarmEvent;
  swarmNodeChanged: SwarmNodeChange;
  /** Running and desired tasks, update state, spec: every change of a service as the managers report it */
  swarmServiceChanged: SwarmServiceChange;
  /** New log lines of a service's tasks as they are written (STREAM_LIMIT_REACHED past the live-stream limits) */
  swarmServiceLogStream: SwarmLogLine;
  /** Task state changes (polled: Docker emits no task events; briskly while a service converges) */
  swarmTaskChanged: SwarmTaskChange;
};


export type SubscriptionContainerInstanceChangedArgs = {
  filter?: InputMaybe<ContainerInstanceChangedFilterInput>;
};


export type SubscriptionContainerLogStreamArgs = {
  id: Scalars['ID']['input'];
  timestamps?: InputMaybe<Scalars['Boolean']['input']>;
};


export type SubscriptionContainerStateChangedArgs = {
  hostId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionContainerStatsArgs = {
  id: Scalars['ID']['input'];
};


export type SubscriptionDeploymentChangedArgs = {
  filter?: InputMaybe<DeploymentChangedFilter>;
};


export type SubscriptionDeploymentProgressArgs = {
  after?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


export type SubscriptionDockerEventReceivedArgs = {
  filter?: InputMaybe<DockerEventFilterInput>;
};


export type SubscriptionDockerHostChangedArgs = {
  hostId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionImageOperationProgressArgs = {
  operationId: Scalars['ID']['input'];
};


export type SubscriptionStackOperationProgressArgs = {
  operationId: Scalars['ID']['input'];
};


export type SubscriptionSwarmClusterChangedArgs = {
  clusterId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSwarmClusterHealthChangedArgs = {
  clusterId: Scalars['ID']['input'];
};


export type SubscriptionSwarmEventReceivedArgs = {
  clusterId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSwarmNodeChangedArgs = {
  clusterId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSwarmServiceChangedArgs = {
  clusterId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSwarmServiceLogStreamArgs = {
  id: Scalars['ID']['input'];
};


export type SubscriptionSwarmTaskChangedArgs = {
  clusterId?: InputMaybe<Scalars['ID']['input']>;
};

export enum SwarmChange {
  Created = 'CREATED',
  Removed = 'REMOVED',
  Updated = 'UPDATED'
}

export type SwarmCluster = {
  __typename?: 'SwarmCluster';
  /** The manager endpoint the last check went through (differs from managerEndpoint after a failover) */
  activeEndpoint?: Maybe<Scalars['String']['output']>;
  configs: SwarmConfigConnection;
  consecutiveFailures: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** The runbook's troubleshooting row for this cluster ("lost Swarm quorum": which managers are down, how many quorum needs, the recovery steps in order; managers down while quorum holds), each manager's Engine asked now; null when every manager is reachable */
  diagnosis?: Maybe<Diagnosis>;
  dockerVersion?: Maybe<Scalars['String']['output']>;
  environment: DockerHostEnvironment;
  /** Events its managers reported (node, service, secret, config, network), newest first */
  events: SwarmEventConnection;
  /** Reachable managers are a majority (null until checked) */
  hasQuorum?: Maybe<Scalars['Boolean']['output']>;
  /** True when TLS client material is stored (it is never returned) */
  hasTlsCredentials: Scalars['Boolean']['output'];
  health: SwarmClusterHealth;
  id: Scalars['ID']['output'];
  lastCheckedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why the last check failed (QUORUM_LOST, NOT_SWARM_MANAGER, HOST_UNREACHABLE, ...) */
  lastError?: Maybe<Scalars['String']['output']>;
  lastErrorCode?: Maybe<Scalars['String']['output']>;
  lastSyncedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The leader's node id */
  leaderNodeId?: Maybe<Scalars['String']['output']>;
  managerCount?: Maybe<Scalars['Int']['output']>;
  /** The manager endpoint it was registered by */
  managerEndpoint: Scalars['String']['output'];
  /** Managers the last check found reachable */
  managersReachable?: Maybe<Scalars['Int']['output']>;
  name: Scalars['String']['output'];
  networks: SwarmNetworkConnection;
  nodeCount?: Maybe<Scalars['Int']['output']>;
  nodes: SwarmNodeConnection;
  secrets: SwarmSecretConnection;
  services: SwarmServiceConnection;
  status: DockerHostStatus;
  /** The swarm's inspect, read live from a manager (null when none answers) */
  swarm?: Maybe<SwarmInspect>;
  /** Docker's id of the swarm */
  swarmId?: Maybe<Scalars['String']['output']>;
  syncIntervalSeconds: Scalars['Int']['output'];
  /** The API instance that syncs it now (its lease holder) */
  syncOwner?: Maybe<Scalars['String']['output']>;
  tasks: SwarmTaskConnection;
  tlsVerify: Scalars['Boolean']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};


export type SwarmClusterConfigsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type SwarmClusterEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type SwarmClusterNetworksArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type SwarmClusterNodesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type SwarmClusterSecretsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type SwarmClusterServicesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  stack?: InputMaybe<Scalars['String']['input']>;
};


export type SwarmClusterTasksArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type SwarmClusterConnection = {
  __typename?: 'SwarmClusterConnection';
  edges: Array<SwarmClusterEdge>;
  nodes: Array<SwarmCluster>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SwarmClusterEdge = {
  __typename?: 'SwarmClusterEdge';
  cursor: Scalars['String']['output'];
  node: SwarmCluster;
};

export type SwarmClusterFilter = {
  environment?: InputMaybe<DockerHostEnvironment>;
  /** Case-insensitive part of the name or endpoint */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<DockerHostStatus>;
};

/** The seed's cluster health verification (GET …/clusters/:id/health): quorum, nodes, convergence */
export type SwarmClusterHealth = {
  __typename?: 'SwarmClusterHealth';
  checkedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  hasQuorum: Scalars['Boolean']['output'];
  /** No quorum problem, no node down, every service converged, and the cluster CONNECTED */
  healthy: Scalars['Boolean']['output'];
  leader?: Maybe<SwarmNode>;
  managersReachable: Scalars['Int']['output'];
  managersTotal: Scalars['Int']['output'];
  /** Nodes whose state is not ready */
  nodesDown: Array<SwarmNode>;
  /** Nodes drained or paused */
  nodesDrained: Array<SwarmNode>;
  /** ⌊managers/2⌋+1 */
  quorumNeeded: Scalars['Int']['output'];
  servicesNotConverged: Array<SwarmServiceConvergence>;
  status: DockerHostStatus;
};

export type SwarmConfig = {
  __typename?: 'SwarmConfig';
  cluster: SwarmCluster;
  clusterId: Scalars['ID']['output'];
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Docker's own id */
  dockerId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  labels: Scalars['JSONObject']['output'];
  name: Scalars['String']['output'];
  /** When this record last changed (unchanged syncs write nothing) */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** The services whose specs use it (as last synced) */
  usedBy: Array<SwarmService>;
};

export type SwarmConfigConnection = {
  __typename?: 'SwarmConfigConnection';
  edges: Array<SwarmConfigEdge>;
  nodes: Array<SwarmConfig>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SwarmConfigEdge = {
  __typename?: 'SwarmConfigEdge';
  cursor: Scalars['String']['output'];
  node: SwarmConfig;
};

export type SwarmConfigRotation = {
  __typename?: 'SwarmConfigRotation';
  /** The new version (under the versioned name) */
  config: SwarmConfig;
  /** Null when the previous version was removed; else why it was kept */
  previousKept?: Maybe<Scalars['String']['output']>;
  /** The name of the version it replaced */
  previousName: Scalars['String']['output'];
  /** The services re-pointed to the new version (same file target inside their tasks) */
  services: Array<SwarmService>;
};

export type SwarmEvent = {
  __typename?: 'SwarmEvent';
  /** start, die, health_status: unhealthy, ... */
  action: Scalars['String']['output'];
  actorId: Scalars['String']['output'];
  actorName?: Maybe<Scalars['String']['output']>;
  attributes: Scalars['JSONObject']['output'];
  clusterId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  severity: EventSeverity;
  /** When the Engine emitted it */
  time: Scalars['DateTimeISO']['output'];
  /** container, image, network, volume, daemon, ... (or fleet, for what this server observed) */
  type: Scalars['String']['output'];
};

export type SwarmEventConnection = {
  __typename?: 'SwarmEventConnection';
  edges: Array<SwarmEventEdge>;
  nodes: Array<SwarmEvent>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SwarmEventEdge = {
  __typename?: 'SwarmEventEdge';
  cursor: Scalars['String']['output'];
  node: SwarmEvent;
};

export type SwarmEventFilterInput = {
  action?: InputMaybe<Scalars['String']['input']>;
  clusterId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
  until?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** What an update does when tasks fail past maxFailureRatio (ROLLBACK: not for rollbackConfig) */
export enum SwarmFailureAction {
  Continue = 'CONTINUE',
  Pause = 'PAUSE',
  Rollback = 'ROLLBACK'
}

/** A secret or config of the cluster, by name (or id), as a file in the task */
export type SwarmFileReferenceInput = {
  /** Owner gid, "0" by default */
  gid?: InputMaybe<Scalars['String']['input']>;
  /** File mode as a number (0o444 = 292 by default) */
  mode?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  /** File name: under /run/secrets/ for a secret (an absolute path allowed for a config); the name by default */
  target?: InputMaybe<Scalars['String']['input']>;
  /** Owner uid, "0" by default */
  uid?: InputMaybe<Scalars['String']['input']>;
};

/** Narrows a swarm listing; each kind reads the keys that apply to it */
export type SwarmFilterInput = {
  clusterId?: InputMaybe<Scalars['ID']['input']>;
  /** Tasks: Docker's id of their node */
  nodeId?: InputMaybe<Scalars['String']['input']>;
  /** Tasks: Docker's id of their service */
  serviceId?: InputMaybe<Scalars['String']['input']>;
  /** Services: the stack */
  stack?: InputMaybe<Scalars['String']['input']>;
  /** Tasks: current or desired state */
  state?: InputMaybe<Scalars['String']['input']>;
};

/** The swarm's own inspect (never its join tokens) */
export type SwarmInspect = {
  __typename?: 'SwarmInspect';
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['String']['output'];
  rootCaCert?: Maybe<Scalars['String']['output']>;
  spec: Scalars['JSONObject']['output'];
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  versionIndex: Scalars['Int']['output'];
};

export type SwarmLogLine = {
  __typename?: 'SwarmLogLine';
  line: Scalars['String']['output'];
  /** Docker's id of the node it ran on */
  nodeId?: Maybe<Scalars['String']['output']>;
  stream: LogStream;
  /** Docker's id of the task that wrote it */
  taskId?: Maybe<Scalars['String']['output']>;
};

export type SwarmMountInput = {
  readOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Volume name (VOLUME), host path (BIND: needs docker.hosts.privileged); none for TMPFS */
  source?: InputMaybe<Scalars['String']['input']>;
  target: Scalars['String']['input'];
  type: MountType;
};

/** A network at swarm scope (overlay), as the managers hold it */
export type SwarmNetwork = {
  __typename?: 'SwarmNetwork';
  attachable: Scalars['Boolean']['output'];
  cluster: SwarmCluster;
  clusterId: Scalars['ID']['output'];
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Docker's own id */
  dockerId: Scalars['String']['output'];
  driver: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  internal: Scalars['Boolean']['output'];
  labels: Scalars['JSONObject']['output'];
  name: Scalars['String']['output'];
  scope: Scalars['String']['output'];
  /** When this record last changed (unchanged syncs write nothing) */
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** A swarm-scope network of the cluster, by name (or id), with extra DNS aliases on it */
export type SwarmNetworkAttachmentInput = {
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  name: Scalars['String']['input'];
};

export type SwarmNetworkConnection = {
  __typename?: 'SwarmNetworkConnection';
  edges: Array<SwarmNetworkEdge>;
  nodes: Array<SwarmNetwork>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SwarmNetworkEdge = {
  __typename?: 'SwarmNetworkEdge';
  cursor: Scalars['String']['output'];
  node: SwarmNetwork;
};

/** A node of a swarm (the seed's SwarmNode), as its managers report it */
export type SwarmNode = {
  __typename?: 'SwarmNode';
  /** The address the node is seen at */
  address?: Maybe<Scalars['String']['output']>;
  /** active, pause or drain */
  availability: Scalars['String']['output'];
  cluster: SwarmCluster;
  clusterId: Scalars['ID']['output'];
  /** CPUs the node offers */
  cpus?: Maybe<Scalars['Float']['output']>;
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Docker's own id */
  dockerId: Scalars['String']['output'];
  /** The engine's own labels */
  engineLabels: Scalars['JSONObject']['output'];
  engineVersion?: Maybe<Scalars['String']['output']>;
  /** The registered host whose engine is this node (hybrid fleets) */
  host?: Maybe<DockerHost>;
  hostname: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Node labels (set through updateSwarmNode) */
  labels: Scalars['JSONObject']['output'];
  leader: Scalars['Boolean']['output'];
  /** Managers only: the raft address */
  managerAddr?: Maybe<Scalars['String']['output']>;
  /** Managers only: reachable, unreachable or unknown */
  managerReachability?: Maybe<Scalars['String']['output']>;
  memoryBytes?: Maybe<Scalars['SafeInt']['output']>;
  reserved: SwarmNodeReservations;
  /** manager or worker */
  role: Scalars['String']['output'];
  /** ready, down, unknown or disconnected */
  state: Scalars['String']['output'];
  statusMessage?: Maybe<Scalars['String']['output']>;
  /** When this record last changed (unchanged syncs write nothing) */
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** drain moves its tasks to other nodes; pause schedules no new ones */
export enum SwarmNodeAvailability {
  Active = 'ACTIVE',
  Drain = 'DRAIN',
  Pause = 'PAUSE'
}

export type SwarmNodeChange = {
  __typename?: 'SwarmNodeChange';
  change: SwarmChange;
  clusterId: Scalars['ID']['output'];
  /** As stored after the change (as it was, for REMOVED) */
  object: SwarmNode;
};

export type SwarmNodeConnection = {
  __typename?: 'SwarmNodeConnection';
  edges: Array<SwarmNodeEdge>;
  nodes: Array<SwarmNode>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SwarmNodeEdge = {
  __typename?: 'SwarmNodeEdge';
  cursor: Scalars['String']['output'];
  node: SwarmNode;
};

/** What the node's tasks that are meant to run have reserved (their services' resource reservations) */
export type SwarmNodeReservations = {
  __typename?: 'SwarmNodeReservations';
  cpus: Scalars['Float']['output'];
  memoryBytes: Scalars['SafeInt']['output'];
  /** Tasks counted */
  tasks: Scalars['Int']['output'];
};

export enum SwarmNodeRole {
  Manager = 'MANAGER',
  Worker = 'WORKER'
}

export type SwarmPlacementInput = {
  /** Docker's constraint expressions: "node.role==manager", "node.labels.zone!=b" */
  constraints?: InputMaybe<Array<Scalars['String']['input']>>;
  /** At most this many tasks per node (0: unlimited) */
  maxReplicasPerNode?: InputMaybe<Scalars['Int']['input']>;
  /** Spread descriptors, in order: "node.labels.zone" */
  spreadPreferences?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type SwarmPortInput = {
  /** INGRESS by default */
  mode?: InputMaybe<SwarmPublishMode>;
  /** tcp (default), udp or sctp */
  protocol?: InputMaybe<Scalars['String']['input']>;
  /** The port published; left out, Docker picks one (30000+) in INGRESS mode */
  published?: InputMaybe<Scalars['Int']['input']>;
  /** The port inside the task */
  target: Scalars['Int']['input'];
};

/** INGRESS: the routing mesh, on every node; HOST: on the node a task runs on */
export enum SwarmPublishMode {
  Host = 'HOST',
  Ingress = 'INGRESS'
}

export type SwarmResourceValuesInput = {
  /** CPUs (0.5 = half a CPU) */
  cpus?: InputMaybe<Scalars['Float']['input']>;
  memoryBytes?: InputMaybe<Scalars['SafeInt']['input']>;
};

export type SwarmResourcesInput = {
  limits?: InputMaybe<SwarmResourceValuesInput>;
  /** What the scheduler reserves on a node for each task */
  reservations?: InputMaybe<SwarmResourceValuesInput>;
};

export enum SwarmRestartCondition {
  Any = 'ANY',
  None = 'NONE',
  OnFailure = 'ON_FAILURE'
}

export type SwarmRestartPolicyInput = {
  /** ANY by default (ON_FAILURE for jobs) */
  condition?: InputMaybe<SwarmRestartCondition>;
  delaySeconds?: InputMaybe<Scalars['Float']['input']>;
  /** 0: unlimited */
  maxAttempts?: InputMaybe<Scalars['Int']['input']>;
  /** How long to wait before deciding a restart worked */
  windowSeconds?: InputMaybe<Scalars['Float']['input']>;
};

export type SwarmSecret = {
  __typename?: 'SwarmSecret';
  cluster: SwarmCluster;
  clusterId: Scalars['ID']['output'];
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Docker's own id */
  dockerId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  labels: Scalars['JSONObject']['output'];
  name: Scalars['String']['output'];
  /** When this record last changed (unchanged syncs write nothing) */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** The services whose specs use it (as last synced) */
  usedBy: Array<SwarmService>;
};

export type SwarmSecretConnection = {
  __typename?: 'SwarmSecretConnection';
  edges: Array<SwarmSecretEdge>;
  nodes: Array<SwarmSecret>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SwarmSecretEdge = {
  __typename?: 'SwarmSecretEdge';
  cursor: Scalars['String']['output'];
  node: SwarmSecret;
};

export type SwarmSecretRotation = {
  __typename?: 'SwarmSecretRotation';
  /** Null when the previous version was removed; else why it was kept */
  previousKept?: Maybe<Scalars['String']['output']>;
  /** The name of the version it replaced */
  previousName: Scalars['String']['output'];
  /** The new version (under the versioned name) */
  secret: SwarmSecret;
  /** The services re-pointed to the new version (same file target inside their tasks) */
  services: Array<SwarmService>;
};

/** A swarm service (the seed's SwarmService): its spec as Docker holds it, and its convergence */
export type SwarmService = {
  __typename?: 'SwarmService';
  cluster: SwarmCluster;
  clusterId: Scalars['ID']['output'];
  /** The configs its spec references (those the store knows) */
  configs: Array<SwarmConfig>;
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Tasks the manager wants running */
  desiredTasks?: Maybe<Scalars['Int']['output']>;
  /** Docker's own id */
  dockerId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  image?: Maybe<Scalars['String']['output']>;
  labels: Scalars['JSONObject']['output'];
  /** replicated, global, replicated-job or global-job */
  mode: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The spec before the last update: what rollbackSwarmService returns to */
  previousSpec?: Maybe<Scalars['JSONObject']['output']>;
  publishedPorts: Array<SwarmServicePort>;
  /** Desired replicas (replicated services) */
  replicas?: Maybe<Scalars['Int']['output']>;
  /** The latest revision of its stack; null outside a stack or before any deployment through this API */
  revision?: Maybe<Deployment>;
  /** Tasks running, as the manager counts them */
  runningTasks?: Maybe<Scalars['Int']['output']>;
  /** The secrets its spec references (those the store knows) */
  secrets: Array<SwarmSecret>;
  /** The spec as Docker holds it */
  spec: Scalars['JSONObject']['output'];
  /** The stack it belongs to (label com.docker.stack.namespace) */
  stack?: Maybe<Scalars['String']['output']>;
  /** Its tasks, current and past (upToDate tells which run its current spec) */
  tasks: SwarmTaskConnection;
  updateCompletedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  updateMessage?: Maybe<Scalars['String']['output']>;
  updateStartedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** updating, paused, completed, rollback_started, rollback_paused, rollback_completed */
  updateState?: Maybe<Scalars['String']['output']>;
  /** When this record last changed (unchanged syncs write nothing) */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** What the Engine warned of in a mutation's answer (e.g. an image it could not pin to a digest); empty on reads */
  warnings: Array<Scalars['String']['output']>;
};


/** A swarm service (the seed's SwarmService): its spec as Docker holds it, and its convergence */
export type SwarmServiceTasksArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type SwarmServiceChange = {
  __typename?: 'SwarmServiceChange';
  change: SwarmChange;
  clusterId: Scalars['ID']['output'];
  /** As stored after the change (as it was, for REMOVED) */
  object: SwarmService;
};

export type SwarmServiceConnection = {
  __typename?: 'SwarmServiceConnection';
  edges: Array<SwarmServiceEdge>;
  nodes: Array<SwarmService>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A service whose running tasks are not what it wants, with why */
export type SwarmServiceConvergence = {
  __typename?: 'SwarmServiceConvergence';
  desired: Scalars['Int']['output'];
  /** Tasks of its current spec that failed or wait (their error says why: 'No such image', 'no suitable node') */
  failingTasks: Array<SwarmTask>;
  running: Scalars['Int']['output'];
  service: SwarmService;
};

export type SwarmServiceEdge = {
  __typename?: 'SwarmServiceEdge';
  cursor: Scalars['String']['output'];
  node: SwarmService;
};

export type SwarmServiceLogs = {
  __typename?: 'SwarmServiceLogs';
  lines: Array<SwarmLogLine>;
  /** The 1 MiB cap was reached: ask with tail or since */
  truncated: Scalars['Boolean']['output'];
};

/** A service mode (it cannot change after creation: Docker does not implement that) */
export enum SwarmServiceModeInput {
  Global = 'GLOBAL',
  GlobalJob = 'GLOBAL_JOB',
  Replicated = 'REPLICATED',
  ReplicatedJob = 'REPLICATED_JOB'
}

export type SwarmServicePort = {
  __typename?: 'SwarmServicePort';
  protocol: Scalars['String']['output'];
  /** ingress or host */
  publishMode: Scalars['String']['output'];
  publishedPort?: Maybe<Scalars['Int']['output']>;
  targetPort: Scalars['Int']['output'];
};

/** A service to create. Settings that reach into the nodes (bind mounts, the host network, capAdd, sysctls) need docker.hosts.privileged */
export type SwarmServiceSpecInput = {
  /** Replaces the image's cmd */
  args?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Needs docker.hosts.privileged */
  capAdd?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Replaces the image's entrypoint */
  command?: InputMaybe<Array<Scalars['String']['input']>>;
  configs?: InputMaybe<Array<SwarmFileReferenceInput>>;
  /** Labels of the tasks' containers */
  containerLabels?: InputMaybe<Scalars['JSONObject']['input']>;
  /** "KEY=value" entries */
  env?: InputMaybe<Array<Scalars['String']['input']>>;
  healthcheck?: InputMaybe<HealthcheckInput>;
  image: Scalars['String']['input'];
  /** The service's labels */
  labels?: InputMaybe<Scalars['JSONObject']['input']>;
  /** REPLICATED by default */
  mode?: InputMaybe<SwarmServiceModeInput>;
  mounts?: InputMaybe<Array<SwarmMountInput>>;
  name: Scalars['String']['input'];
  networks?: InputMaybe<Array<SwarmNetworkAttachmentInput>>;
  placement?: InputMaybe<SwarmPlacementInput>;
  ports?: InputMaybe<Array<SwarmPortInput>>;
  /** REPLICATED: tasks wanted (1 by default); REPLICATED_JOB: completions (and at most that many at once) */
  replicas?: InputMaybe<Scalars['Int']['input']>;
  resources?: InputMaybe<SwarmResourcesInput>;
  restartPolicy?: InputMaybe<SwarmRestartPolicyInput>;
  rollbackConfig?: InputMaybe<SwarmUpdateConfigInput>;
  secrets?: InputMaybe<Array<SwarmFileReferenceInput>>;
  /** Between SIGTERM and SIGKILL when a task stops */
  stopGracePeriodSeconds?: InputMaybe<Scalars['Float']['input']>;
  /** Needs docker.hosts.privileged */
  sysctls?: InputMaybe<Scalars['JSONObject']['input']>;
  updateConfig?: InputMaybe<SwarmUpdateConfigInput>;
  user?: InputMaybe<Scalars['String']['input']>;
  workdir?: InputMaybe<Scalars['String']['input']>;
};

/** A patch onto the service's current spec: each field given replaces that part, the rest stays as the Engine has it (name and mode cannot change) */
export type SwarmServiceUpdateInput = {
  /** Replaces the image's cmd */
  args?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Needs docker.hosts.privileged */
  capAdd?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Replaces the image's entrypoint */
  command?: InputMaybe<Array<Scalars['String']['input']>>;
  configs?: InputMaybe<Array<SwarmFileReferenceInput>>;
  /** Labels of the tasks' containers */
  containerLabels?: InputMaybe<Scalars['JSONObject']['input']>;
  /** "KEY=value" entries */
  env?: InputMaybe<Array<Scalars['String']['input']>>;
  healthcheck?: InputMaybe<HealthcheckInput>;
  image?: InputMaybe<Scalars['String']['input']>;
  /** The service's labels */
  labels?: InputMaybe<Scalars['JSONObject']['input']>;
  mounts?: InputMaybe<Array<SwarmMountInput>>;
  networks?: InputMaybe<Array<SwarmNetworkAttachmentInput>>;
  placement?: InputMaybe<SwarmPlacementInput>;
  ports?: InputMaybe<Array<SwarmPortInput>>;
  /** REPLICATED: tasks wanted (1 by default); REPLICATED_JOB: completions (and at most that many at once) */
  replicas?: InputMaybe<Scalars['Int']['input']>;
  resources?: InputMaybe<SwarmResourcesInput>;
  restartPolicy?: InputMaybe<SwarmRestartPolicyInput>;
  rollbackConfig?: InputMaybe<SwarmUpdateConfigInput>;
  secrets?: InputMaybe<Array<SwarmFileReferenceInput>>;
  /** Between SIGTERM and SIGKILL when a task stops */
  stopGracePeriodSeconds?: InputMaybe<Scalars['Float']['input']>;
  /** Needs docker.hosts.privileged */
  sysctls?: InputMaybe<Scalars['JSONObject']['input']>;
  updateConfig?: InputMaybe<SwarmUpdateConfigInput>;
  user?: InputMaybe<Scalars['String']['input']>;
  workdir?: InputMaybe<Scalars['String']['input']>;
};

/** The objects of a swarm labelled com.docker.stack.namespace=<name>, however they were deployed (this API or docker stack deploy) */
export type SwarmStack = {
  __typename?: 'SwarmStack';
  clusterId: Scalars['ID']['output'];
  configs: Array<Scalars['String']['output']>;
  /** The runbook's troubleshooting row for this stack ("stack deploy fails with service convergence"): the failing tasks per node with their errors, image pull failures with prePullImage; null while it converges or has converged */
  diagnosis?: Maybe<Diagnosis>;
  /** What to do first when it does not converge */
  hint?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  networks: Array<Scalars['String']['output']>;
  /** Its latest revision (running, or how it ended); null for a stack never deployed through this API */
  revision?: Maybe<Deployment>;
  secrets: Array<Scalars['String']['output']>;
  services: Array<SwarmStackService>;
  status: SwarmStackStatus;
};

export type SwarmStackService = {
  __typename?: 'SwarmStackService';
  desired: Scalars['Int']['output'];
  mode: Scalars['String']['output'];
  /** The service name, <stack>_<key> */
  name: Scalars['String']['output'];
  problems: Array<SwarmStackTaskProblem>;
  /** Tasks of the current spec running (jobs: complete too) */
  running: Scalars['Int']['output'];
  service: SwarmService;
  /** The compose key */
  shortName: Scalars['String']['output'];
  status: SwarmStackServiceStatus;
  /** The tasks that run its current spec */
  tasks: Array<SwarmTask>;
  updateState?: Maybe<Scalars['String']['output']>;
};

export enum SwarmStackServiceStatus {
  Converged = 'CONVERGED',
  Failed = 'FAILED',
  RolledBack = 'ROLLED_BACK',
  Updating = 'UPDATING'
}

/** From the tasks that run each service's current spec only */
export enum SwarmStackStatus {
  Converged = 'CONVERGED',
  Failed = 'FAILED',
  Partial = 'PARTIAL',
  Updating = 'UPDATING'
}

/** A task of the current spec that failed or was rejected, where and why */
export type SwarmStackTaskProblem = {
  __typename?: 'SwarmStackTaskProblem';
  error?: Maybe<Scalars['String']['output']>;
  image?: Maybe<Scalars['String']['output']>;
  /** The node could not pull the image: prePullImage pulls it on every node, with the account's registry credentials */
  imagePull: Scalars['Boolean']['output'];
  nodeHostname?: Maybe<Scalars['String']['output']>;
  nodeId?: Maybe<Scalars['String']['output']>;
  state: Scalars['String']['output'];
  taskId: Scalars['String']['output'];
};

/** A task of a service: one slot on one node. Docker emits no task events: tasks are polled */
export type SwarmTask = {
  __typename?: 'SwarmTask';
  cluster: SwarmCluster;
  clusterId: Scalars['ID']['output'];
  containerId?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  desiredState: Scalars['String']['output'];
  /** Docker's own id */
  dockerId: Scalars['String']['output'];
  /** Why it failed: "No such image", "no suitable node", ... */
  error?: Maybe<Scalars['String']['output']>;
  exitCode?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  image?: Maybe<Scalars['String']['output']>;
  message?: Maybe<Scalars['String']['output']>;
  node?: Maybe<SwarmNode>;
  /** Docker's id of the node (none until scheduled) */
  nodeId?: Maybe<Scalars['String']['output']>;
  /** Docker's id of the service */
  serviceId: Scalars['String']['output'];
  slot?: Maybe<Scalars['Int']['output']>;
  /** new, pending, assigned, preparing, starting, running, complete, failed, rejected, shutdown, orphaned… */
  state: Scalars['String']['output'];
  /** Runs the service's current spec (not a leftover of an earlier one) */
  upToDate: Scalars['Boolean']['output'];
  /** When this record last changed (unchanged syncs write nothing) */
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type SwarmTaskChange = {
  __typename?: 'SwarmTaskChange';
  change: SwarmChange;
  clusterId: Scalars['ID']['output'];
  /** As stored after the change (as it was, for REMOVED) */
  object: SwarmTask;
};

export type SwarmTaskConnection = {
  __typename?: 'SwarmTaskConnection';
  edges: Array<SwarmTaskEdge>;
  nodes: Array<SwarmTask>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SwarmTaskEdge = {
  __typename?: 'SwarmTaskEdge';
  cursor: Scalars['String']['output'];
  node: SwarmTask;
};

/** How tasks are replaced on an update (updateConfig) or on a rollback (rollbackConfig) */
export type SwarmUpdateConfigInput = {
  /** Pause between batches */
  delaySeconds?: InputMaybe<Scalars['Float']['input']>;
  failureAction?: InputMaybe<SwarmFailureAction>;
  /** Failed tasks tolerated, 0 to 1 */
  maxFailureRatio?: InputMaybe<Scalars['Float']['input']>;
  /** How long each new task is watched for failure */
  monitorSeconds?: InputMaybe<Scalars['Float']['input']>;
  order?: InputMaybe<SwarmUpdateOrder>;
  /** Tasks replaced at once (0: all at once) */
  parallelism?: InputMaybe<Scalars['Int']['input']>;
};

export enum SwarmUpdateOrder {
  StartFirst = 'START_FIRST',
  StopFirst = 'STOP_FIRST'
}

/** A linked task's result as delivered (or still to be) to its callback URL */
export type TaskCallbackDelivery = {
  __typename?: 'TaskCallbackDelivery';
  /** Sends started (a send cut by a crash counts) */
  attempts: Scalars['Int']['output'];
  /** The exact JSON text signed and sent */
  body: Scalars['String']['output'];
  callbackUrl: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  deliveredAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** e.g. container_instance.completed (sent as X-Fleet-Event) */
  event: Scalars['String']['output'];
  /** The delivery id, sent as X-Fleet-Delivery (the same on every retry) */
  id: Scalars['ID']['output'];
  instanceId: Scalars['ID']['output'];
  lastAttemptAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why the last attempt failed (or why delivery was given up) */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The HTTP status of the last answer (null: no answer) */
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due (null once DELIVERED or FAILED) */
  nextAttemptAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: TaskCallbackStatus;
  /** The linked task's id (taskRef.id) */
  taskId: Scalars['String']['output'];
};

export type TaskCallbackDeliveryConnection = {
  __typename?: 'TaskCallbackDeliveryConnection';
  edges: Array<TaskCallbackDeliveryEdge>;
  nodes: Array<TaskCallbackDelivery>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type TaskCallbackDeliveryEdge = {
  __typename?: 'TaskCallbackDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: TaskCallbackDelivery;
};

export type TaskCallbackDeliveryFilter = {
  instanceId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<TaskCallbackStatus>;
  taskId?: InputMaybe<Scalars['String']['input']>;
};

/** The new signing secret, answered this once and never again */
export type TaskCallbackSecretRotation = {
  __typename?: 'TaskCallbackSecretRotation';
  createdAt: Scalars['DateTimeISO']['output'];
  /** HMAC-SHA256 key (its UTF-8 bytes) for X-Fleet-Signature: sha256=<hex> over the exact body */
  secret: Scalars['String']['output'];
};

export enum TaskCallbackStatus {
  Delivered = 'DELIVERED',
  Delivering = 'DELIVERING',
  Failed = 'FAILED',
  Pending = 'PENDING'
}

/** A linked task: its result is POSTed, signed, to callbackUrl at every terminal state of the run */
export type TaskRefInput = {
  /** http(s), without credentials; a host on loopback, private or link-local networks only when TASK_CALLBACK_ALLOW lists it */
  callbackUrl: Scalars['String']['input'];
  /** The task's id in the caller's system (1 to 256 characters); echoed in every delivery */
  id: Scalars['String']['input'];
};

/** PEM material for mutual TLS. Encrypted at rest and never returned. */
export type TlsCredentialsInput = {
  /** CA certificate that signed the daemon certificate */
  ca?: InputMaybe<Scalars['String']['input']>;
  /** Client certificate */
  cert?: InputMaybe<Scalars['String']['input']>;
  /** Client private key */
  key?: InputMaybe<Scalars['String']['input']>;
};

export type TokenRevocation = {
  __typename?: 'TokenRevocation';
  /** Tokens issued before this instant are refused */
  revokedBefore: Scalars['DateTimeISO']['output'];
  /** The token subject that revoked */
  revokedBy?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type TrafficRoute = {
  __typename?: 'TrafficRoute';
  /** The HAProxy backend (and, with fe_ instead of bk_, the frontend) */
  backend: Scalars['String']['output'];
  clusterId: Scalars['ID']['output'];
  /** Health-checked with option httpchk GET <path> when set */
  healthCheckPath?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  listenPort: Scalars['Int']['output'];
  routerId: Scalars['ID']['output'];
  servers: Array<TrafficRouteServer>;
  /** The logical service (e.g. web), whatever swarm services serve its versions */
  service: Scalars['String']['output'];
  stack: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type TrafficRouteServer = {
  __typename?: 'TrafficRouteServer';
  address: Scalars['String']['output'];
  name: Scalars['String']['output'];
  port: Scalars['Int']['output'];
  /** The version or label it serves (stable, canary, v2...) */
  version?: Maybe<Scalars['String']['output']>;
  /** 0–256; a share is weight / sum of weights */
  weight: Scalars['Int']['output'];
};

export type TrafficRouter = {
  __typename?: 'TrafficRouter';
  /** The haproxy.cfg the product writes (on the API's machine) */
  configPath: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  kind: TrafficRouterKind;
  /** The master CLI (haproxy -W -S ...), used to reload */
  masterEndpoint: Scalars['String']['output'];
  /** Unique within the account */
  name: Scalars['String']['output'];
  /** The runtime API (stats socket, level admin): tcp://host:port or unix:///path */
  runtimeEndpoint: Scalars['String']['output'];
};

/** The technology a traffic router runs (HAProxy 2.6 from Debian) */
export enum TrafficRouterKind {
  Haproxy = 'HAPROXY'
}

/** One server of a route, as the running HAProxy worker counts it (a reload resets the counters) */
export type TrafficServerStats = {
  __typename?: 'TrafficServerStats';
  address: Scalars['String']['output'];
  errors5xx: Scalars['Int']['output'];
  /** Mean response time over its last 1024 requests, ms */
  meanResponseTimeMs: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  port: Scalars['Int']['output'];
  requests: Scalars['Int']['output'];
  responses2xx: Scalars['Int']['output'];
  sessionsCurrent: Scalars['Int']['output'];
  /** UP, DOWN, DRAIN, MAINT, or "no check" (up, not health-checked) */
  status: Scalars['String']['output'];
  version?: Maybe<Scalars['String']['output']>;
  weight: Scalars['Int']['output'];
};

/** Fields left out are unchanged. tlsCredentials: null removes the stored credentials. */
export type UpdateDockerHostInput = {
  apiEndpoint?: InputMaybe<Scalars['String']['input']>;
  environment?: InputMaybe<DockerHostEnvironment>;
  name?: InputMaybe<Scalars['String']['input']>;
  syncIntervalSeconds?: InputMaybe<Scalars['Int']['input']>;
  tlsCredentials?: InputMaybe<TlsCredentialsInput>;
  tlsVerify?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Fields left out are unchanged. tlsCredentials: null removes the stored credentials. */
export type UpdateSwarmClusterInput = {
  environment?: InputMaybe<DockerHostEnvironment>;
  managerEndpoint?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  syncIntervalSeconds?: InputMaybe<Scalars['Int']['input']>;
  tlsCredentials?: InputMaybe<TlsCredentialsInput>;
  tlsVerify?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdateSwarmConfigInput = {
  /** Replace the labels (fleet.rotation.* are kept unless given). Docker allows no other change. */
  labels: Scalars['JSONObject']['input'];
};

/** Fields left out are unchanged */
export type UpdateSwarmInput = {
  dispatcherHeartbeatSeconds?: InputMaybe<Scalars['Int']['input']>;
  electionTick?: InputMaybe<Scalars['Int']['input']>;
  heartbeatTick?: InputMaybe<Scalars['Int']['input']>;
  keepOldSnapshots?: InputMaybe<Scalars['Int']['input']>;
  logEntriesForSlowFollowers?: InputMaybe<Scalars['Int']['input']>;
  rotateManagerToken?: InputMaybe<Scalars['Boolean']['input']>;
  rotateWorkerToken?: InputMaybe<Scalars['Boolean']['input']>;
  snapshotInterval?: InputMaybe<Scalars['Int']['input']>;
  /** Old tasks kept per slot */
  taskHistoryLimit?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateSwarmNodeInput = {
  availability?: InputMaybe<SwarmNodeAvailability>;
  /** Replaces the node labels (placement constraints read them) */
  labels?: InputMaybe<Scalars['JSONObject']['input']>;
};

export type UpdateSwarmSecretInput = {
  /** Replace the labels (fleet.rotation.* are kept unless given). Docker allows no other change. */
  labels: Scalars['JSONObject']['input'];
};

export enum VaultTokenDelivery {
  Env = 'ENV',
  File = 'FILE',
  None = 'NONE',
  Wrapped = 'WRAPPED'
}

export type Volume = {
  __typename?: 'Volume';
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Docker's own id (names for volumes) */
  dockerId: Scalars['String']['output'];
  driver: Scalars['String']['output'];
  host: DockerHost;
  hostId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  labels: Scalars['JSONObject']['output'];
  mountpoint?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** local or global */
  scope: Scalars['String']['output'];
  /** When this record last changed (not when it was last seen: unchanged syncs write nothing) */
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type VolumeConnection = {
  __typename?: 'VolumeConnection';
  edges: Array<VolumeEdge>;
  nodes: Array<Volume>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A volume as the Engine inspects it now */
export type VolumeDetailsType = {
  __typename?: 'VolumeDetailsType';
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  driver: Scalars['String']['output'];
  hostId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  labels: Scalars['JSONObject']['output'];
  mountpoint?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  scope: Scalars['String']['output'];
};

export type VolumeEdge = {
  __typename?: 'VolumeEdge';
  cursor: Scalars['String']['output'];
  node: Volume;
};

export type VolumePruneResult = {
  __typename?: 'VolumePruneResult';
  /** Names of the volumes removed */
  removed: Array<Scalars['String']['output']>;
  spaceReclaimedBytes: Scalars['SafeInt']['output'];
};
