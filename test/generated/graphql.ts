/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ActivityFilter = {
  /** Mutation name, e.g. registerDockerHost */
  action?: string | null | undefined;
  outcome?: ActivityOutcome | null | undefined;
  since?: string | null | undefined;
  targetId?: string | null | undefined;
};

export const ActivityOutcome = {
  Denied: 'DENIED',
  Failure: 'FAILURE',
  Success: 'SUCCESS'
} as const;

export type ActivityOutcome = typeof ActivityOutcome[keyof typeof ActivityOutcome];
/** Green beside blue (its own swarm service and replicas), health-checked, traffic switched in one step, blue kept for an instant rollback */
export type BlueGreenInput = {
  /** With auto-promotion: seconds green must stay healthy before the switch (default 0) */
  autoPromoteSeconds?: number | null | undefined;
  /** Switch once green is healthy (default true, as Argo Rollouts); false: PAUSED until promoteDeployment */
  autoPromotionEnabled?: boolean | null | undefined;
  /** The router's port for the service (required with routerId) */
  listenPort?: number | null | undefined;
  /** Failed green tasks tolerated while it comes up (default 2) */
  maxTaskFailures?: number | null | undefined;
  /** A second router port that serves green only, once healthy */
  previewPort?: number | null | undefined;
  /** An HTTP GET every green task must answer (< 400) before the switch, at the node address and port the router uses */
  probePath?: string | null | undefined;
  /** The host-mode port green publishes (the compose file's stays with blue); required when the service publishes one */
  publishedPort?: number | null | undefined;
  /** A traffic router: the switch is its servers moving to green (no reload). Without one the compose aliases move from blue to green (tasks are replaced: not zero-downtime) */
  routerId?: string | number | null | undefined;
  /** Seconds blue keeps its replicas after the switch for an instant rollback (abortDeployment), then it is removed (default 30) */
  scaleDownDelaySeconds?: number | null | undefined;
  /** The compose key of the routed service (default: the stack's only service) */
  service?: string | null | undefined;
  /** The container port routed (default: the first published one) */
  targetPort?: number | null | undefined;
};

export type BuildFileInput = {
  /** UTF-8 content */
  content?: string | null | undefined;
  contentBase64?: string | null | undefined;
  /** Relative path inside the build context */
  path: string;
};

/** A Dockerfile plus files, or a whole tar context (base64), up to 32 MiB */
export type BuildImageInput = {
  /** Values are written to the activity log as [redacted] unless named in publicBuildArgs */
  buildArgs?: unknown;
  contextTarBase64?: string | null | undefined;
  /** Dockerfile content */
  dockerfile?: string | null | undefined;
  files?: Array<BuildFileInput> | null | undefined;
  labels?: unknown;
  /** Build args whose values are not secret and may be kept in the activity log (VERSION, say) */
  publicBuildArgs?: Array<string> | null | undefined;
  /** Tags for the result, e.g. ["127.0.0.1:5000/team/app:1.0"] */
  tags: Array<string>;
};

export type CanaryAnalysisInput = {
  /** Samples, each an ANALYSIS step (default 3) */
  count?: number | null | undefined;
  /** Seconds between samples (default 10) */
  intervalSeconds?: number | null | undefined;
  /** The 5xx share of the canary's requests since the last look (router only), 0–1 */
  maxErrorRate?: number | null | undefined;
  /** The canary servers' mean response time (router only) */
  maxMeanLatencyMs?: number | null | undefined;
  maxRestarts?: number | null | undefined;
  maxTaskFailures?: number | null | undefined;
  /** Canary tasks killed for failing their HEALTHCHECK */
  maxUnhealthy?: number | null | undefined;
};

/** The revision as a canary beside the stable service, moved through steps, judged all along, aborted automatically */
export type CanaryInput = {
  /** Watched at every step and pause */
  analysis?: CanaryThresholdsInput | null | undefined;
  /** The router's port for the service (required with routerId) */
  listenPort?: number | null | undefined;
  /** The host-mode port the canary publishes (required with a router when the stable publishes one) */
  publishedPort?: number | null | undefined;
  /** A traffic router: weights are its server weights. Without one a weight is a replica ratio (10 replicas at 10% = 1 canary + 9 stable) */
  routerId?: string | number | null | undefined;
  /** The compose key of the routed service (default: the stack's only service) */
  service?: string | null | undefined;
  /** Default: 10%, pause until promoted, 100% */
  steps?: Array<CanaryStepInput> | null | undefined;
  /** The container port routed (default: the first published one) */
  targetPort?: number | null | undefined;
};

/** Exactly one of: setWeight, a pause (pauseSeconds; pause: true or pauseSeconds: null waits for promoteDeployment), analysis */
export type CanaryStepInput = {
  analysis?: CanaryAnalysisInput | null | undefined;
  /** Pause until promoteDeployment (PAUSED) */
  pause?: boolean | null | undefined;
  pauseSeconds?: number | null | undefined;
  /** The canary's share of traffic, 0–100 */
  setWeight?: number | null | undefined;
};

/** What aborts a canary; a threshold not given keeps its default (failures 0, restarts 2, unhealthy 0, error rate 0.05, no latency limit) */
export type CanaryThresholdsInput = {
  /** The 5xx share of the canary's requests since the last look (router only), 0–1 */
  maxErrorRate?: number | null | undefined;
  /** The canary servers' mean response time (router only) */
  maxMeanLatencyMs?: number | null | undefined;
  maxRestarts?: number | null | undefined;
  maxTaskFailures?: number | null | undefined;
  /** Canary tasks killed for failing their HEALTHCHECK */
  maxUnhealthy?: number | null | undefined;
};

export const ContainerCleanupPolicy = {
  Always: 'ALWAYS',
  Never: 'NEVER',
  OnSuccess: 'ON_SUCCESS'
} as const;

export type ContainerCleanupPolicy = typeof ContainerCleanupPolicy[keyof typeof ContainerCleanupPolicy];
export type ContainerFilterInput = {
  hostId?: string | number | null | undefined;
  /** Case-insensitive part of the image reference */
  image?: string | null | undefined;
  /** "key" (has the label) or "key=value" */
  label?: string | null | undefined;
  /** Case-insensitive part of the name */
  name?: string | null | undefined;
  state?: ContainerState | null | undefined;
};

export const ContainerHealth = {
  Healthy: 'HEALTHY',
  None: 'NONE',
  Starting: 'STARTING',
  Unhealthy: 'UNHEALTHY'
} as const;

export type ContainerHealth = typeof ContainerHealth[keyof typeof ContainerHealth];
export type ContainerInstanceChangedFilterInput = {
  id?: string | number | null | undefined;
  status?: ContainerInstanceStatus | null | undefined;
  templateId?: string | number | null | undefined;
};

export type ContainerInstanceFilterInput = {
  hostId?: string | number | null | undefined;
  status?: ContainerInstanceStatus | null | undefined;
  taskId?: string | null | undefined;
  templateId?: string | number | null | undefined;
};

export const ContainerInstanceStatus = {
  Cancelled: 'CANCELLED',
  Completed: 'COMPLETED',
  Failed: 'FAILED',
  Pending: 'PENDING',
  Provisioning: 'PROVISIONING',
  Running: 'RUNNING',
  TimedOut: 'TIMED_OUT'
} as const;

export type ContainerInstanceStatus = typeof ContainerInstanceStatus[keyof typeof ContainerInstanceStatus];
export const ContainerState = {
  Created: 'CREATED',
  Dead: 'DEAD',
  Exited: 'EXITED',
  Paused: 'PAUSED',
  Removing: 'REMOVING',
  Restarting: 'RESTARTING',
  Running: 'RUNNING'
} as const;

export type ContainerState = typeof ContainerState[keyof typeof ContainerState];
/** A whole template: an update replaces every setting and adds one to the version */
export type ContainerTemplateInput = {
  cleanupPolicy?: ContainerCleanupPolicy | null | undefined;
  /** The container; its name, cpuLimit and memoryLimitBytes are set per run from the limits below */
  container: CreateContainerInput;
  /** Default 500 */
  cpuMillicores?: number | null | undefined;
  /** Default 10 (0 to 300) */
  killGraceSeconds?: number | null | undefined;
  /** Default 256 */
  memoryMb?: number | null | undefined;
  name: string;
  pinnedDigest?: string | null | undefined;
  placementLabels?: unknown;
  /** Default 0 */
  storageMb?: number | null | undefined;
  /** Default 600 (1 to 86400) */
  timeoutSeconds?: number | null | undefined;
  /** Default WRAPPED when vaultPolicies are given, else NONE */
  vaultDelivery?: VaultTokenDelivery | null | undefined;
  vaultPolicies?: Array<string> | null | undefined;
  /** KV v2 secrets (<mount>/<path>) runs read, to redact their values from stored output (read with the product's token) */
  vaultSecretPaths?: Array<string> | null | undefined;
  /** Default timeoutSeconds + killGraceSeconds + 60 */
  vaultTtlSeconds?: number | null | undefined;
};

/** A container to create. Settings that reach into the host need docker.hosts.privileged. */
export type CreateContainerInput = {
  capAdd?: Array<string> | null | undefined;
  capDrop?: Array<string> | null | undefined;
  command?: Array<string> | null | undefined;
  /** CPU limit in CPUs (0.5 = half a CPU) */
  cpuLimit?: number | null | undefined;
  /** hostPath[:containerPath[:permissions]] */
  devices?: Array<string> | null | undefined;
  entrypoint?: Array<string> | null | undefined;
  /** KEY=VALUE entries (values are never written to the activity log) */
  env?: Array<string> | null | undefined;
  healthcheck?: HealthcheckInput | null | undefined;
  /** Image reference, present on the host (pull it first) */
  image: string;
  /** host (privileged), or container:<name|id> like pidMode */
  ipcMode?: string | null | undefined;
  labels?: unknown;
  /** Memory limit in bytes (at least 6 MiB) */
  memoryLimitBytes?: number | null | undefined;
  mounts?: Array<MountInput> | null | undefined;
  name?: string | null | undefined;
  /** Network to attach to (bridge, none, a network name; host needs docker.hosts.privileged), or container:<name|id> to join a container of this host, judged with that container's settings */
  network?: string | null | undefined;
  /** host shares the host PID namespace (privileged); container:<name|id> joins a container of this host, judged with its settings */
  pidMode?: string | null | undefined;
  ports?: Array<PortBindingInput> | null | undefined;
  privileged?: boolean | null | undefined;
  restartPolicy?: RestartPolicyInput | null | undefined;
  /** e.g. no-new-privileges; seccomp/apparmor=unconfined is privileged */
  securityOpt?: Array<string> | null | undefined;
  user?: string | null | undefined;
  workingDir?: string | null | undefined;
};

export type CreateNetworkInput = {
  attachable?: boolean | null | undefined;
  /** bridge (default), overlay, macvlan, ipvlan */
  driver?: string | null | undefined;
  internal?: boolean | null | undefined;
  labels?: unknown;
  name: string;
};

export type CreateSwarmConfigInput = {
  /** The content as text (UTF-8). Give this or dataBase64; 500 KiB at most. Never returned, logged or audited. */
  data?: string | null | undefined;
  /** The content base64-encoded, for binary content. Give this or data. */
  dataBase64?: string | null | undefined;
  labels?: unknown;
  /** Docker's rule: up to 64 of [a-zA-Z0-9-_.], starting and ending with a letter or digit */
  name: string;
};

export type CreateSwarmSecretInput = {
  /** The content as text (UTF-8). Give this or dataBase64; 500 KiB at most. Never returned, logged or audited. */
  data?: string | null | undefined;
  /** The content base64-encoded, for binary content. Give this or data. */
  dataBase64?: string | null | undefined;
  labels?: unknown;
  /** Docker's rule: up to 64 of [a-zA-Z0-9-_.], starting and ending with a letter or digit */
  name: string;
};

export type CreateVolumeInput = {
  driver?: string | null | undefined;
  /** Driver options (local: type, o, device); mounting anything of the host (o=bind, a device, a network share) needs docker.hosts.privileged */
  driverOpts?: unknown;
  labels?: unknown;
  /** Docker makes one up when left out */
  name?: string | null | undefined;
};

export type DeployStackInput = {
  /** The compose file's text (compose-spec, as docker stack deploy reads it) */
  compose: string;
  /** The stack (namespace): services are <name>_<key> */
  name: string;
  /** Remove services of the stack the file no longer has (--prune) */
  prune?: boolean | null | undefined;
  resolveImage?: StackResolveImage | null | undefined;
  /** The only values ${VAR} takes: the server's environment is never read */
  variables?: Array<StackVariableInput> | null | undefined;
};

export type DeploymentChangedFilter = {
  clusterId?: string | number | null | undefined;
  stack?: string | null | undefined;
};

export type DeploymentFilter = {
  clusterId?: string | number | null | undefined;
  /** A service name (<stack>_<key>): its own deployments and its stack's */
  service?: string | null | undefined;
  stack?: string | null | undefined;
  status?: DeploymentStatus | null | undefined;
};

export type DeploymentOptionsInput = {
  /** For strategy BLUE_GREEN */
  blueGreen?: BlueGreenInput | null | undefined;
  /** For strategy CANARY */
  canary?: CanaryInput | null | undefined;
  description?: string | null | undefined;
  /** Past it, a rollout not converged is rolled back (default DEPLOYMENT_PROGRESS_DEADLINE_SECONDS) */
  progressDeadlineSeconds?: number | null | undefined;
  rolling?: RollingUpdateInput | null | undefined;
  strategy?: DeploymentStrategyKind | null | undefined;
};

export const DeploymentSource = {
  Api: 'API',
  Detected: 'DETECTED',
  Redeploy: 'REDEPLOY',
  Rollback: 'ROLLBACK'
} as const;

export type DeploymentSource = typeof DeploymentSource[keyof typeof DeploymentSource];
export const DeploymentStatus = {
  Cancelled: 'CANCELLED',
  Failed: 'FAILED',
  InProgress: 'IN_PROGRESS',
  Paused: 'PAUSED',
  Pending: 'PENDING',
  Queued: 'QUEUED',
  RolledBack: 'ROLLED_BACK',
  Succeeded: 'SUCCEEDED'
} as const;

export type DeploymentStatus = typeof DeploymentStatus[keyof typeof DeploymentStatus];
export const DeploymentStepKind = {
  Analysis: 'ANALYSIS',
  Health: 'HEALTH',
  Phase: 'PHASE',
  Replicas: 'REPLICAS',
  Status: 'STATUS',
  Traffic: 'TRAFFIC'
} as const;

export type DeploymentStepKind = typeof DeploymentStepKind[keyof typeof DeploymentStepKind];
export const DeploymentStrategyKind = {
  BlueGreen: 'BLUE_GREEN',
  Canary: 'CANARY',
  Rolling: 'ROLLING'
} as const;

export type DeploymentStrategyKind = typeof DeploymentStrategyKind[keyof typeof DeploymentStrategyKind];
export type DockerEventFilterInput = {
  /** Exact action, e.g. die, oom, "health_status: unhealthy" */
  action?: string | null | undefined;
  hostId?: string | number | null | undefined;
  severity?: EventSeverity | null | undefined;
  /** Inclusive */
  since?: string | null | undefined;
  /** container, image, network, volume, daemon, fleet */
  type?: string | null | undefined;
  /** Exclusive */
  until?: string | null | undefined;
};

export const DockerHostEnvironment = {
  Custom: 'CUSTOM',
  Development: 'DEVELOPMENT',
  Production: 'PRODUCTION',
  Staging: 'STAGING'
} as const;

export type DockerHostEnvironment = typeof DockerHostEnvironment[keyof typeof DockerHostEnvironment];
export type DockerHostFilter = {
  environment?: DockerHostEnvironment | null | undefined;
  /** Case-insensitive part of the name or endpoint */
  search?: string | null | undefined;
  status?: DockerHostStatus | null | undefined;
};

export const DockerHostStatus = {
  /** Reachable and monitored */
  Connected: 'CONNECTED',
  /** Connection lost, or disconnected by a user: not synced */
  Disconnected: 'DISCONNECTED',
  /** Five consecutive failed checks: needs recoverDockerHost */
  Error: 'ERROR',
  /** Taken offline by a user: not checked, not synced */
  Maintenance: 'MAINTENANCE',
  /** Registered, not yet reached (or never reached since): see lastError */
  Pending: 'PENDING'
} as const;

export type DockerHostStatus = typeof DockerHostStatus[keyof typeof DockerHostStatus];
export const EventSeverity = {
  Error: 'ERROR',
  Info: 'INFO',
  Warning: 'WARNING'
} as const;

export type EventSeverity = typeof EventSeverity[keyof typeof EventSeverity];
export type HealthcheckInput = {
  intervalSeconds?: number | null | undefined;
  retries?: number | null | undefined;
  startPeriodSeconds?: number | null | undefined;
  /** Docker's form: ["CMD", "wget", "-q", "http://localhost/"] or ["CMD-SHELL", "..."] */
  test: Array<string>;
  timeoutSeconds?: number | null | undefined;
};

/** Images, networks and volumes are listed per host or across the fleet */
export type HostScopedFilterInput = {
  hostId?: string | number | null | undefined;
};

export const ImageOperationKind = {
  Build: 'BUILD',
  Pull: 'PULL',
  Push: 'PUSH'
} as const;

export type ImageOperationKind = typeof ImageOperationKind[keyof typeof ImageOperationKind];
export const ImageOperationStatus = {
  Failed: 'FAILED',
  Running: 'RUNNING',
  Succeeded: 'SUCCEEDED'
} as const;

export type ImageOperationStatus = typeof ImageOperationStatus[keyof typeof ImageOperationStatus];
export type InitSwarmInput = {
  /** The address other nodes reach this host at (IP, optionally :port) */
  advertiseAddr: string;
  /** Name of the cluster registered for the new swarm (default: the host name) */
  clusterName?: string | null | undefined;
  /** Default 0.0.0.0:2377 */
  listenAddr?: string | null | undefined;
};

/** Where a run goes without hostId: a connected host of the account with room for its limits */
export type InstancePlacementInput = {
  /** The host must have all of these (added to the template's): environment, os, osType, architecture, name */
  labels?: unknown;
};

export const LogStream = {
  Stderr: 'STDERR',
  Stdout: 'STDOUT'
} as const;

export type LogStream = typeof LogStream[keyof typeof LogStream];
export type MountInput = {
  readOnly?: boolean | null | undefined;
  /** Volume name (VOLUME; one whose driver options mount a host path needs docker.hosts.privileged) or host path (BIND, needs docker.hosts.privileged) */
  source?: string | null | undefined;
  target: string;
  type: MountType;
};

export const MountType = {
  Bind: 'BIND',
  Tmpfs: 'TMPFS',
  Volume: 'VOLUME'
} as const;

export type MountType = typeof MountType[keyof typeof MountType];
export type PortBindingInput = {
  containerPort: number;
  hostIp?: string | null | undefined;
  /** Publish on this host port (0: any free port); leave out to only expose */
  hostPort?: number | null | undefined;
  /** tcp (default), udp or sctp */
  protocol?: string | null | undefined;
};

export type RegisterDockerHostInput = {
  /** unix:///var/run/docker.sock, tcp://host:2375 or https://host:2376 */
  apiEndpoint: string;
  environment: DockerHostEnvironment;
  /** Unique within the account */
  name: string;
  /** Seconds between syncs, 30 to 3600 (default 60) */
  syncIntervalSeconds?: number | null | undefined;
  tlsCredentials?: TlsCredentialsInput | null | undefined;
  /** Verify the daemon certificate (default true; required for PRODUCTION) */
  tlsVerify?: boolean | null | undefined;
};

/** Give managerEndpoint (a manager's Engine API) or managerHostId (a registered host that is a manager), not both */
export type RegisterSwarmClusterInput = {
  environment: DockerHostEnvironment;
  /** tcp://host:2375 or https://host:2376 of a manager */
  managerEndpoint?: string | null | undefined;
  /** A registered host that is a manager: its endpoint and TLS material are used */
  managerHostId?: string | number | null | undefined;
  /** Unique within the account */
  name: string;
  /** Seconds between full syncs, 30 to 3600 (default 60) */
  syncIntervalSeconds?: number | null | undefined;
  tlsCredentials?: TlsCredentialsInput | null | undefined;
  /** Verify the manager certificate (default true; required for PRODUCTION) */
  tlsVerify?: boolean | null | undefined;
};

/** A router already running beside the API: haproxy -W -S <masterEndpoint> -f <configPath> */
export type RegisterTrafficRouterInput = {
  /** The absolute path of the haproxy.cfg it was started with: the product rewrites it */
  configPath: string;
  /** Default HAPROXY */
  kind?: TrafficRouterKind | null | undefined;
  /** Its master CLI (the -S of haproxy -W), used to reload */
  masterEndpoint: string;
  /** Unique within the account */
  name: string;
  /** Its runtime API (stats socket, level admin): tcp://host:port or unix:///path */
  runtimeEndpoint: string;
};

export type RestartPolicyInput = {
  /** ON_FAILURE only */
  maximumRetryCount?: number | null | undefined;
  name: RestartPolicyName;
};

export const RestartPolicyName = {
  Always: 'ALWAYS',
  No: 'NO',
  OnFailure: 'ON_FAILURE',
  UnlessStopped: 'UNLESS_STOPPED'
} as const;

export type RestartPolicyName = typeof RestartPolicyName[keyof typeof RestartPolicyName];
/** Swarm's native update knobs, written into every service's UpdateConfig (what is not given stays as the compose file says) */
export type RollingUpdateInput = {
  delaySeconds?: number | null | undefined;
  /** rollback, pause or continue: on failure the whole stack returns to the previous good revision either way */
  failureAction?: string | null | undefined;
  maxFailureRatio?: number | null | undefined;
  /** How long a new task is watched for failure */
  monitorSeconds?: number | null | undefined;
  /** start-first or stop-first */
  order?: string | null | undefined;
  parallelism?: number | null | undefined;
};

export type RunContainerInstanceInput = {
  /** KEY=VALUE added to (or replacing) the template's; redacted from the stored output */
  env?: Array<string> | null | undefined;
  /** The host to run on; or placement */
  hostId?: string | number | null | undefined;
  placement?: InstancePlacementInput | null | undefined;
  /** A direct definition (its name names the run), judged like a template */
  spec?: ContainerTemplateInput | null | undefined;
  taskRef?: TaskRefInput | null | undefined;
  /** Run this template (its current version); or give spec */
  templateId?: string | number | null | undefined;
};

export const SecurityViolationKind = {
  ImageDigestMismatch: 'IMAGE_DIGEST_MISMATCH',
  OomKilled: 'OOM_KILLED',
  PolicyRefused: 'POLICY_REFUSED',
  TimeLimitKill: 'TIME_LIMIT_KILL',
  UnexpectedExec: 'UNEXPECTED_EXEC'
} as const;

export type SecurityViolationKind = typeof SecurityViolationKind[keyof typeof SecurityViolationKind];
/** Every limit is replaced: a limit left out (or null) is no limit */
export type SetAccountQuotaInput = {
  concurrentInstances?: number | null | undefined;
  cpuMillicores?: number | null | undefined;
  memoryMb?: number | null | undefined;
  storageMb?: number | null | undefined;
};

export type SetRegistryCredentialInput = {
  /** Encrypted at rest, never returned or logged */
  password: string;
  /** host[:port] of the registry (docker.io for Docker Hub) */
  registry: string;
  username: string;
};

export const StackChangeAction = {
  Created: 'CREATED',
  Removed: 'REMOVED',
  Unchanged: 'UNCHANGED',
  Updated: 'UPDATED'
} as const;

export type StackChangeAction = typeof StackChangeAction[keyof typeof StackChangeAction];
export const StackObjectKind = {
  Config: 'CONFIG',
  Network: 'NETWORK',
  Secret: 'SECRET',
  Service: 'SERVICE'
} as const;

export type StackObjectKind = typeof StackObjectKind[keyof typeof StackObjectKind];
export const StackOperationKind = {
  Deploy: 'DEPLOY',
  Remove: 'REMOVE'
} as const;

export type StackOperationKind = typeof StackOperationKind[keyof typeof StackOperationKind];
/** docker stack deploy --resolve-image: pin each service image to the digest its registry answers */
export const StackResolveImage = {
  /** Ask the registry on every deploy (the CLI default); an unchanged digest changes nothing */
  Always: 'ALWAYS',
  /** Ask only for services whose compose image string changed; others keep their pinned image */
  Changed: 'CHANGED',
  /** Never ask; an unchanged image string keeps the pinned image */
  Never: 'NEVER'
} as const;

export type StackResolveImage = typeof StackResolveImage[keyof typeof StackResolveImage];
export type StackVariableInput = {
  /** A name `${NAME}` in the file refers to */
  name: string;
  /** Its value (never logged: deploy variables feed secrets) */
  value: string;
};

export const SwarmChange = {
  Created: 'CREATED',
  Removed: 'REMOVED',
  Updated: 'UPDATED'
} as const;

export type SwarmChange = typeof SwarmChange[keyof typeof SwarmChange];
export type SwarmClusterFilter = {
  environment?: DockerHostEnvironment | null | undefined;
  /** Case-insensitive part of the name or endpoint */
  search?: string | null | undefined;
  status?: DockerHostStatus | null | undefined;
};

export type SwarmEventFilterInput = {
  action?: string | null | undefined;
  clusterId?: string | number | null | undefined;
  since?: string | null | undefined;
  type?: string | null | undefined;
  until?: string | null | undefined;
};

/** What an update does when tasks fail past maxFailureRatio (ROLLBACK: not for rollbackConfig) */
export const SwarmFailureAction = {
  Continue: 'CONTINUE',
  Pause: 'PAUSE',
  Rollback: 'ROLLBACK'
} as const;

export type SwarmFailureAction = typeof SwarmFailureAction[keyof typeof SwarmFailureAction];
/** A secret or config of the cluster, by name (or id), as a file in the task */
export type SwarmFileReferenceInput = {
  /** Owner gid, "0" by default */
  gid?: string | null | undefined;
  /** File mode as a number (0o444 = 292 by default) */
  mode?: number | null | undefined;
  name: string;
  /** File name: under /run/secrets/ for a secret (an absolute path allowed for a config); the name by default */
  target?: string | null | undefined;
  /** Owner uid, "0" by default */
  uid?: string | null | undefined;
};

/** Narrows a swarm listing; each kind reads the keys that apply to it */
export type SwarmFilterInput = {
  clusterId?: string | number | null | undefined;
  /** Tasks: Docker's id of their node */
  nodeId?: string | null | undefined;
  /** Tasks: Docker's id of their service */
  serviceId?: string | null | undefined;
  /** Services: the stack */
  stack?: string | null | undefined;
  /** Tasks: current or desired state */
  state?: string | null | undefined;
};

export type SwarmMountInput = {
  readOnly?: boolean | null | undefined;
  /** Volume name (VOLUME), host path (BIND: needs docker.hosts.privileged); none for TMPFS */
  source?: string | null | undefined;
  target: string;
  type: MountType;
};

/** A swarm-scope network of the cluster, by name (or id), with extra DNS aliases on it */
export type SwarmNetworkAttachmentInput = {
  aliases?: Array<string> | null | undefined;
  name: string;
};

/** drain moves its tasks to other nodes; pause schedules no new ones */
export const SwarmNodeAvailability = {
  Active: 'ACTIVE',
  Drain: 'DRAIN',
  Pause: 'PAUSE'
} as const;

export type SwarmNodeAvailability = typeof SwarmNodeAvailability[keyof typeof SwarmNodeAvailability];
export const SwarmNodeRole = {
  Manager: 'MANAGER',
  Worker: 'WORKER'
} as const;

export type SwarmNodeRole = typeof SwarmNodeRole[keyof typeof SwarmNodeRole];
export type SwarmPlacementInput = {
  /** Docker's constraint expressions: "node.role==manager", "node.labels.zone!=b" */
  constraints?: Array<string> | null | undefined;
  /** At most this many tasks per node (0: unlimited) */
  maxReplicasPerNode?: number | null | undefined;
  /** Spread descriptors, in order: "node.labels.zone" */
  spreadPreferences?: Array<string> | null | undefined;
};

export type SwarmPortInput = {
  /** INGRESS by default */
  mode?: SwarmPublishMode | null | undefined;
  /** tcp (default), udp or sctp */
  protocol?: string | null | undefined;
  /** The port published; left out, Docker picks one (30000+) in INGRESS mode */
  published?: number | null | undefined;
  /** The port inside the task */
  target: number;
};

/** INGRESS: the routing mesh, on every node; HOST: on the node a task runs on */
export const SwarmPublishMode = {
  Host: 'HOST',
  Ingress: 'INGRESS'
} as const;

export type SwarmPublishMode = typeof SwarmPublishMode[keyof typeof SwarmPublishMode];
export type SwarmResourceValuesInput = {
  /** CPUs (0.5 = half a CPU) */
  cpus?: number | null | undefined;
  memoryBytes?: number | null | undefined;
};

export type SwarmResourcesInput = {
  limits?: SwarmResourceValuesInput | null | undefined;
  /** What the scheduler reserves on a node for each task */
  reservations?: SwarmResourceValuesInput | null | undefined;
};

export const SwarmRestartCondition = {
  Any: 'ANY',
  None: 'NONE',
  OnFailure: 'ON_FAILURE'
} as const;

export type SwarmRestartCondition = typeof SwarmRestartCondition[keyof typeof SwarmRestartCondition];
export type SwarmRestartPolicyInput = {
  /** ANY by default (ON_FAILURE for jobs) */
  condition?: SwarmRestartCondition | null | undefined;
  delaySeconds?: number | null | undefined;
  /** 0: unlimited */
  maxAttempts?: number | null | undefined;
  /** How long to wait before deciding a restart worked */
  windowSeconds?: number | null | undefined;
};

/** A service mode (it cannot change after creation: Docker does not implement that) */
export const SwarmServiceModeInput = {
  Global: 'GLOBAL',
  GlobalJob: 'GLOBAL_JOB',
  Replicated: 'REPLICATED',
  ReplicatedJob: 'REPLICATED_JOB'
} as const;

export type SwarmServiceModeInput = typeof SwarmServiceModeInput[keyof typeof SwarmServiceModeInput];
/** A service to create. Settings that reach into the nodes (bind mounts, the host network, capAdd, sysctls) need docker.hosts.privileged */
export type SwarmServiceSpecInput = {
  /** Replaces the image's cmd */
  args?: Array<string> | null | undefined;
  /** Needs docker.hosts.privileged */
  capAdd?: Array<string> | null | undefined;
  /** Replaces the image's entrypoint */
  command?: Array<string> | null | undefined;
  configs?: Array<SwarmFileReferenceInput> | null | undefined;
  /** Labels of the tasks' containers */
  containerLabels?: unknown;
  /** "KEY=value" entries */
  env?: Array<string> | null | undefined;
  healthcheck?: HealthcheckInput | null | undefined;
  image: string;
  /** The service's labels */
  labels?: unknown;
  /** REPLICATED by default */
  mode?: SwarmServiceModeInput | null | undefined;
  mounts?: Array<SwarmMountInput> | null | undefined;
  name: string;
  networks?: Array<SwarmNetworkAttachmentInput> | null | undefined;
  placement?: SwarmPlacementInput | null | undefined;
  ports?: Array<SwarmPortInput> | null | undefined;
  /** REPLICATED: tasks wanted (1 by default); REPLICATED_JOB: completions (and at most that many at once) */
  replicas?: number | null | undefined;
  resources?: SwarmResourcesInput | null | undefined;
  restartPolicy?: SwarmRestartPolicyInput | null | undefined;
  rollbackConfig?: SwarmUpdateConfigInput | null | undefined;
  secrets?: Array<SwarmFileReferenceInput> | null | undefined;
  /** Between SIGTERM and SIGKILL when a task stops */
  stopGracePeriodSeconds?: number | null | undefined;
  /** Needs docker.hosts.privileged */
  sysctls?: unknown;
  updateConfig?: SwarmUpdateConfigInput | null | undefined;
  user?: string | null | undefined;
  workdir?: string | null | undefined;
};

/** A patch onto the service's current spec: each field given replaces that part, the rest stays as the Engine has it (name and mode cannot change) */
export type SwarmServiceUpdateInput = {
  /** Replaces the image's cmd */
  args?: Array<string> | null | undefined;
  /** Needs docker.hosts.privileged */
  capAdd?: Array<string> | null | undefined;
  /** Replaces the image's entrypoint */
  command?: Array<string> | null | undefined;
  configs?: Array<SwarmFileReferenceInput> | null | undefined;
  /** Labels of the tasks' containers */
  containerLabels?: unknown;
  /** "KEY=value" entries */
  env?: Array<string> | null | undefined;
  healthcheck?: HealthcheckInput | null | undefined;
  image?: string | null | undefined;
  /** The service's labels */
  labels?: unknown;
  mounts?: Array<SwarmMountInput> | null | undefined;
  networks?: Array<SwarmNetworkAttachmentInput> | null | undefined;
  placement?: SwarmPlacementInput | null | undefined;
  ports?: Array<SwarmPortInput> | null | undefined;
  /** REPLICATED: tasks wanted (1 by default); REPLICATED_JOB: completions (and at most that many at once) */
  replicas?: number | null | undefined;
  resources?: SwarmResourcesInput | null | undefined;
  restartPolicy?: SwarmRestartPolicyInput | null | undefined;
  rollbackConfig?: SwarmUpdateConfigInput | null | undefined;
  secrets?: Array<SwarmFileReferenceInput> | null | undefined;
  /** Between SIGTERM and SIGKILL when a task stops */
  stopGracePeriodSeconds?: number | null | undefined;
  /** Needs docker.hosts.privileged */
  sysctls?: unknown;
  updateConfig?: SwarmUpdateConfigInput | null | undefined;
  user?: string | null | undefined;
  workdir?: string | null | undefined;
};

export const SwarmStackServiceStatus = {
  Converged: 'CONVERGED',
  Failed: 'FAILED',
  RolledBack: 'ROLLED_BACK',
  Updating: 'UPDATING'
} as const;

export type SwarmStackServiceStatus = typeof SwarmStackServiceStatus[keyof typeof SwarmStackServiceStatus];
/** From the tasks that run each service's current spec only */
export const SwarmStackStatus = {
  Converged: 'CONVERGED',
  Failed: 'FAILED',
  Partial: 'PARTIAL',
  Updating: 'UPDATING'
} as const;

export type SwarmStackStatus = typeof SwarmStackStatus[keyof typeof SwarmStackStatus];
/** How tasks are replaced on an update (updateConfig) or on a rollback (rollbackConfig) */
export type SwarmUpdateConfigInput = {
  /** Pause between batches */
  delaySeconds?: number | null | undefined;
  failureAction?: SwarmFailureAction | null | undefined;
  /** Failed tasks tolerated, 0 to 1 */
  maxFailureRatio?: number | null | undefined;
  /** How long each new task is watched for failure */
  monitorSeconds?: number | null | undefined;
  order?: SwarmUpdateOrder | null | undefined;
  /** Tasks replaced at once (0: all at once) */
  parallelism?: number | null | undefined;
};

export const SwarmUpdateOrder = {
  StartFirst: 'START_FIRST',
  StopFirst: 'STOP_FIRST'
} as const;

export type SwarmUpdateOrder = typeof SwarmUpdateOrder[keyof typeof SwarmUpdateOrder];
export type TaskCallbackDeliveryFilter = {
  instanceId?: string | number | null | undefined;
  status?: TaskCallbackStatus | null | undefined;
  taskId?: string | null | undefined;
};

export const TaskCallbackStatus = {
  Delivered: 'DELIVERED',
  Delivering: 'DELIVERING',
  Failed: 'FAILED',
  Pending: 'PENDING'
} as const;

export type TaskCallbackStatus = typeof TaskCallbackStatus[keyof typeof TaskCallbackStatus];
/** A linked task: its result is POSTed, signed, to callbackUrl at every terminal state of the run */
export type TaskRefInput = {
  /** http(s), without credentials; a host on loopback, private or link-local networks only when TASK_CALLBACK_ALLOW lists it */
  callbackUrl: string;
  /** The task's id in the caller's system (1 to 256 characters); echoed in every delivery */
  id: string;
};

/** PEM material for mutual TLS. Encrypted at rest and never returned. */
export type TlsCredentialsInput = {
  /** CA certificate that signed the daemon certificate */
  ca?: string | null | undefined;
  /** Client certificate */
  cert?: string | null | undefined;
  /** Client private key */
  key?: string | null | undefined;
};

/** The technology a traffic router runs (HAProxy 2.6 from Debian) */
export const TrafficRouterKind = {
  Haproxy: 'HAPROXY'
} as const;

export type TrafficRouterKind = typeof TrafficRouterKind[keyof typeof TrafficRouterKind];
/** Fields left out are unchanged. tlsCredentials: null removes the stored credentials. */
export type UpdateDockerHostInput = {
  apiEndpoint?: string | null | undefined;
  environment?: DockerHostEnvironment | null | undefined;
  name?: string | null | undefined;
  syncIntervalSeconds?: number | null | undefined;
  tlsCredentials?: TlsCredentialsInput | null | undefined;
  tlsVerify?: boolean | null | undefined;
};

/** Fields left out are unchanged. tlsCredentials: null removes the stored credentials. */
export type UpdateSwarmClusterInput = {
  environment?: DockerHostEnvironment | null | undefined;
  managerEndpoint?: string | null | undefined;
  name?: string | null | undefined;
  syncIntervalSeconds?: number | null | undefined;
  tlsCredentials?: TlsCredentialsInput | null | undefined;
  tlsVerify?: boolean | null | undefined;
};

export type UpdateSwarmConfigInput = {
  /** Replace the labels (fleet.rotation.* are kept unless given). Docker allows no other change. */
  labels: unknown;
};

/** Fields left out are unchanged */
export type UpdateSwarmInput = {
  dispatcherHeartbeatSeconds?: number | null | undefined;
  electionTick?: number | null | undefined;
  heartbeatTick?: number | null | undefined;
  keepOldSnapshots?: number | null | undefined;
  logEntriesForSlowFollowers?: number | null | undefined;
  rotateManagerToken?: boolean | null | undefined;
  rotateWorkerToken?: boolean | null | undefined;
  snapshotInterval?: number | null | undefined;
  /** Old tasks kept per slot */
  taskHistoryLimit?: number | null | undefined;
};

export type UpdateSwarmNodeInput = {
  availability?: SwarmNodeAvailability | null | undefined;
  /** Replaces the node labels (placement constraints read them) */
  labels?: unknown;
};

export type UpdateSwarmSecretInput = {
  /** Replace the labels (fleet.rotation.* are kept unless given). Docker allows no other change. */
  labels: unknown;
};

export const VaultTokenDelivery = {
  Env: 'ENV',
  File: 'FILE',
  None: 'NONE',
  Wrapped: 'WRAPPED'
} as const;

export type VaultTokenDelivery = typeof VaultTokenDelivery[keyof typeof VaultTokenDelivery];
export type ActivitiesQueryVariables = Exact<{
  filter?: ActivityFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ActivitiesQuery = { activities: { totalCount: number, nodes: Array<{ id: string, action: string, actor: string | null, outcome: ActivityOutcome, errorCode: string | null, parameters: unknown, targetType: string | null, targetId: string | null, durationMs: number, requestId: string | null, createdAt: string, dockerHost: { id: string, name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RevokeTokensMutationVariables = Exact<{
  before?: string | null | undefined;
}>;


export type RevokeTokensMutation = { revokeTokens: { revokedBefore: string, revokedBy: string | null } };

export type CreateContainerMutationVariables = Exact<{
  hostId: string | number;
  input: CreateContainerInput;
}>;


export type CreateContainerMutation = { createContainer: { id: string, hostId: string, dockerId: string, name: string, image: string, imageId: string | null, command: string | null, state: ContainerState, status: string, health: ContainerHealth, exitCode: number | null, labels: unknown, createdAt: string, startedAt: string | null, finishedAt: string | null, updatedAt: string, ports: Array<{ privatePort: number, publicPort: number | null, type: string, ip: string | null }>, mounts: Array<{ type: string, source: string | null, destination: string, readOnly: boolean }>, networks: Array<{ name: string, networkId: string | null, ipAddress: string | null }> } };

export type StartContainerMutationVariables = Exact<{
  id: string | number;
}>;


export type StartContainerMutation = { startContainer: { id: string, hostId: string, dockerId: string, name: string, image: string, imageId: string | null, command: string | null, state: ContainerState, status: string, health: ContainerHealth, exitCode: number | null, labels: unknown, createdAt: string, startedAt: string | null, finishedAt: string | null, updatedAt: string, ports: Array<{ privatePort: number, publicPort: number | null, type: string, ip: string | null }>, mounts: Array<{ type: string, source: string | null, destination: string, readOnly: boolean }>, networks: Array<{ name: string, networkId: string | null, ipAddress: string | null }> } };

export type StopContainerMutationVariables = Exact<{
  id: string | number;
  timeoutSeconds?: number | null | undefined;
}>;


export type StopContainerMutation = { stopContainer: { id: string, hostId: string, dockerId: string, name: string, image: string, imageId: string | null, command: string | null, state: ContainerState, status: string, health: ContainerHealth, exitCode: number | null, labels: unknown, createdAt: string, startedAt: string | null, finishedAt: string | null, updatedAt: string, ports: Array<{ privatePort: number, publicPort: number | null, type: string, ip: string | null }>, mounts: Array<{ type: string, source: string | null, destination: string, readOnly: boolean }>, networks: Array<{ name: string, networkId: string | null, ipAddress: string | null }> } };

export type RestartContainerMutationVariables = Exact<{
  id: string | number;
}>;


export type RestartContainerMutation = { restartContainer: { id: string, hostId: string, dockerId: string, name: string, image: string, imageId: string | null, command: string | null, state: ContainerState, status: string, health: ContainerHealth, exitCode: number | null, labels: unknown, createdAt: string, startedAt: string | null, finishedAt: string | null, updatedAt: string, ports: Array<{ privatePort: number, publicPort: number | null, type: string, ip: string | null }>, mounts: Array<{ type: string, source: string | null, destination: string, readOnly: boolean }>, networks: Array<{ name: string, networkId: string | null, ipAddress: string | null }> } };

export type RemoveContainerMutationVariables = Exact<{
  id: string | number;
  force?: boolean | null | undefined;
  removeVolumes?: boolean | null | undefined;
}>;


export type RemoveContainerMutation = { removeContainer: string };

export type ExecInContainerMutationVariables = Exact<{
  id: string | number;
  command: Array<string> | string;
  env?: Array<string> | string | null | undefined;
  workingDir?: string | null | undefined;
  user?: string | null | undefined;
  timeoutSeconds?: number | null | undefined;
}>;


export type ExecInContainerMutation = { execInContainer: { exitCode: number | null, stdout: string, stderr: string, timedOut: boolean, truncated: boolean } };

export type ContainerLogsQueryVariables = Exact<{
  id: string | number;
  tail?: number | null | undefined;
  since?: string | null | undefined;
  until?: string | null | undefined;
  timestamps?: boolean | null | undefined;
}>;


export type ContainerLogsQuery = { containerLogs: { stdout: string, stderr: string, truncated: boolean } };

export type ContainerLogStreamSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ContainerLogStreamSubscription = { containerLogStream: { stream: LogStream, line: string } };

export type ContainerStatsSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ContainerStatsSubscription = { containerStats: { cpuPercent: number, memoryBytes: number, memoryLimitBytes: number | null, networkRxBytes: number, networkTxBytes: number, blockReadBytes: number, blockWriteBytes: number, at: string } };

export type DeploymentTrafficQueryVariables = Exact<{
  id: string | number;
}>;


export type DeploymentTrafficQuery = { deployment: { id: string, status: DeploymentStatus, reason: string | null, strategy: DeploymentStrategyKind, options: unknown, trafficMode: string | null, phase: string | null, requested: string | null, services: Array<{ name: string, dockerId: string | null, image: string | null, outcome: string | null }> } };

export type DeploymentFieldsFragment = { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, reason: string | null, strategy: DeploymentStrategyKind, options: unknown, source: DeploymentSource, compose: string | null, digests: unknown, reproduces: string | null, reproducesRevision: number | null, previousRevision: number | null, actorId: string, description: string | null, requested: string | null, stepCount: number, createdAt: string, startedAt: string | null, finishedAt: string | null, deadlineAt: string | null, services: Array<{ name: string, dockerId: string | null, image: string | null, digest: string | null, specVersion: number | null, spec: unknown, outcome: string | null, message: string | null }> };

export type DeploymentStepFieldsFragment = { deploymentId: string, seq: number, kind: DeploymentStepKind, status: DeploymentStatus, message: string, service: string | null, data: unknown, at: string };

export type DeploymentQueryVariables = Exact<{
  id: string | number;
}>;


export type DeploymentQuery = { deployment: { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, reason: string | null, strategy: DeploymentStrategyKind, options: unknown, source: DeploymentSource, compose: string | null, digests: unknown, reproduces: string | null, reproducesRevision: number | null, previousRevision: number | null, actorId: string, description: string | null, requested: string | null, stepCount: number, createdAt: string, startedAt: string | null, finishedAt: string | null, deadlineAt: string | null, services: Array<{ name: string, dockerId: string | null, image: string | null, digest: string | null, specVersion: number | null, spec: unknown, outcome: string | null, message: string | null }> } };

export type DeploymentsQueryVariables = Exact<{
  filter?: DeploymentFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DeploymentsQuery = { deployments: { totalCount: number, nodes: Array<{ id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, reason: string | null, strategy: DeploymentStrategyKind, options: unknown, source: DeploymentSource, compose: string | null, digests: unknown, reproduces: string | null, reproducesRevision: number | null, previousRevision: number | null, actorId: string, description: string | null, requested: string | null, stepCount: number, createdAt: string, startedAt: string | null, finishedAt: string | null, deadlineAt: string | null, services: Array<{ name: string, dockerId: string | null, image: string | null, digest: string | null, specVersion: number | null, spec: unknown, outcome: string | null, message: string | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RedeployDeploymentMutationVariables = Exact<{
  id: string | number;
  deployment?: DeploymentOptionsInput | null | undefined;
}>;


export type RedeployDeploymentMutation = { redeployDeployment: { changes: Array<{ kind: StackObjectKind, name: string, action: StackChangeAction }>, deployment: { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, reason: string | null, strategy: DeploymentStrategyKind, options: unknown, source: DeploymentSource, compose: string | null, digests: unknown, reproduces: string | null, reproducesRevision: number | null, previousRevision: number | null, actorId: string, description: string | null, requested: string | null, stepCount: number, createdAt: string, startedAt: string | null, finishedAt: string | null, deadlineAt: string | null, services: Array<{ name: string, dockerId: string | null, image: string | null, digest: string | null, specVersion: number | null, spec: unknown, outcome: string | null, message: string | null }> } } };

export type RollbackStackMutationVariables = Exact<{
  clusterId: string | number;
  name: string;
  toRevision?: number | null | undefined;
}>;


export type RollbackStackMutation = { rollbackStack: { changes: Array<{ kind: StackObjectKind, name: string, action: StackChangeAction }>, deployment: { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, reason: string | null, strategy: DeploymentStrategyKind, options: unknown, source: DeploymentSource, compose: string | null, digests: unknown, reproduces: string | null, reproducesRevision: number | null, previousRevision: number | null, actorId: string, description: string | null, requested: string | null, stepCount: number, createdAt: string, startedAt: string | null, finishedAt: string | null, deadlineAt: string | null, services: Array<{ name: string, dockerId: string | null, image: string | null, digest: string | null, specVersion: number | null, spec: unknown, outcome: string | null, message: string | null }> } } };

export type PromoteDeploymentMutationVariables = Exact<{
  id: string | number;
}>;


export type PromoteDeploymentMutation = { promoteDeployment: { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, reason: string | null, strategy: DeploymentStrategyKind, options: unknown, source: DeploymentSource, compose: string | null, digests: unknown, reproduces: string | null, reproducesRevision: number | null, previousRevision: number | null, actorId: string, description: string | null, requested: string | null, stepCount: number, createdAt: string, startedAt: string | null, finishedAt: string | null, deadlineAt: string | null, services: Array<{ name: string, dockerId: string | null, image: string | null, digest: string | null, specVersion: number | null, spec: unknown, outcome: string | null, message: string | null }> } };

export type AbortDeploymentMutationVariables = Exact<{
  id: string | number;
}>;


export type AbortDeploymentMutation = { abortDeployment: { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, reason: string | null, strategy: DeploymentStrategyKind, options: unknown, source: DeploymentSource, compose: string | null, digests: unknown, reproduces: string | null, reproducesRevision: number | null, previousRevision: number | null, actorId: string, description: string | null, requested: string | null, stepCount: number, createdAt: string, startedAt: string | null, finishedAt: string | null, deadlineAt: string | null, services: Array<{ name: string, dockerId: string | null, image: string | null, digest: string | null, specVersion: number | null, spec: unknown, outcome: string | null, message: string | null }> } };

export type DeploymentProgressSubscriptionVariables = Exact<{
  id: string | number;
  after?: number | null | undefined;
}>;


export type DeploymentProgressSubscription = { deploymentProgress: { deploymentId: string, seq: number, kind: DeploymentStepKind, status: DeploymentStatus, message: string, service: string | null, data: unknown, at: string } };

export type DeploymentChangedSubscriptionVariables = Exact<{
  filter?: DeploymentChangedFilter | null | undefined;
}>;


export type DeploymentChangedSubscription = { deploymentChanged: { id: string, stack: string | null, revision: number, status: DeploymentStatus, reason: string | null } };

export type StackRevisionQueryVariables = Exact<{
  clusterId: string | number;
  name: string;
}>;


export type StackRevisionQuery = { swarmStack: { name: string, revision: { id: string, revision: number, status: DeploymentStatus } | null, services: Array<{ service: { name: string, revision: { revision: number } | null } }> } };

export type PlanDeploymentQueryVariables = Exact<{
  clusterId: string | number;
  input: DeployStackInput;
}>;


export type PlanDeploymentQuery = { planDeployment: { stack: string, imagesToPull: Array<string>, unresolvedImages: Array<string>, services: Array<{ name: string, action: string, tasksToRestart: number, image: string | null, pullsImage: boolean, differences: Array<{ path: string, from: unknown, to: unknown }> }>, ignored: Array<{ path: string, line: number | null, message: string }> } };

export type DiagnosisFieldsFragment = { symptom: string, cause: string, evidence: Array<string>, firstAction: string, mutations: Array<string>, steps: Array<string> | null };

export type DockerHostDiagnosisQueryVariables = Exact<{
  id: string | number;
}>;


export type DockerHostDiagnosisQuery = { dockerHost: { id: string, status: DockerHostStatus, consecutiveFailures: number, lastErrorCode: string | null, diagnosis: { symptom: string, cause: string, evidence: Array<string>, firstAction: string, mutations: Array<string>, steps: Array<string> | null } | null } | null };

export type SwarmClusterDiagnosisQueryVariables = Exact<{
  id: string | number;
}>;


export type SwarmClusterDiagnosisQuery = { swarmCluster: { id: string, status: DockerHostStatus, hasQuorum: boolean | null, managersReachable: number | null, diagnosis: { symptom: string, cause: string, evidence: Array<string>, firstAction: string, mutations: Array<string>, steps: Array<string> | null } | null } };

export type SwarmStackDiagnosisQueryVariables = Exact<{
  clusterId: string | number;
  name: string;
}>;


export type SwarmStackDiagnosisQuery = { swarmStack: { name: string, status: SwarmStackStatus, diagnosis: { symptom: string, cause: string, evidence: Array<string>, firstAction: string, mutations: Array<string>, steps: Array<string> | null } | null } };

export type HostFieldsFragment = { id: string, name: string, apiEndpoint: string, environment: DockerHostEnvironment, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, syncIntervalSeconds: number, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, lastSyncedAt: string | null, syncOwner: string | null, dockerVersion: string | null, apiVersion: string | null, os: string | null, osType: string | null, architecture: string | null, cpuCount: number | null, memoryBytes: number | null, storageBytes: number | null, containerCount: number | null, imageCount: number | null, createdAt: string, updatedAt: string };

export type RegisterDockerHostMutationVariables = Exact<{
  input: RegisterDockerHostInput;
}>;


export type RegisterDockerHostMutation = { registerDockerHost: { id: string, name: string, apiEndpoint: string, environment: DockerHostEnvironment, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, syncIntervalSeconds: number, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, lastSyncedAt: string | null, syncOwner: string | null, dockerVersion: string | null, apiVersion: string | null, os: string | null, osType: string | null, architecture: string | null, cpuCount: number | null, memoryBytes: number | null, storageBytes: number | null, containerCount: number | null, imageCount: number | null, createdAt: string, updatedAt: string } };

export type UpdateDockerHostMutationVariables = Exact<{
  id: string | number;
  input: UpdateDockerHostInput;
}>;


export type UpdateDockerHostMutation = { updateDockerHost: { id: string, name: string, apiEndpoint: string, environment: DockerHostEnvironment, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, syncIntervalSeconds: number, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, lastSyncedAt: string | null, syncOwner: string | null, dockerVersion: string | null, apiVersion: string | null, os: string | null, osType: string | null, architecture: string | null, cpuCount: number | null, memoryBytes: number | null, storageBytes: number | null, containerCount: number | null, imageCount: number | null, createdAt: string, updatedAt: string } };

export type ConnectDockerHostMutationVariables = Exact<{
  id: string | number;
}>;


export type ConnectDockerHostMutation = { connectDockerHost: { id: string, name: string, apiEndpoint: string, environment: DockerHostEnvironment, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, syncIntervalSeconds: number, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, lastSyncedAt: string | null, syncOwner: string | null, dockerVersion: string | null, apiVersion: string | null, os: string | null, osType: string | null, architecture: string | null, cpuCount: number | null, memoryBytes: number | null, storageBytes: number | null, containerCount: number | null, imageCount: number | null, createdAt: string, updatedAt: string } };

export type DisconnectDockerHostMutationVariables = Exact<{
  id: string | number;
}>;


export type DisconnectDockerHostMutation = { disconnectDockerHost: { id: string, name: string, apiEndpoint: string, environment: DockerHostEnvironment, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, syncIntervalSeconds: number, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, lastSyncedAt: string | null, syncOwner: string | null, dockerVersion: string | null, apiVersion: string | null, os: string | null, osType: string | null, architecture: string | null, cpuCount: number | null, memoryBytes: number | null, storageBytes: number | null, containerCount: number | null, imageCount: number | null, createdAt: string, updatedAt: string } };

export type SetDockerHostMaintenanceMutationVariables = Exact<{
  id: string | number;
  enabled: boolean;
}>;


export type SetDockerHostMaintenanceMutation = { setDockerHostMaintenance: { id: string, name: string, apiEndpoint: string, environment: DockerHostEnvironment, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, syncIntervalSeconds: number, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, lastSyncedAt: string | null, syncOwner: string | null, dockerVersion: string | null, apiVersion: string | null, os: string | null, osType: string | null, architecture: string | null, cpuCount: number | null, memoryBytes: number | null, storageBytes: number | null, containerCount: number | null, imageCount: number | null, createdAt: string, updatedAt: string } };

export type RecoverDockerHostMutationVariables = Exact<{
  id: string | number;
}>;


export type RecoverDockerHostMutation = { recoverDockerHost: { id: string, name: string, apiEndpoint: string, environment: DockerHostEnvironment, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, syncIntervalSeconds: number, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, lastSyncedAt: string | null, syncOwner: string | null, dockerVersion: string | null, apiVersion: string | null, os: string | null, osType: string | null, architecture: string | null, cpuCount: number | null, memoryBytes: number | null, storageBytes: number | null, containerCount: number | null, imageCount: number | null, createdAt: string, updatedAt: string } };

export type DeleteDockerHostMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteDockerHostMutation = { deleteDockerHost: string };

export type DockerHostQueryVariables = Exact<{
  id: string | number;
}>;


export type DockerHostQuery = { dockerHost: { id: string, name: string, apiEndpoint: string, environment: DockerHostEnvironment, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, syncIntervalSeconds: number, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, lastSyncedAt: string | null, syncOwner: string | null, dockerVersion: string | null, apiVersion: string | null, os: string | null, osType: string | null, architecture: string | null, cpuCount: number | null, memoryBytes: number | null, storageBytes: number | null, containerCount: number | null, imageCount: number | null, createdAt: string, updatedAt: string } | null };

export type DockerHostsQueryVariables = Exact<{
  filter?: DockerHostFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DockerHostsQuery = { dockerHosts: { totalCount: number, nodes: Array<{ id: string, name: string, status: DockerHostStatus, environment: DockerHostEnvironment }>, edges: Array<{ cursor: string, node: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DockerHostChangedSubscriptionVariables = Exact<{
  hostId?: string | number | null | undefined;
}>;


export type DockerHostChangedSubscription = { dockerHostChanged: { id: string, name: string, status: DockerHostStatus, syncIntervalSeconds: number, hasTlsCredentials: boolean, lastError: string | null, lastErrorCode: string | null } };

export type DockerHostDeletedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DockerHostDeletedSubscription = { dockerHostDeleted: string };

export type SyncDockerHostMutationVariables = Exact<{
  id: string | number;
}>;


export type SyncDockerHostMutation = { syncDockerHost: { id: string, name: string, apiEndpoint: string, environment: DockerHostEnvironment, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, syncIntervalSeconds: number, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, lastSyncedAt: string | null, syncOwner: string | null, dockerVersion: string | null, apiVersion: string | null, os: string | null, osType: string | null, architecture: string | null, cpuCount: number | null, memoryBytes: number | null, storageBytes: number | null, containerCount: number | null, imageCount: number | null, createdAt: string, updatedAt: string } };

export type ImageOperationFieldsFragment = { id: string, hostId: string, kind: ImageOperationKind, reference: string, status: ImageOperationStatus, lastMessage: string | null, error: string | null, errorCode: string | null, imageId: string | null, startedAt: string, finishedAt: string | null };

export type PullImageMutationVariables = Exact<{
  hostId: string | number;
  reference: string;
  wait?: boolean | null | undefined;
}>;


export type PullImageMutation = { pullImage: { id: string, hostId: string, kind: ImageOperationKind, reference: string, status: ImageOperationStatus, lastMessage: string | null, error: string | null, errorCode: string | null, imageId: string | null, startedAt: string, finishedAt: string | null } };

export type PushImageMutationVariables = Exact<{
  hostId: string | number;
  reference: string;
  wait?: boolean | null | undefined;
}>;


export type PushImageMutation = { pushImage: { id: string, hostId: string, kind: ImageOperationKind, reference: string, status: ImageOperationStatus, lastMessage: string | null, error: string | null, errorCode: string | null, imageId: string | null, startedAt: string, finishedAt: string | null } };

export type BuildImageMutationVariables = Exact<{
  hostId: string | number;
  input: BuildImageInput;
  wait?: boolean | null | undefined;
}>;


export type BuildImageMutation = { buildImage: { id: string, hostId: string, kind: ImageOperationKind, reference: string, status: ImageOperationStatus, lastMessage: string | null, error: string | null, errorCode: string | null, imageId: string | null, startedAt: string, finishedAt: string | null } };

export type TagImageMutationVariables = Exact<{
  id: string | number;
  repository: string;
  tag: string;
}>;


export type TagImageMutation = { tagImage: { id: string, dockerId: string, repoTags: Array<string> } };

export type RemoveImageMutationVariables = Exact<{
  id: string | number;
  force?: boolean | null | undefined;
  reference?: string | null | undefined;
}>;


export type RemoveImageMutation = { removeImage: string };

export type ImageDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type ImageDetailsQuery = { image: { id: string, hostId: string, dockerId: string, repoTags: Array<string>, sizeBytes: number, architecture: string, os: string, cmd: Array<string>, env: Array<string>, labels: unknown, layers: Array<string> } };

export type ImageOperationQueryVariables = Exact<{
  id: string | number;
}>;


export type ImageOperationQuery = { imageOperation: { id: string, hostId: string, kind: ImageOperationKind, reference: string, status: ImageOperationStatus, lastMessage: string | null, error: string | null, errorCode: string | null, imageId: string | null, startedAt: string, finishedAt: string | null } };

export type ImageOperationProgressSubscriptionVariables = Exact<{
  operationId: string | number;
}>;


export type ImageOperationProgressSubscription = { imageOperationProgress: { operationId: string, status: ImageOperationStatus, message: string | null, layer: string | null, current: number | null, total: number | null, done: boolean, error: string | null, errorCode: string | null } };

export type SetRegistryCredentialMutationVariables = Exact<{
  input: SetRegistryCredentialInput;
}>;


export type SetRegistryCredentialMutation = { setRegistryCredential: { id: string, registry: string, username: string, createdAt: string, updatedAt: string } };

export type DeleteRegistryCredentialMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteRegistryCredentialMutation = { deleteRegistryCredential: string };

export type RegistryCredentialsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegistryCredentialsQuery = { registryCredentials: Array<{ id: string, registry: string, username: string }> };

export type InstanceFieldsFragment = { id: string, name: string, status: ContainerInstanceStatus, reason: string | null, errorCode: string | null, templateId: string | null, templateVersion: number | null, retryOf: string | null, hostId: string | null, placementReason: string | null, containerId: string | null, envNames: Array<string>, exitCode: number | null, stdout: string | null, stderr: string | null, outputTruncated: boolean, hasSecurityViolations: boolean, vaultRevokedAt: string | null, deadlineAt: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, violations: Array<{ kind: SecurityViolationKind, detectedAt: string, detail: string }>, transitions: Array<{ status: ContainerInstanceStatus, at: string, reason: string | null }>, usage: { memoryUsedMb: number, peakMemoryUsedMb: number, cpuUsedMillicores: number, peakCpuUsedMillicores: number, storageUsedBytes: number, networkBytesIn: number, networkBytesOut: number, samples: number, sampledAt: string | null } | null, taskRef: { id: string, callbackUrl: string } | null, diagnosis: { symptom: string, cause: string, evidence: Array<string>, firstAction: string, mutations: Array<string> } | null };

export type RunContainerInstanceMutationVariables = Exact<{
  input: RunContainerInstanceInput;
}>;


export type RunContainerInstanceMutation = { runContainerInstance: { id: string, name: string, status: ContainerInstanceStatus, reason: string | null, errorCode: string | null, templateId: string | null, templateVersion: number | null, retryOf: string | null, hostId: string | null, placementReason: string | null, containerId: string | null, envNames: Array<string>, exitCode: number | null, stdout: string | null, stderr: string | null, outputTruncated: boolean, hasSecurityViolations: boolean, vaultRevokedAt: string | null, deadlineAt: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, violations: Array<{ kind: SecurityViolationKind, detectedAt: string, detail: string }>, transitions: Array<{ status: ContainerInstanceStatus, at: string, reason: string | null }>, usage: { memoryUsedMb: number, peakMemoryUsedMb: number, cpuUsedMillicores: number, peakCpuUsedMillicores: number, storageUsedBytes: number, networkBytesIn: number, networkBytesOut: number, samples: number, sampledAt: string | null } | null, taskRef: { id: string, callbackUrl: string } | null, diagnosis: { symptom: string, cause: string, evidence: Array<string>, firstAction: string, mutations: Array<string> } | null } };

export type CancelContainerInstanceMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelContainerInstanceMutation = { cancelContainerInstance: { id: string, name: string, status: ContainerInstanceStatus, reason: string | null, errorCode: string | null, templateId: string | null, templateVersion: number | null, retryOf: string | null, hostId: string | null, placementReason: string | null, containerId: string | null, envNames: Array<string>, exitCode: number | null, stdout: string | null, stderr: string | null, outputTruncated: boolean, hasSecurityViolations: boolean, vaultRevokedAt: string | null, deadlineAt: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, violations: Array<{ kind: SecurityViolationKind, detectedAt: string, detail: string }>, transitions: Array<{ status: ContainerInstanceStatus, at: string, reason: string | null }>, usage: { memoryUsedMb: number, peakMemoryUsedMb: number, cpuUsedMillicores: number, peakCpuUsedMillicores: number, storageUsedBytes: number, networkBytesIn: number, networkBytesOut: number, samples: number, sampledAt: string | null } | null, taskRef: { id: string, callbackUrl: string } | null, diagnosis: { symptom: string, cause: string, evidence: Array<string>, firstAction: string, mutations: Array<string> } | null } };

export type RetryContainerInstanceMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryContainerInstanceMutation = { retryContainerInstance: { id: string, name: string, status: ContainerInstanceStatus, reason: string | null, errorCode: string | null, templateId: string | null, templateVersion: number | null, retryOf: string | null, hostId: string | null, placementReason: string | null, containerId: string | null, envNames: Array<string>, exitCode: number | null, stdout: string | null, stderr: string | null, outputTruncated: boolean, hasSecurityViolations: boolean, vaultRevokedAt: string | null, deadlineAt: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, violations: Array<{ kind: SecurityViolationKind, detectedAt: string, detail: string }>, transitions: Array<{ status: ContainerInstanceStatus, at: string, reason: string | null }>, usage: { memoryUsedMb: number, peakMemoryUsedMb: number, cpuUsedMillicores: number, peakCpuUsedMillicores: number, storageUsedBytes: number, networkBytesIn: number, networkBytesOut: number, samples: number, sampledAt: string | null } | null, taskRef: { id: string, callbackUrl: string } | null, diagnosis: { symptom: string, cause: string, evidence: Array<string>, firstAction: string, mutations: Array<string> } | null } };

export type CleanupVaultTokenMutationVariables = Exact<{
  instanceId: string | number;
}>;


export type CleanupVaultTokenMutation = { cleanupVaultToken: { id: string, vaultRevokedAt: string | null } };

export type ContainerInstanceQueryVariables = Exact<{
  id: string | number;
}>;


export type ContainerInstanceQuery = { containerInstance: { id: string, name: string, status: ContainerInstanceStatus, reason: string | null, errorCode: string | null, templateId: string | null, templateVersion: number | null, retryOf: string | null, hostId: string | null, placementReason: string | null, containerId: string | null, envNames: Array<string>, exitCode: number | null, stdout: string | null, stderr: string | null, outputTruncated: boolean, hasSecurityViolations: boolean, vaultRevokedAt: string | null, deadlineAt: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, violations: Array<{ kind: SecurityViolationKind, detectedAt: string, detail: string }>, transitions: Array<{ status: ContainerInstanceStatus, at: string, reason: string | null }>, usage: { memoryUsedMb: number, peakMemoryUsedMb: number, cpuUsedMillicores: number, peakCpuUsedMillicores: number, storageUsedBytes: number, networkBytesIn: number, networkBytesOut: number, samples: number, sampledAt: string | null } | null, taskRef: { id: string, callbackUrl: string } | null, diagnosis: { symptom: string, cause: string, evidence: Array<string>, firstAction: string, mutations: Array<string> } | null } };

export type ContainerInstancesQueryVariables = Exact<{
  filter?: ContainerInstanceFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ContainerInstancesQuery = { containerInstances: { totalCount: number, nodes: Array<{ id: string, status: ContainerInstanceStatus, name: string, hasSecurityViolations: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ContainerInstanceChangedSubscriptionVariables = Exact<{
  filter?: ContainerInstanceChangedFilterInput | null | undefined;
}>;


export type ContainerInstanceChangedSubscription = { containerInstanceChanged: { id: string, status: ContainerInstanceStatus, reason: string | null, containerId: string | null, exitCode: number | null } };

export type ContainerFieldsFragment = { id: string, hostId: string, dockerId: string, name: string, image: string, imageId: string | null, command: string | null, state: ContainerState, status: string, health: ContainerHealth, exitCode: number | null, labels: unknown, createdAt: string, startedAt: string | null, finishedAt: string | null, updatedAt: string, ports: Array<{ privatePort: number, publicPort: number | null, type: string, ip: string | null }>, mounts: Array<{ type: string, source: string | null, destination: string, readOnly: boolean }>, networks: Array<{ name: string, networkId: string | null, ipAddress: string | null }> };

export type ContainersQueryVariables = Exact<{
  filter?: ContainerFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ContainersQuery = { containers: { totalCount: number, nodes: Array<{ id: string, hostId: string, dockerId: string, name: string, image: string, imageId: string | null, command: string | null, state: ContainerState, status: string, health: ContainerHealth, exitCode: number | null, labels: unknown, createdAt: string, startedAt: string | null, finishedAt: string | null, updatedAt: string, host: { id: string, name: string }, ports: Array<{ privatePort: number, publicPort: number | null, type: string, ip: string | null }>, mounts: Array<{ type: string, source: string | null, destination: string, readOnly: boolean }>, networks: Array<{ name: string, networkId: string | null, ipAddress: string | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ContainerQueryVariables = Exact<{
  id: string | number;
}>;


export type ContainerQuery = { container: { id: string, hostId: string, dockerId: string, name: string, image: string, imageId: string | null, command: string | null, state: ContainerState, status: string, health: ContainerHealth, exitCode: number | null, labels: unknown, createdAt: string, startedAt: string | null, finishedAt: string | null, updatedAt: string, ports: Array<{ privatePort: number, publicPort: number | null, type: string, ip: string | null }>, mounts: Array<{ type: string, source: string | null, destination: string, readOnly: boolean }>, networks: Array<{ name: string, networkId: string | null, ipAddress: string | null }> } | null };

export type ImagesQueryVariables = Exact<{
  filter?: HostScopedFilterInput | null | undefined;
  first?: number | null | undefined;
}>;


export type ImagesQuery = { images: { totalCount: number, nodes: Array<{ id: string, dockerId: string, repoTags: Array<string>, sizeBytes: number, createdAt: string, host: { id: string } }> } };

export type NetworksQueryVariables = Exact<{
  filter?: HostScopedFilterInput | null | undefined;
  first?: number | null | undefined;
}>;


export type NetworksQuery = { networks: { totalCount: number, nodes: Array<{ id: string, dockerId: string, name: string, driver: string, scope: string, host: { id: string } }> } };

export type VolumesQueryVariables = Exact<{
  filter?: HostScopedFilterInput | null | undefined;
  first?: number | null | undefined;
}>;


export type VolumesQuery = { volumes: { totalCount: number, nodes: Array<{ id: string, name: string, driver: string, mountpoint: string | null, host: { id: string } }> } };

export type DockerEventsQueryVariables = Exact<{
  filter?: DockerEventFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DockerEventsQuery = { dockerEvents: { totalCount: number, nodes: Array<{ id: string, hostId: string, type: string, action: string, actorId: string, actorName: string | null, attributes: unknown, severity: EventSeverity, time: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FleetInventoryQueryVariables = Exact<{
  first?: number | null | undefined;
  containers?: number | null | undefined;
}>;


export type FleetInventoryQuery = { dockerHosts: { totalCount: number, nodes: Array<{ id: string, name: string, containers: { totalCount: number, nodes: Array<{ id: string, name: string, state: ContainerState, status: string, createdAt: string, startedAt: string | null, finishedAt: string | null, labels: unknown, ports: Array<{ privatePort: number }>, host: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, images: { totalCount: number }, networks: { totalCount: number }, volumes: { totalCount: number }, health: { containers: { total: number, running: number, healthy: number, unhealthy: number, starting: number, none: number } } }> } };

export type HostHealthQueryVariables = Exact<{
  id: string | number;
}>;


export type HostHealthQuery = { dockerHost: { id: string, health: { status: DockerHostStatus, reachable: boolean | null, containers: { total: number, running: number, healthy: number, unhealthy: number, starting: number, none: number }, usage: { sampledContainers: number, cpuPercent: number, memoryBytes: number, sampledAt: string } | null } } | null };

export type ContainerStateChangedSubscriptionVariables = Exact<{
  hostId?: string | number | null | undefined;
}>;


export type ContainerStateChangedSubscription = { containerStateChanged: { hostId: string, previousState: ContainerState | null, state: ContainerState, removed: boolean, at: string, container: { id: string, dockerId: string, name: string, state: ContainerState, exitCode: number | null, health: ContainerHealth, startedAt: string | null, finishedAt: string | null } } };

export type DockerEventReceivedSubscriptionVariables = Exact<{
  filter?: DockerEventFilterInput | null | undefined;
}>;


export type DockerEventReceivedSubscription = { dockerEventReceived: { id: string, hostId: string, type: string, action: string, actorId: string, severity: EventSeverity, time: string } };

export type DockerHostHealthChangedSubscriptionVariables = Exact<{
  hostId?: string | number | null | undefined;
}>;


export type DockerHostHealthChangedSubscription = { dockerHostChanged: { id: string, status: DockerHostStatus, health: { containers: { total: number, healthy: number, unhealthy: number, starting: number } } } };

export type ErrorEventsSinceQueryVariables = Exact<{
  hostId?: string | number | null | undefined;
  since: string;
}>;


export type ErrorEventsSinceQuery = { dockerEvents: { totalCount: number, nodes: Array<{ action: string, actorName: string | null, attributes: unknown }> } };

export type CreateNetworkMutationVariables = Exact<{
  hostId: string | number;
  input: CreateNetworkInput;
}>;


export type CreateNetworkMutation = { createNetwork: { id: string, dockerId: string, name: string, driver: string, labels: unknown } };

export type RemoveNetworkMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveNetworkMutation = { removeNetwork: string };

export type ConnectContainerToNetworkMutationVariables = Exact<{
  networkId: string | number;
  containerId: string | number;
  aliases?: Array<string> | string | null | undefined;
}>;


export type ConnectContainerToNetworkMutation = { connectContainerToNetwork: { id: string, networks: Array<{ name: string, networkId: string | null, ipAddress: string | null }> } };

export type DisconnectContainerFromNetworkMutationVariables = Exact<{
  networkId: string | number;
  containerId: string | number;
  force?: boolean | null | undefined;
}>;


export type DisconnectContainerFromNetworkMutation = { disconnectContainerFromNetwork: { id: string, networks: Array<{ name: string }> } };

export type NetworkDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type NetworkDetailsQuery = { network: { id: string, name: string, driver: string, subnets: Array<string>, labels: unknown, containers: Array<{ dockerId: string, name: string, ipv4Address: string | null }> } };

export type CreateVolumeMutationVariables = Exact<{
  hostId: string | number;
  input: CreateVolumeInput;
}>;


export type CreateVolumeMutation = { createVolume: { id: string, name: string, driver: string, labels: unknown } };

export type RemoveVolumeMutationVariables = Exact<{
  id: string | number;
  force?: boolean | null | undefined;
}>;


export type RemoveVolumeMutation = { removeVolume: string };

export type PruneVolumesMutationVariables = Exact<{
  hostId: string | number;
  label?: string | null | undefined;
}>;


export type PruneVolumesMutation = { pruneVolumes: { removed: Array<string>, spaceReclaimedBytes: number } };

export type VolumeDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type VolumeDetailsQuery = { volume: { id: string, name: string, driver: string, mountpoint: string | null, labels: unknown, createdAt: string | null } };

export type OddInventoryQueryVariables = Exact<{
  hostId: string | number;
}>;


export type OddInventoryQuery = { containers: { nodes: Array<{ dockerId: string, name: string, state: ContainerState, command: string | null, labels: unknown }> }, images: { nodes: Array<{ dockerId: string, repoTags: Array<string>, labels: unknown }> }, networks: { nodes: Array<{ dockerId: string, name: string, labels: unknown }> }, volumes: { nodes: Array<{ name: string, labels: unknown }> } };

export type AccountQuotaQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountQuotaQuery = { accountQuota: { accountId: string, concurrentInstances: number | null, cpuMillicores: number | null, memoryMb: number | null, storageMb: number | null, use: { concurrentInstances: number, cpuMillicores: number, memoryMb: number, storageMb: number } } };

export type SetAccountQuotaMutationVariables = Exact<{
  input: SetAccountQuotaInput;
}>;


export type SetAccountQuotaMutation = { setAccountQuota: { accountId: string, concurrentInstances: number | null, cpuMillicores: number | null, memoryMb: number | null, storageMb: number | null, use: { concurrentInstances: number } } };

export type ClusterFieldsFragment = { id: string, name: string, environment: DockerHostEnvironment, managerEndpoint: string, activeEndpoint: string | null, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, swarmId: string | null, nodeCount: number | null, managerCount: number | null, managersReachable: number | null, hasQuorum: boolean | null, leaderNodeId: string | null, dockerVersion: string | null, syncOwner: string | null };

export type NodeFieldsFragment = { id: string, dockerId: string, hostname: string, role: string, availability: string, state: string, address: string | null, managerReachability: string | null, leader: boolean, engineVersion: string | null, labels: unknown, cpus: number | null, memoryBytes: number | null };

export type RegisterSwarmClusterMutationVariables = Exact<{
  input: RegisterSwarmClusterInput;
}>;


export type RegisterSwarmClusterMutation = { registerSwarmCluster: { id: string, name: string, environment: DockerHostEnvironment, managerEndpoint: string, activeEndpoint: string | null, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, swarmId: string | null, nodeCount: number | null, managerCount: number | null, managersReachable: number | null, hasQuorum: boolean | null, leaderNodeId: string | null, dockerVersion: string | null, syncOwner: string | null } };

export type UpdateSwarmClusterMutationVariables = Exact<{
  id: string | number;
  input: UpdateSwarmClusterInput;
}>;


export type UpdateSwarmClusterMutation = { updateSwarmCluster: { id: string, name: string, environment: DockerHostEnvironment, managerEndpoint: string, activeEndpoint: string | null, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, swarmId: string | null, nodeCount: number | null, managerCount: number | null, managersReachable: number | null, hasQuorum: boolean | null, leaderNodeId: string | null, dockerVersion: string | null, syncOwner: string | null } };

export type DeleteSwarmClusterMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteSwarmClusterMutation = { deleteSwarmCluster: string };

export type SyncSwarmClusterMutationVariables = Exact<{
  id: string | number;
}>;


export type SyncSwarmClusterMutation = { syncSwarmCluster: { id: string, name: string, environment: DockerHostEnvironment, managerEndpoint: string, activeEndpoint: string | null, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, swarmId: string | null, nodeCount: number | null, managerCount: number | null, managersReachable: number | null, hasQuorum: boolean | null, leaderNodeId: string | null, dockerVersion: string | null, syncOwner: string | null } };

export type SwarmClusterQueryVariables = Exact<{
  id: string | number;
}>;


export type SwarmClusterQuery = { swarmCluster: { id: string, name: string, environment: DockerHostEnvironment, managerEndpoint: string, activeEndpoint: string | null, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, swarmId: string | null, nodeCount: number | null, managerCount: number | null, managersReachable: number | null, hasQuorum: boolean | null, leaderNodeId: string | null, dockerVersion: string | null, syncOwner: string | null, nodes: { totalCount: number, nodes: Array<{ id: string, dockerId: string, hostname: string, role: string, availability: string, state: string, address: string | null, managerReachability: string | null, leader: boolean, engineVersion: string | null, labels: unknown, cpus: number | null, memoryBytes: number | null, host: { id: string, name: string } | null }> } } };

export type SwarmClustersQueryVariables = Exact<{
  filter?: SwarmClusterFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SwarmClustersQuery = { swarmClusters: { totalCount: number, nodes: Array<{ id: string, name: string, environment: DockerHostEnvironment, managerEndpoint: string, activeEndpoint: string | null, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, swarmId: string | null, nodeCount: number | null, managerCount: number | null, managersReachable: number | null, hasQuorum: boolean | null, leaderNodeId: string | null, dockerVersion: string | null, syncOwner: string | null }> } };

export type SwarmClusterHealthQueryVariables = Exact<{
  id: string | number;
}>;


export type SwarmClusterHealthQuery = { swarmClusterHealth: { status: DockerHostStatus, managersTotal: number, managersReachable: number, quorumNeeded: number, hasQuorum: boolean, healthy: boolean, leader: { hostname: string } | null, nodesDown: Array<{ hostname: string, state: string }>, nodesDrained: Array<{ hostname: string, availability: string }>, servicesNotConverged: Array<{ running: number, desired: number, service: { name: string }, failingTasks: Array<{ state: string, error: string | null, nodeId: string | null }> }> } };

export type HostSwarmNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type HostSwarmNodeQuery = { dockerHost: { id: string, swarmNodeId: string | null, swarmNode: { dockerId: string, role: string, cluster: { id: string } } | null } | null };

export type SwarmClusterChangedSubscriptionVariables = Exact<{
  clusterId?: string | number | null | undefined;
}>;


export type SwarmClusterChangedSubscription = { swarmClusterChanged: { id: string, name: string, environment: DockerHostEnvironment, managerEndpoint: string, activeEndpoint: string | null, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, swarmId: string | null, nodeCount: number | null, managerCount: number | null, managersReachable: number | null, hasQuorum: boolean | null, leaderNodeId: string | null, dockerVersion: string | null, syncOwner: string | null } };

export type SwarmClusterHealthChangedSubscriptionVariables = Exact<{
  clusterId: string | number;
}>;


export type SwarmClusterHealthChangedSubscription = { swarmClusterHealthChanged: { hasQuorum: boolean, managersReachable: number, managersTotal: number, healthy: boolean } };

export type SwarmNodeChangedSubscriptionVariables = Exact<{
  clusterId?: string | number | null | undefined;
}>;


export type SwarmNodeChangedSubscription = { swarmNodeChanged: { clusterId: string, change: SwarmChange, object: { id: string, dockerId: string, hostname: string, role: string, availability: string, state: string, address: string | null, managerReachability: string | null, leader: boolean, engineVersion: string | null, labels: unknown, cpus: number | null, memoryBytes: number | null } } };

export type SwarmTaskChangedSubscriptionVariables = Exact<{
  clusterId?: string | number | null | undefined;
}>;


export type SwarmTaskChangedSubscription = { swarmTaskChanged: { clusterId: string, change: SwarmChange, object: { dockerId: string, serviceId: string, nodeId: string | null, state: string, desiredState: string, upToDate: boolean, error: string | null } } };

export type SwarmTasksQueryVariables = Exact<{
  filter?: SwarmFilterInput | null | undefined;
  first?: number | null | undefined;
}>;


export type SwarmTasksQuery = { swarmTasks: { totalCount: number, nodes: Array<{ dockerId: string, serviceId: string, nodeId: string | null, slot: number | null, state: string, desiredState: string, upToDate: boolean, error: string | null, exitCode: number | null }> } };

export type UpdateSwarmNodeMutationVariables = Exact<{
  id: string | number;
  input: UpdateSwarmNodeInput;
}>;


export type UpdateSwarmNodeMutation = { updateSwarmNode: { id: string, dockerId: string, hostname: string, role: string, availability: string, state: string, address: string | null, managerReachability: string | null, leader: boolean, engineVersion: string | null, labels: unknown, cpus: number | null, memoryBytes: number | null } };

export type DemoteSwarmNodeMutationVariables = Exact<{
  id: string | number;
}>;


export type DemoteSwarmNodeMutation = { demoteSwarmNode: { id: string, dockerId: string, hostname: string, role: string, availability: string, state: string, address: string | null, managerReachability: string | null, leader: boolean, engineVersion: string | null, labels: unknown, cpus: number | null, memoryBytes: number | null } };

export type PromoteSwarmNodeMutationVariables = Exact<{
  id: string | number;
}>;


export type PromoteSwarmNodeMutation = { promoteSwarmNode: { id: string, dockerId: string, hostname: string, role: string, availability: string, state: string, address: string | null, managerReachability: string | null, leader: boolean, engineVersion: string | null, labels: unknown, cpus: number | null, memoryBytes: number | null } };

export type RemoveSwarmNodeMutationVariables = Exact<{
  id: string | number;
  force: boolean;
}>;


export type RemoveSwarmNodeMutation = { removeSwarmNode: string };

export type InitSwarmMutationVariables = Exact<{
  hostId: string | number;
  input: InitSwarmInput;
}>;


export type InitSwarmMutation = { initSwarm: { id: string, name: string, environment: DockerHostEnvironment, managerEndpoint: string, activeEndpoint: string | null, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, swarmId: string | null, nodeCount: number | null, managerCount: number | null, managersReachable: number | null, hasQuorum: boolean | null, leaderNodeId: string | null, dockerVersion: string | null, syncOwner: string | null } };

export type JoinSwarmMutationVariables = Exact<{
  hostId: string | number;
  clusterId: string | number;
  role: SwarmNodeRole;
  advertiseAddr?: string | null | undefined;
}>;


export type JoinSwarmMutation = { joinSwarm: { id: string, name: string, environment: DockerHostEnvironment, managerEndpoint: string, activeEndpoint: string | null, status: DockerHostStatus, tlsVerify: boolean, hasTlsCredentials: boolean, consecutiveFailures: number, lastError: string | null, lastErrorCode: string | null, lastCheckedAt: string | null, swarmId: string | null, nodeCount: number | null, managerCount: number | null, managersReachable: number | null, hasQuorum: boolean | null, leaderNodeId: string | null, dockerVersion: string | null, syncOwner: string | null } };

export type LeaveSwarmMutationVariables = Exact<{
  hostId: string | number;
  force: boolean;
}>;


export type LeaveSwarmMutation = { leaveSwarm: { id: string, swarmNodeId: string | null } };

export type UpdateSwarmMutationVariables = Exact<{
  clusterId: string | number;
  input: UpdateSwarmInput;
}>;


export type UpdateSwarmMutation = { updateSwarm: { id: string, swarm: { id: string, versionIndex: number, spec: unknown } | null } };

export type SwarmNodesQueryVariables = Exact<{
  filter?: SwarmFilterInput | null | undefined;
  first?: number | null | undefined;
}>;


export type SwarmNodesQuery = { swarmNodes: { totalCount: number, nodes: Array<{ id: string, dockerId: string, hostname: string, role: string, availability: string, state: string, address: string | null, managerReachability: string | null, leader: boolean, engineVersion: string | null, labels: unknown, cpus: number | null, memoryBytes: number | null }> } };

export type SwarmEventsQueryVariables = Exact<{
  filter?: SwarmEventFilterInput | null | undefined;
  first?: number | null | undefined;
}>;


export type SwarmEventsQuery = { swarmEvents: { totalCount: number, nodes: Array<{ type: string, action: string, actorId: string, actorName: string | null, attributes: unknown, time: string }> } };

export type SwarmNodeReservedQueryVariables = Exact<{
  filter?: SwarmFilterInput | null | undefined;
}>;


export type SwarmNodeReservedQuery = { swarmNodes: { nodes: Array<{ dockerId: string, reserved: { cpus: number, memoryBytes: number, tasks: number } }> } };

export type SwarmFleetQueryVariables = Exact<{
  clusters?: number | null | undefined;
  services?: number | null | undefined;
  tasks?: number | null | undefined;
}>;


export type SwarmFleetQuery = { swarmClusters: { totalCount: number, nodes: Array<{ id: string, name: string, hasQuorum: boolean | null, services: { totalCount: number, nodes: Array<{ name: string, replicas: number | null, runningTasks: number | null, tasks: { totalCount: number, nodes: Array<{ state: string, nodeId: string | null }> } }> } }> } };

export type BenchSwarmServiceChangedSubscriptionVariables = Exact<{
  clusterId?: string | number | null | undefined;
}>;


export type BenchSwarmServiceChangedSubscription = { swarmServiceChanged: { clusterId: string, change: SwarmChange, object: { dockerId: string, name: string, labels: unknown, runningTasks: number | null, replicas: number | null } } };

export type SecretFieldsFragment = { id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> };

export type ConfigFieldsFragment = { id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> };

export type CreateSwarmSecretMutationVariables = Exact<{
  clusterId: string | number;
  input: CreateSwarmSecretInput;
}>;


export type CreateSwarmSecretMutation = { createSwarmSecret: { id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> } };

export type UpdateSwarmSecretMutationVariables = Exact<{
  id: string | number;
  input: UpdateSwarmSecretInput;
}>;


export type UpdateSwarmSecretMutation = { updateSwarmSecret: { id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> } };

export type RemoveSwarmSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveSwarmSecretMutation = { removeSwarmSecret: string };

export type RotateSwarmSecretMutationVariables = Exact<{
  id: string | number;
  data?: string | null | undefined;
  dataBase64?: string | null | undefined;
  keepPrevious?: boolean | null | undefined;
}>;


export type RotateSwarmSecretMutation = { rotateSwarmSecret: { previousName: string, previousKept: string | null, secret: { id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> }, services: Array<{ id: string, dockerId: string, name: string, spec: unknown }> } };

export type SwarmSecretQueryVariables = Exact<{
  id: string | number;
}>;


export type SwarmSecretQuery = { swarmSecret: { id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> } };

export type CreateSwarmConfigMutationVariables = Exact<{
  clusterId: string | number;
  input: CreateSwarmConfigInput;
}>;


export type CreateSwarmConfigMutation = { createSwarmConfig: { id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> } };

export type UpdateSwarmConfigMutationVariables = Exact<{
  id: string | number;
  input: UpdateSwarmConfigInput;
}>;


export type UpdateSwarmConfigMutation = { updateSwarmConfig: { id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> } };

export type RemoveSwarmConfigMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveSwarmConfigMutation = { removeSwarmConfig: string };

export type RotateSwarmConfigMutationVariables = Exact<{
  id: string | number;
  data?: string | null | undefined;
  dataBase64?: string | null | undefined;
  keepPrevious?: boolean | null | undefined;
}>;


export type RotateSwarmConfigMutation = { rotateSwarmConfig: { previousName: string, previousKept: string | null, config: { id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> }, services: Array<{ id: string, dockerId: string, name: string, spec: unknown }> } };

export type SwarmConfigQueryVariables = Exact<{
  id: string | number;
}>;


export type SwarmConfigQuery = { swarmConfig: { id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> } };

export type SwarmServiceDataQueryVariables = Exact<{
  id: string | number;
}>;


export type SwarmServiceDataQuery = { swarmService: { id: string, name: string, secrets: Array<{ id: string, name: string }>, configs: Array<{ id: string, name: string }> } };

export type ClusterSecretsQueryVariables = Exact<{
  id: string | number;
}>;


export type ClusterSecretsQuery = { swarmCluster: { id: string, secrets: { totalCount: number, nodes: Array<{ id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> }> }, configs: { totalCount: number, nodes: Array<{ id: string, dockerId: string, name: string, labels: unknown, createdAt: string | null, usedBy: Array<{ id: string, dockerId: string, name: string }> }> } } };

export type ServiceFieldsFragment = { id: string, dockerId: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, labels: unknown, spec: unknown, previousSpec: unknown, updateState: string | null, updatedAt: string };

export type CreateSwarmServiceMutationVariables = Exact<{
  clusterId: string | number;
  spec: SwarmServiceSpecInput;
}>;


export type CreateSwarmServiceMutation = { createSwarmService: { warnings: Array<string>, id: string, dockerId: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, labels: unknown, spec: unknown, previousSpec: unknown, updateState: string | null, updatedAt: string } };

export type UpdateSwarmServiceMutationVariables = Exact<{
  id: string | number;
  spec: SwarmServiceUpdateInput;
}>;


export type UpdateSwarmServiceMutation = { updateSwarmService: { warnings: Array<string>, id: string, dockerId: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, labels: unknown, spec: unknown, previousSpec: unknown, updateState: string | null, updatedAt: string } };

export type ScaleSwarmServiceMutationVariables = Exact<{
  id: string | number;
  replicas: number;
}>;


export type ScaleSwarmServiceMutation = { scaleSwarmService: { id: string, dockerId: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, labels: unknown, spec: unknown, previousSpec: unknown, updateState: string | null, updatedAt: string } };

export type RedeploySwarmServiceMutationVariables = Exact<{
  id: string | number;
}>;


export type RedeploySwarmServiceMutation = { redeploySwarmService: { id: string, dockerId: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, labels: unknown, spec: unknown, previousSpec: unknown, updateState: string | null, updatedAt: string } };

export type RollbackSwarmServiceMutationVariables = Exact<{
  id: string | number;
}>;


export type RollbackSwarmServiceMutation = { rollbackSwarmService: { id: string, dockerId: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, labels: unknown, spec: unknown, previousSpec: unknown, updateState: string | null, updatedAt: string } };

export type RemoveSwarmServiceMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveSwarmServiceMutation = { removeSwarmService: string };

export type SwarmServiceWithTasksQueryVariables = Exact<{
  id: string | number;
}>;


export type SwarmServiceWithTasksQuery = { swarmService: { id: string, dockerId: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, labels: unknown, spec: unknown, previousSpec: unknown, updateState: string | null, updatedAt: string, tasks: { totalCount: number, nodes: Array<{ dockerId: string, nodeId: string | null, slot: number | null, state: string, desiredState: string, upToDate: boolean, error: string | null, message: string | null }> } } };

export type SwarmServiceLogsQueryVariables = Exact<{
  id: string | number;
  tail?: number | null | undefined;
  since?: string | null | undefined;
}>;


export type SwarmServiceLogsQuery = { swarmServiceLogs: { truncated: boolean, lines: Array<{ stream: LogStream, line: string, taskId: string | null, nodeId: string | null }> } };

export type SwarmServiceLogStreamSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type SwarmServiceLogStreamSubscription = { swarmServiceLogStream: { stream: LogStream, line: string, taskId: string | null, nodeId: string | null } };

export type SwarmServiceChangedSubscriptionVariables = Exact<{
  clusterId?: string | number | null | undefined;
}>;


export type SwarmServiceChangedSubscription = { swarmServiceChanged: { clusterId: string, change: SwarmChange, object: { id: string, dockerId: string, name: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, updateState: string | null } } };

export type StackFieldsFragment = { clusterId: string, name: string, status: SwarmStackStatus, hint: string | null, networks: Array<string>, secrets: Array<string>, configs: Array<string>, services: Array<{ name: string, shortName: string, mode: string, status: SwarmStackServiceStatus, running: number, desired: number, updateState: string | null, problems: Array<{ taskId: string, nodeId: string | null, nodeHostname: string | null, state: string, error: string | null, imagePull: boolean }>, tasks: Array<{ dockerId: string, nodeId: string | null, state: string, upToDate: boolean }>, service: { id: string, dockerId: string, image: string | null, replicas: number | null, labels: unknown, spec: unknown } }> };

export type DeployStackMutationVariables = Exact<{
  clusterId: string | number;
  input: DeployStackInput;
  deployment?: DeploymentOptionsInput | null | undefined;
}>;


export type DeployStackMutation = { deployStack: { engineWarnings: Array<string>, stack: { clusterId: string, name: string, status: SwarmStackStatus, hint: string | null, networks: Array<string>, secrets: Array<string>, configs: Array<string>, services: Array<{ name: string, shortName: string, mode: string, status: SwarmStackServiceStatus, running: number, desired: number, updateState: string | null, problems: Array<{ taskId: string, nodeId: string | null, nodeHostname: string | null, state: string, error: string | null, imagePull: boolean }>, tasks: Array<{ dockerId: string, nodeId: string | null, state: string, upToDate: boolean }>, service: { id: string, dockerId: string, image: string | null, replicas: number | null, labels: unknown, spec: unknown } }> }, warnings: Array<{ path: string, line: number | null, message: string }>, changes: Array<{ kind: StackObjectKind, name: string, action: StackChangeAction, dockerId: string | null }>, operation: { id: string, clusterId: string, stack: string, kind: StackOperationKind, status: ImageOperationStatus, lastMessage: string | null, error: string | null, errorCode: string | null, summary: unknown, startedAt: string, finishedAt: string | null } | null, deployment: { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, reason: string | null, strategy: DeploymentStrategyKind, options: unknown, source: DeploymentSource, compose: string | null, digests: unknown, reproduces: string | null, reproducesRevision: number | null, previousRevision: number | null, actorId: string, description: string | null, requested: string | null, stepCount: number, createdAt: string, startedAt: string | null, finishedAt: string | null, deadlineAt: string | null, services: Array<{ name: string, dockerId: string | null, image: string | null, digest: string | null, specVersion: number | null, spec: unknown, outcome: string | null, message: string | null }> } } };

export type RemoveStackMutationVariables = Exact<{
  clusterId: string | number;
  name: string;
}>;


export type RemoveStackMutation = { removeStack: { name: string, failures: Array<string>, changes: Array<{ kind: StackObjectKind, name: string, action: StackChangeAction }>, operation: { id: string, clusterId: string, stack: string, kind: StackOperationKind, status: ImageOperationStatus, lastMessage: string | null, error: string | null, errorCode: string | null, summary: unknown, startedAt: string, finishedAt: string | null } } };

export type StackOperationFieldsFragment = { id: string, clusterId: string, stack: string, kind: StackOperationKind, status: ImageOperationStatus, lastMessage: string | null, error: string | null, errorCode: string | null, summary: unknown, startedAt: string, finishedAt: string | null };

export type StackOperationQueryVariables = Exact<{
  id: string | number;
}>;


export type StackOperationQuery = { stackOperation: { id: string, clusterId: string, stack: string, kind: StackOperationKind, status: ImageOperationStatus, lastMessage: string | null, error: string | null, errorCode: string | null, summary: unknown, startedAt: string, finishedAt: string | null } };

export type StackOperationProgressSubscriptionVariables = Exact<{
  operationId: string | number;
}>;


export type StackOperationProgressSubscription = { stackOperationProgress: { operationId: string, status: ImageOperationStatus, message: string | null, part: string | null, done: boolean, error: string | null } };

export type SwarmStackQueryVariables = Exact<{
  clusterId: string | number;
  name: string;
}>;


export type SwarmStackQuery = { swarmStack: { clusterId: string, name: string, status: SwarmStackStatus, hint: string | null, networks: Array<string>, secrets: Array<string>, configs: Array<string>, services: Array<{ name: string, shortName: string, mode: string, status: SwarmStackServiceStatus, running: number, desired: number, updateState: string | null, problems: Array<{ taskId: string, nodeId: string | null, nodeHostname: string | null, state: string, error: string | null, imagePull: boolean }>, tasks: Array<{ dockerId: string, nodeId: string | null, state: string, upToDate: boolean }>, service: { id: string, dockerId: string, image: string | null, replicas: number | null, labels: unknown, spec: unknown } }> } };

export type SwarmStacksQueryVariables = Exact<{
  clusterId: string | number;
}>;


export type SwarmStacksQuery = { swarmStacks: Array<{ name: string, status: SwarmStackStatus, services: Array<{ name: string, running: number, desired: number }> }> };

export type PrePullImageMutationVariables = Exact<{
  clusterId: string | number;
  image: string;
  timeoutSeconds?: number | null | undefined;
}>;


export type PrePullImageMutation = { prePullImage: { image: string, pulled: number, failed: number, nodes: Array<{ nodeId: string, hostname: string, ok: boolean, state: string | null, error: string | null }> } };

export type TaskCallbackDeliveriesQueryVariables = Exact<{
  filter?: TaskCallbackDeliveryFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TaskCallbackDeliveriesQuery = { taskCallbackDeliveries: { totalCount: number, nodes: Array<{ id: string, instanceId: string, taskId: string, callbackUrl: string, event: string, body: string, status: TaskCallbackStatus, attempts: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, deliveredAt: string | null, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TaskCallbackSecretSetQueryVariables = Exact<{ [key: string]: never; }>;


export type TaskCallbackSecretSetQuery = { taskCallbackSecretSet: boolean };

export type RotateTaskCallbackSecretMutationVariables = Exact<{ [key: string]: never; }>;


export type RotateTaskCallbackSecretMutation = { rotateTaskCallbackSecret: { secret: string, createdAt: string } };

export type TemplateFieldsFragment = { id: string, name: string, version: number, image: string, command: Array<string> | null, envNames: Array<string>, cpuMillicores: number, memoryMb: number, storageMb: number, timeoutSeconds: number, killGraceSeconds: number, cleanupPolicy: ContainerCleanupPolicy, vaultPolicies: Array<string>, vaultTtlSeconds: number, vaultDelivery: VaultTokenDelivery, placementLabels: unknown, pinnedDigest: string | null };

export type CreateContainerTemplateMutationVariables = Exact<{
  input: ContainerTemplateInput;
}>;


export type CreateContainerTemplateMutation = { createContainerTemplate: { id: string, name: string, version: number, image: string, command: Array<string> | null, envNames: Array<string>, cpuMillicores: number, memoryMb: number, storageMb: number, timeoutSeconds: number, killGraceSeconds: number, cleanupPolicy: ContainerCleanupPolicy, vaultPolicies: Array<string>, vaultTtlSeconds: number, vaultDelivery: VaultTokenDelivery, placementLabels: unknown, pinnedDigest: string | null } };

export type UpdateContainerTemplateMutationVariables = Exact<{
  id: string | number;
  input: ContainerTemplateInput;
}>;


export type UpdateContainerTemplateMutation = { updateContainerTemplate: { id: string, name: string, version: number, image: string, command: Array<string> | null, envNames: Array<string>, cpuMillicores: number, memoryMb: number, storageMb: number, timeoutSeconds: number, killGraceSeconds: number, cleanupPolicy: ContainerCleanupPolicy, vaultPolicies: Array<string>, vaultTtlSeconds: number, vaultDelivery: VaultTokenDelivery, placementLabels: unknown, pinnedDigest: string | null } };

export type DeleteContainerTemplateMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteContainerTemplateMutation = { deleteContainerTemplate: string };

export type ContainerTemplatesQueryVariables = Exact<{ [key: string]: never; }>;


export type ContainerTemplatesQuery = { containerTemplates: Array<{ id: string, name: string, version: number, image: string, command: Array<string> | null, envNames: Array<string>, cpuMillicores: number, memoryMb: number, storageMb: number, timeoutSeconds: number, killGraceSeconds: number, cleanupPolicy: ContainerCleanupPolicy, vaultPolicies: Array<string>, vaultTtlSeconds: number, vaultDelivery: VaultTokenDelivery, placementLabels: unknown, pinnedDigest: string | null }> };

export type ContainerTemplateQueryVariables = Exact<{
  id: string | number;
}>;


export type ContainerTemplateQuery = { containerTemplate: { id: string, name: string, version: number, image: string, command: Array<string> | null, envNames: Array<string>, cpuMillicores: number, memoryMb: number, storageMb: number, timeoutSeconds: number, killGraceSeconds: number, cleanupPolicy: ContainerCleanupPolicy, vaultPolicies: Array<string>, vaultTtlSeconds: number, vaultDelivery: VaultTokenDelivery, placementLabels: unknown, pinnedDigest: string | null } };

export type TrafficRouterFieldsFragment = { id: string, name: string, kind: TrafficRouterKind, runtimeEndpoint: string, masterEndpoint: string, configPath: string, createdAt: string };

export type RegisterTrafficRouterMutationVariables = Exact<{
  input: RegisterTrafficRouterInput;
}>;


export type RegisterTrafficRouterMutation = { registerTrafficRouter: { id: string, name: string, kind: TrafficRouterKind, runtimeEndpoint: string, masterEndpoint: string, configPath: string, createdAt: string } };

export type TrafficRoutersQueryVariables = Exact<{ [key: string]: never; }>;


export type TrafficRoutersQuery = { trafficRouters: Array<{ id: string, name: string, kind: TrafficRouterKind, runtimeEndpoint: string, masterEndpoint: string, configPath: string, createdAt: string }> };

export type TrafficRouterQueryVariables = Exact<{
  id: string | number;
}>;


export type TrafficRouterQuery = { trafficRouter: { id: string, name: string, kind: TrafficRouterKind, runtimeEndpoint: string, masterEndpoint: string, configPath: string, createdAt: string } };

export type DeleteTrafficRouterMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteTrafficRouterMutation = { deleteTrafficRouter: string };

export type TrafficRoutesQueryVariables = Exact<{
  routerId: string | number;
}>;


export type TrafficRoutesQuery = { trafficRoutes: Array<{ id: string, routerId: string, clusterId: string, stack: string, service: string, listenPort: number, backend: string, updatedAt: string, servers: Array<{ name: string, address: string, port: number, weight: number, version: string | null }> }> };

export type TrafficRouteStatsQueryVariables = Exact<{
  routeId: string | number;
}>;


export type TrafficRouteStatsQuery = { trafficRouteStats: Array<{ name: string, version: string | null, weight: number, status: string, requests: number, responses2xx: number, errors5xx: number, meanResponseTimeMs: number }> };

export const DeploymentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"compose"}},{"kind":"Field","name":{"kind":"Name","value":"digests"}},{"kind":"Field","name":{"kind":"Name","value":"reproduces"}},{"kind":"Field","name":{"kind":"Name","value":"reproducesRevision"}},{"kind":"Field","name":{"kind":"Name","value":"previousRevision"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"specVersion"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<DeploymentFieldsFragment, unknown>;
export const DeploymentStepFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploymentStepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeploymentStep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deploymentId"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]} as unknown as DocumentNode<DeploymentStepFieldsFragment, unknown>;
export const DiagnosisFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DiagnosisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Diagnosis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symptom"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"firstAction"}},{"kind":"Field","name":{"kind":"Name","value":"mutations"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}}]} as unknown as DocumentNode<DiagnosisFieldsFragment, unknown>;
export const HostFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DockerHost"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"apiEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"syncIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osType"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"storageBytes"}},{"kind":"Field","name":{"kind":"Name","value":"containerCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<HostFieldsFragment, unknown>;
export const ImageOperationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImageOperationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ImageOperationFieldsFragment, unknown>;
export const InstanceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerInstance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"templateVersion"}},{"kind":"Field","name":{"kind":"Name","value":"retryOf"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"placementReason"}},{"kind":"Field","name":{"kind":"Name","value":"containerId"}},{"kind":"Field","name":{"kind":"Name","value":"envNames"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"stdout"}},{"kind":"Field","name":{"kind":"Name","value":"stderr"}},{"kind":"Field","name":{"kind":"Name","value":"outputTruncated"}},{"kind":"Field","name":{"kind":"Name","value":"hasSecurityViolations"}},{"kind":"Field","name":{"kind":"Name","value":"violations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memoryUsedMb"}},{"kind":"Field","name":{"kind":"Name","value":"peakMemoryUsedMb"}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsedMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"peakCpuUsedMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"storageUsedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"networkBytesIn"}},{"kind":"Field","name":{"kind":"Name","value":"networkBytesOut"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"sampledAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskRef"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vaultRevokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"diagnosis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symptom"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"firstAction"}},{"kind":"Field","name":{"kind":"Name","value":"mutations"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<InstanceFieldsFragment, unknown>;
export const ContainerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"ports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privatePort"}},{"kind":"Field","name":{"kind":"Name","value":"publicPort"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"networkId"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ContainerFieldsFragment, unknown>;
export const ClusterFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClusterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmCluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"managerEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"swarmId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"managerCount"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"leaderNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}}]}}]} as unknown as DocumentNode<ClusterFieldsFragment, unknown>;
export const NodeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"managerReachability"}},{"kind":"Field","name":{"kind":"Name","value":"leader"}},{"kind":"Field","name":{"kind":"Name","value":"engineVersion"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"cpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}}]}}]} as unknown as DocumentNode<NodeFieldsFragment, unknown>;
export const SecretFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmSecret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SecretFieldsFragment, unknown>;
export const ConfigFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConfigFieldsFragment, unknown>;
export const ServiceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"runningTasks"}},{"kind":"Field","name":{"kind":"Name","value":"desiredTasks"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"previousSpec"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ServiceFieldsFragment, unknown>;
export const StackFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StackFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmStack"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"networks"}},{"kind":"Field","name":{"kind":"Name","value":"secrets"}},{"kind":"Field","name":{"kind":"Name","value":"configs"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"desired"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeHostname"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"imagePull"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"upToDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}}]}}]}}]}}]} as unknown as DocumentNode<StackFieldsFragment, unknown>;
export const StackOperationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StackOperationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StackOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<StackOperationFieldsFragment, unknown>;
export const TemplateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TemplateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerTemplate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"envNames"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"storageMb"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"killGraceSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cleanupPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"vaultPolicies"}},{"kind":"Field","name":{"kind":"Name","value":"vaultTtlSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"vaultDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"placementLabels"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedDigest"}}]}}]} as unknown as DocumentNode<TemplateFieldsFragment, unknown>;
export const TrafficRouterFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TrafficRouterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrafficRouter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"runtimeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"masterEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"configPath"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<TrafficRouterFieldsFragment, unknown>;
export const ActivitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Activities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"dockerHost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ActivitiesQuery, ActivitiesQueryVariables>;
export const RevokeTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokedBefore"}},{"kind":"Field","name":{"kind":"Name","value":"revokedBy"}}]}}]}}]} as unknown as DocumentNode<RevokeTokensMutation, RevokeTokensMutationVariables>;
export const CreateContainerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateContainerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"ports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privatePort"}},{"kind":"Field","name":{"kind":"Name","value":"publicPort"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"networkId"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateContainerMutation, CreateContainerMutationVariables>;
export const StartContainerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"ports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privatePort"}},{"kind":"Field","name":{"kind":"Name","value":"publicPort"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"networkId"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<StartContainerMutation, StartContainerMutationVariables>;
export const StopContainerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StopContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeoutSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeoutSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeoutSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"ports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privatePort"}},{"kind":"Field","name":{"kind":"Name","value":"publicPort"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"networkId"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<StopContainerMutation, StopContainerMutationVariables>;
export const RestartContainerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestartContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restartContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"ports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privatePort"}},{"kind":"Field","name":{"kind":"Name","value":"publicPort"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"networkId"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RestartContainerMutation, RestartContainerMutationVariables>;
export const RemoveContainerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"force"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"removeVolumes"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"force"},"value":{"kind":"Variable","name":{"kind":"Name","value":"force"}}},{"kind":"Argument","name":{"kind":"Name","value":"removeVolumes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"removeVolumes"}}}]}]}}]} as unknown as DocumentNode<RemoveContainerMutation, RemoveContainerMutationVariables>;
export const ExecInContainerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExecInContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"command"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"env"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workingDir"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"user"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeoutSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"execInContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"command"},"value":{"kind":"Variable","name":{"kind":"Name","value":"command"}}},{"kind":"Argument","name":{"kind":"Name","value":"env"},"value":{"kind":"Variable","name":{"kind":"Name","value":"env"}}},{"kind":"Argument","name":{"kind":"Name","value":"workingDir"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workingDir"}}},{"kind":"Argument","name":{"kind":"Name","value":"user"},"value":{"kind":"Variable","name":{"kind":"Name","value":"user"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeoutSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeoutSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"stdout"}},{"kind":"Field","name":{"kind":"Name","value":"stderr"}},{"kind":"Field","name":{"kind":"Name","value":"timedOut"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}}]}}]}}]} as unknown as DocumentNode<ExecInContainerMutation, ExecInContainerMutationVariables>;
export const ContainerLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tail"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timestamps"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"tail"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tail"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}},{"kind":"Argument","name":{"kind":"Name","value":"timestamps"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timestamps"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stdout"}},{"kind":"Field","name":{"kind":"Name","value":"stderr"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}}]}}]}}]} as unknown as DocumentNode<ContainerLogsQuery, ContainerLogsQueryVariables>;
export const ContainerLogStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ContainerLogStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerLogStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"line"}}]}}]}}]} as unknown as DocumentNode<ContainerLogStreamSubscription, ContainerLogStreamSubscriptionVariables>;
export const ContainerStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ContainerStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"memoryLimitBytes"}},{"kind":"Field","name":{"kind":"Name","value":"networkRxBytes"}},{"kind":"Field","name":{"kind":"Name","value":"networkTxBytes"}},{"kind":"Field","name":{"kind":"Name","value":"blockReadBytes"}},{"kind":"Field","name":{"kind":"Name","value":"blockWriteBytes"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ContainerStatsSubscription, ContainerStatsSubscriptionVariables>;
export const DeploymentTrafficDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeploymentTraffic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"trafficMode"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]} as unknown as DocumentNode<DeploymentTrafficQuery, DeploymentTrafficQueryVariables>;
export const DeploymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Deployment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploymentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"compose"}},{"kind":"Field","name":{"kind":"Name","value":"digests"}},{"kind":"Field","name":{"kind":"Name","value":"reproduces"}},{"kind":"Field","name":{"kind":"Name","value":"reproducesRevision"}},{"kind":"Field","name":{"kind":"Name","value":"previousRevision"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"specVersion"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<DeploymentQuery, DeploymentQueryVariables>;
export const DeploymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Deployments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeploymentFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploymentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"compose"}},{"kind":"Field","name":{"kind":"Name","value":"digests"}},{"kind":"Field","name":{"kind":"Name","value":"reproduces"}},{"kind":"Field","name":{"kind":"Name","value":"reproducesRevision"}},{"kind":"Field","name":{"kind":"Name","value":"previousRevision"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"specVersion"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<DeploymentsQuery, DeploymentsQueryVariables>;
export const RedeployDeploymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeployDeployment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deployment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeploymentOptionsInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeployDeployment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"deployment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deployment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deployment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploymentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"compose"}},{"kind":"Field","name":{"kind":"Name","value":"digests"}},{"kind":"Field","name":{"kind":"Name","value":"reproduces"}},{"kind":"Field","name":{"kind":"Name","value":"reproducesRevision"}},{"kind":"Field","name":{"kind":"Name","value":"previousRevision"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"specVersion"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<RedeployDeploymentMutation, RedeployDeploymentMutationVariables>;
export const RollbackStackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RollbackStack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toRevision"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollbackStack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"toRevision"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toRevision"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deployment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploymentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"compose"}},{"kind":"Field","name":{"kind":"Name","value":"digests"}},{"kind":"Field","name":{"kind":"Name","value":"reproduces"}},{"kind":"Field","name":{"kind":"Name","value":"reproducesRevision"}},{"kind":"Field","name":{"kind":"Name","value":"previousRevision"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"specVersion"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<RollbackStackMutation, RollbackStackMutationVariables>;
export const PromoteDeploymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PromoteDeployment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoteDeployment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploymentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"compose"}},{"kind":"Field","name":{"kind":"Name","value":"digests"}},{"kind":"Field","name":{"kind":"Name","value":"reproduces"}},{"kind":"Field","name":{"kind":"Name","value":"reproducesRevision"}},{"kind":"Field","name":{"kind":"Name","value":"previousRevision"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"specVersion"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<PromoteDeploymentMutation, PromoteDeploymentMutationVariables>;
export const AbortDeploymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AbortDeployment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"abortDeployment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploymentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"compose"}},{"kind":"Field","name":{"kind":"Name","value":"digests"}},{"kind":"Field","name":{"kind":"Name","value":"reproduces"}},{"kind":"Field","name":{"kind":"Name","value":"reproducesRevision"}},{"kind":"Field","name":{"kind":"Name","value":"previousRevision"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"specVersion"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<AbortDeploymentMutation, AbortDeploymentMutationVariables>;
export const DeploymentProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeploymentProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deploymentProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploymentStepFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploymentStepFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeploymentStep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deploymentId"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]} as unknown as DocumentNode<DeploymentProgressSubscription, DeploymentProgressSubscriptionVariables>;
export const DeploymentChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeploymentChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeploymentChangedFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deploymentChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<DeploymentChangedSubscription, DeploymentChangedSubscriptionVariables>;
export const StackRevisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StackRevision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmStack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"revision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"revision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StackRevisionQuery, StackRevisionQueryVariables>;
export const PlanDeploymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanDeployment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeployStackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planDeployment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"differences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasksToRestart"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"pullsImage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ignored"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"imagesToPull"}},{"kind":"Field","name":{"kind":"Name","value":"unresolvedImages"}}]}}]}}]} as unknown as DocumentNode<PlanDeploymentQuery, PlanDeploymentQueryVariables>;
export const DockerHostDiagnosisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DockerHostDiagnosis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"diagnosis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DiagnosisFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DiagnosisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Diagnosis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symptom"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"firstAction"}},{"kind":"Field","name":{"kind":"Name","value":"mutations"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}}]} as unknown as DocumentNode<DockerHostDiagnosisQuery, DockerHostDiagnosisQueryVariables>;
export const SwarmClusterDiagnosisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmClusterDiagnosis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmCluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"diagnosis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DiagnosisFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DiagnosisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Diagnosis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symptom"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"firstAction"}},{"kind":"Field","name":{"kind":"Name","value":"mutations"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}}]} as unknown as DocumentNode<SwarmClusterDiagnosisQuery, SwarmClusterDiagnosisQueryVariables>;
export const SwarmStackDiagnosisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmStackDiagnosis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmStack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"diagnosis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DiagnosisFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DiagnosisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Diagnosis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symptom"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"firstAction"}},{"kind":"Field","name":{"kind":"Name","value":"mutations"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}}]} as unknown as DocumentNode<SwarmStackDiagnosisQuery, SwarmStackDiagnosisQueryVariables>;
export const RegisterDockerHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterDockerHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterDockerHostInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerDockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DockerHost"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"apiEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"syncIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osType"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"storageBytes"}},{"kind":"Field","name":{"kind":"Name","value":"containerCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RegisterDockerHostMutation, RegisterDockerHostMutationVariables>;
export const UpdateDockerHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateDockerHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateDockerHostInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DockerHost"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"apiEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"syncIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osType"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"storageBytes"}},{"kind":"Field","name":{"kind":"Name","value":"containerCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateDockerHostMutation, UpdateDockerHostMutationVariables>;
export const ConnectDockerHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConnectDockerHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectDockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DockerHost"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"apiEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"syncIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osType"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"storageBytes"}},{"kind":"Field","name":{"kind":"Name","value":"containerCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ConnectDockerHostMutation, ConnectDockerHostMutationVariables>;
export const DisconnectDockerHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisconnectDockerHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disconnectDockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DockerHost"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"apiEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"syncIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osType"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"storageBytes"}},{"kind":"Field","name":{"kind":"Name","value":"containerCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<DisconnectDockerHostMutation, DisconnectDockerHostMutationVariables>;
export const SetDockerHostMaintenanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDockerHostMaintenance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDockerHostMaintenance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DockerHost"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"apiEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"syncIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osType"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"storageBytes"}},{"kind":"Field","name":{"kind":"Name","value":"containerCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SetDockerHostMaintenanceMutation, SetDockerHostMaintenanceMutationVariables>;
export const RecoverDockerHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecoverDockerHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recoverDockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DockerHost"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"apiEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"syncIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osType"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"storageBytes"}},{"kind":"Field","name":{"kind":"Name","value":"containerCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RecoverDockerHostMutation, RecoverDockerHostMutationVariables>;
export const DeleteDockerHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteDockerHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteDockerHostMutation, DeleteDockerHostMutationVariables>;
export const DockerHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DockerHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DockerHost"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"apiEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"syncIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osType"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"storageBytes"}},{"kind":"Field","name":{"kind":"Name","value":"containerCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<DockerHostQuery, DockerHostQueryVariables>;
export const DockerHostsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DockerHosts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DockerHostFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerHosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DockerHostsQuery, DockerHostsQueryVariables>;
export const DockerHostChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DockerHostChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerHostChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"syncIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}}]}}]}}]} as unknown as DocumentNode<DockerHostChangedSubscription, DockerHostChangedSubscriptionVariables>;
export const DockerHostDeletedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DockerHostDeleted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerHostDeleted"}}]}}]} as unknown as DocumentNode<DockerHostDeletedSubscription, DockerHostDeletedSubscriptionVariables>;
export const SyncDockerHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncDockerHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncDockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DockerHost"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"apiEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"syncIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"apiVersion"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osType"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"storageBytes"}},{"kind":"Field","name":{"kind":"Name","value":"containerCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SyncDockerHostMutation, SyncDockerHostMutationVariables>;
export const PullImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PullImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reference"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"wait"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pullImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reference"}}},{"kind":"Argument","name":{"kind":"Name","value":"wait"},"value":{"kind":"Variable","name":{"kind":"Name","value":"wait"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImageOperationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImageOperationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<PullImageMutation, PullImageMutationVariables>;
export const PushImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PushImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reference"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"wait"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pushImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reference"}}},{"kind":"Argument","name":{"kind":"Name","value":"wait"},"value":{"kind":"Variable","name":{"kind":"Name","value":"wait"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImageOperationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImageOperationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<PushImageMutation, PushImageMutationVariables>;
export const BuildImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BuildImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BuildImageInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"wait"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"wait"},"value":{"kind":"Variable","name":{"kind":"Name","value":"wait"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImageOperationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImageOperationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<BuildImageMutation, BuildImageMutationVariables>;
export const TagImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TagImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"repository"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tag"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tagImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"repository"},"value":{"kind":"Variable","name":{"kind":"Name","value":"repository"}}},{"kind":"Argument","name":{"kind":"Name","value":"tag"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tag"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"repoTags"}}]}}]}}]} as unknown as DocumentNode<TagImageMutation, TagImageMutationVariables>;
export const RemoveImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"force"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reference"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"force"},"value":{"kind":"Variable","name":{"kind":"Name","value":"force"}}},{"kind":"Argument","name":{"kind":"Name","value":"reference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reference"}}}]}]}}]} as unknown as DocumentNode<RemoveImageMutation, RemoveImageMutationVariables>;
export const ImageDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"repoTags"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"architecture"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"cmd"}},{"kind":"Field","name":{"kind":"Name","value":"env"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"layers"}}]}}]}}]} as unknown as DocumentNode<ImageDetailsQuery, ImageDetailsQueryVariables>;
export const ImageOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageOperation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImageOperationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImageOperationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ImageOperationQuery, ImageOperationQueryVariables>;
export const ImageOperationProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ImageOperationProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"operationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageOperationProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"operationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"operationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}}]}}]}}]} as unknown as DocumentNode<ImageOperationProgressSubscription, ImageOperationProgressSubscriptionVariables>;
export const SetRegistryCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetRegistryCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetRegistryCredentialInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRegistryCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registry"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<SetRegistryCredentialMutation, SetRegistryCredentialMutationVariables>;
export const DeleteRegistryCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteRegistryCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteRegistryCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteRegistryCredentialMutation, DeleteRegistryCredentialMutationVariables>;
export const RegistryCredentialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistryCredentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registryCredentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registry"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<RegistryCredentialsQuery, RegistryCredentialsQueryVariables>;
export const RunContainerInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunContainerInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunContainerInstanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runContainerInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerInstance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"templateVersion"}},{"kind":"Field","name":{"kind":"Name","value":"retryOf"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"placementReason"}},{"kind":"Field","name":{"kind":"Name","value":"containerId"}},{"kind":"Field","name":{"kind":"Name","value":"envNames"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"stdout"}},{"kind":"Field","name":{"kind":"Name","value":"stderr"}},{"kind":"Field","name":{"kind":"Name","value":"outputTruncated"}},{"kind":"Field","name":{"kind":"Name","value":"hasSecurityViolations"}},{"kind":"Field","name":{"kind":"Name","value":"violations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memoryUsedMb"}},{"kind":"Field","name":{"kind":"Name","value":"peakMemoryUsedMb"}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsedMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"peakCpuUsedMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"storageUsedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"networkBytesIn"}},{"kind":"Field","name":{"kind":"Name","value":"networkBytesOut"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"sampledAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskRef"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vaultRevokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"diagnosis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symptom"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"firstAction"}},{"kind":"Field","name":{"kind":"Name","value":"mutations"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<RunContainerInstanceMutation, RunContainerInstanceMutationVariables>;
export const CancelContainerInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelContainerInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelContainerInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerInstance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"templateVersion"}},{"kind":"Field","name":{"kind":"Name","value":"retryOf"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"placementReason"}},{"kind":"Field","name":{"kind":"Name","value":"containerId"}},{"kind":"Field","name":{"kind":"Name","value":"envNames"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"stdout"}},{"kind":"Field","name":{"kind":"Name","value":"stderr"}},{"kind":"Field","name":{"kind":"Name","value":"outputTruncated"}},{"kind":"Field","name":{"kind":"Name","value":"hasSecurityViolations"}},{"kind":"Field","name":{"kind":"Name","value":"violations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memoryUsedMb"}},{"kind":"Field","name":{"kind":"Name","value":"peakMemoryUsedMb"}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsedMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"peakCpuUsedMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"storageUsedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"networkBytesIn"}},{"kind":"Field","name":{"kind":"Name","value":"networkBytesOut"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"sampledAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskRef"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vaultRevokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"diagnosis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symptom"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"firstAction"}},{"kind":"Field","name":{"kind":"Name","value":"mutations"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<CancelContainerInstanceMutation, CancelContainerInstanceMutationVariables>;
export const RetryContainerInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryContainerInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryContainerInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerInstance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"templateVersion"}},{"kind":"Field","name":{"kind":"Name","value":"retryOf"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"placementReason"}},{"kind":"Field","name":{"kind":"Name","value":"containerId"}},{"kind":"Field","name":{"kind":"Name","value":"envNames"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"stdout"}},{"kind":"Field","name":{"kind":"Name","value":"stderr"}},{"kind":"Field","name":{"kind":"Name","value":"outputTruncated"}},{"kind":"Field","name":{"kind":"Name","value":"hasSecurityViolations"}},{"kind":"Field","name":{"kind":"Name","value":"violations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memoryUsedMb"}},{"kind":"Field","name":{"kind":"Name","value":"peakMemoryUsedMb"}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsedMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"peakCpuUsedMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"storageUsedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"networkBytesIn"}},{"kind":"Field","name":{"kind":"Name","value":"networkBytesOut"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"sampledAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskRef"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vaultRevokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"diagnosis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symptom"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"firstAction"}},{"kind":"Field","name":{"kind":"Name","value":"mutations"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<RetryContainerInstanceMutation, RetryContainerInstanceMutationVariables>;
export const CleanupVaultTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CleanupVaultToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cleanupVaultToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vaultRevokedAt"}}]}}]}}]} as unknown as DocumentNode<CleanupVaultTokenMutation, CleanupVaultTokenMutationVariables>;
export const ContainerInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerInstance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"templateVersion"}},{"kind":"Field","name":{"kind":"Name","value":"retryOf"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"placementReason"}},{"kind":"Field","name":{"kind":"Name","value":"containerId"}},{"kind":"Field","name":{"kind":"Name","value":"envNames"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"stdout"}},{"kind":"Field","name":{"kind":"Name","value":"stderr"}},{"kind":"Field","name":{"kind":"Name","value":"outputTruncated"}},{"kind":"Field","name":{"kind":"Name","value":"hasSecurityViolations"}},{"kind":"Field","name":{"kind":"Name","value":"violations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memoryUsedMb"}},{"kind":"Field","name":{"kind":"Name","value":"peakMemoryUsedMb"}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsedMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"peakCpuUsedMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"storageUsedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"networkBytesIn"}},{"kind":"Field","name":{"kind":"Name","value":"networkBytesOut"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"sampledAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskRef"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vaultRevokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"diagnosis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symptom"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"firstAction"}},{"kind":"Field","name":{"kind":"Name","value":"mutations"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ContainerInstanceQuery, ContainerInstanceQueryVariables>;
export const ContainerInstancesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerInstances"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerInstanceFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerInstances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hasSecurityViolations"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ContainerInstancesQuery, ContainerInstancesQueryVariables>;
export const ContainerInstanceChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ContainerInstanceChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerInstanceChangedFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerInstanceChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"containerId"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}}]}}]}}]} as unknown as DocumentNode<ContainerInstanceChangedSubscription, ContainerInstanceChangedSubscriptionVariables>;
export const ContainersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Containers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerFields"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"ports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privatePort"}},{"kind":"Field","name":{"kind":"Name","value":"publicPort"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"networkId"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ContainersQuery, ContainersQueryVariables>;
export const ContainerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Container"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"container"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"ports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privatePort"}},{"kind":"Field","name":{"kind":"Name","value":"publicPort"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"networkId"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ContainerQuery, ContainerQueryVariables>;
export const ImagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Images"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostScopedFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"repoTags"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImagesQuery, ImagesQueryVariables>;
export const NetworksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Networks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostScopedFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"networks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NetworksQuery, NetworksQueryVariables>;
export const VolumesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Volumes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostScopedFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"mountpoint"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VolumesQuery, VolumesQueryVariables>;
export const DockerEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DockerEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DockerEventFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DockerEventsQuery, DockerEventsQueryVariables>;
export const FleetInventoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FleetInventory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"containers"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerHosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"containers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"containers"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"ports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privatePort"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"healthy"}},{"kind":"Field","name":{"kind":"Name","value":"unhealthy"}},{"kind":"Field","name":{"kind":"Name","value":"starting"}},{"kind":"Field","name":{"kind":"Name","value":"none"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FleetInventoryQuery, FleetInventoryQueryVariables>;
export const HostHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reachable"}},{"kind":"Field","name":{"kind":"Name","value":"containers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"healthy"}},{"kind":"Field","name":{"kind":"Name","value":"unhealthy"}},{"kind":"Field","name":{"kind":"Name","value":"starting"}},{"kind":"Field","name":{"kind":"Name","value":"none"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sampledContainers"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sampledAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostHealthQuery, HostHealthQueryVariables>;
export const ContainerStateChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ContainerStateChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerStateChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"previousState"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"container"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ContainerStateChangedSubscription, ContainerStateChangedSubscriptionVariables>;
export const DockerEventReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DockerEventReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DockerEventFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerEventReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}}]}}]} as unknown as DocumentNode<DockerEventReceivedSubscription, DockerEventReceivedSubscriptionVariables>;
export const DockerHostHealthChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DockerHostHealthChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerHostChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"healthy"}},{"kind":"Field","name":{"kind":"Name","value":"unhealthy"}},{"kind":"Field","name":{"kind":"Name","value":"starting"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DockerHostHealthChangedSubscription, DockerHostHealthChangedSubscriptionVariables>;
export const ErrorEventsSinceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ErrorEventsSince"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"severity"},"value":{"kind":"EnumValue","value":"ERROR"}},{"kind":"ObjectField","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}}]}}]}}]}}]} as unknown as DocumentNode<ErrorEventsSinceQuery, ErrorEventsSinceQueryVariables>;
export const CreateNetworkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateNetwork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateNetworkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createNetwork"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}}]}}]}}]} as unknown as DocumentNode<CreateNetworkMutation, CreateNetworkMutationVariables>;
export const RemoveNetworkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveNetwork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeNetwork"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RemoveNetworkMutation, RemoveNetworkMutationVariables>;
export const ConnectContainerToNetworkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConnectContainerToNetwork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"networkId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"containerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"aliases"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectContainerToNetwork"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"networkId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"networkId"}}},{"kind":"Argument","name":{"kind":"Name","value":"containerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"containerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"aliases"},"value":{"kind":"Variable","name":{"kind":"Name","value":"aliases"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"networkId"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}}]}}]}}]}}]} as unknown as DocumentNode<ConnectContainerToNetworkMutation, ConnectContainerToNetworkMutationVariables>;
export const DisconnectContainerFromNetworkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisconnectContainerFromNetwork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"networkId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"containerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"force"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disconnectContainerFromNetwork"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"networkId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"networkId"}}},{"kind":"Argument","name":{"kind":"Name","value":"containerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"containerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"force"},"value":{"kind":"Variable","name":{"kind":"Name","value":"force"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DisconnectContainerFromNetworkMutation, DisconnectContainerFromNetworkMutationVariables>;
export const NetworkDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NetworkDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"subnets"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"containers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ipv4Address"}}]}}]}}]}}]} as unknown as DocumentNode<NetworkDetailsQuery, NetworkDetailsQueryVariables>;
export const CreateVolumeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateVolume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVolumeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createVolume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}}]}}]}}]} as unknown as DocumentNode<CreateVolumeMutation, CreateVolumeMutationVariables>;
export const RemoveVolumeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveVolume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"force"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeVolume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"force"},"value":{"kind":"Variable","name":{"kind":"Name","value":"force"}}}]}]}}]} as unknown as DocumentNode<RemoveVolumeMutation, RemoveVolumeMutationVariables>;
export const PruneVolumesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PruneVolumes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pruneVolumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"spaceReclaimedBytes"}}]}}]}}]} as unknown as DocumentNode<PruneVolumesMutation, PruneVolumesMutationVariables>;
export const VolumeDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolumeDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"mountpoint"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<VolumeDetailsQuery, VolumeDetailsQueryVariables>;
export const OddInventoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OddInventory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"repoTags"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}}]}}]}}]}}]} as unknown as DocumentNode<OddInventoryQuery, OddInventoryQueryVariables>;
export const AccountQuotaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"concurrentInstances"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"storageMb"}},{"kind":"Field","name":{"kind":"Name","value":"use"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concurrentInstances"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"storageMb"}}]}}]}}]}}]} as unknown as DocumentNode<AccountQuotaQuery, AccountQuotaQueryVariables>;
export const SetAccountQuotaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetAccountQuota"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetAccountQuotaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAccountQuota"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"concurrentInstances"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"storageMb"}},{"kind":"Field","name":{"kind":"Name","value":"use"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concurrentInstances"}}]}}]}}]}}]} as unknown as DocumentNode<SetAccountQuotaMutation, SetAccountQuotaMutationVariables>;
export const RegisterSwarmClusterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterSwarmCluster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterSwarmClusterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerSwarmCluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClusterFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClusterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmCluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"managerEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"swarmId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"managerCount"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"leaderNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}}]}}]} as unknown as DocumentNode<RegisterSwarmClusterMutation, RegisterSwarmClusterMutationVariables>;
export const UpdateSwarmClusterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSwarmCluster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSwarmClusterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSwarmCluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClusterFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClusterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmCluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"managerEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"swarmId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"managerCount"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"leaderNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}}]}}]} as unknown as DocumentNode<UpdateSwarmClusterMutation, UpdateSwarmClusterMutationVariables>;
export const DeleteSwarmClusterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSwarmCluster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSwarmCluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteSwarmClusterMutation, DeleteSwarmClusterMutationVariables>;
export const SyncSwarmClusterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncSwarmCluster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncSwarmCluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClusterFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClusterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmCluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"managerEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"swarmId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"managerCount"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"leaderNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}}]}}]} as unknown as DocumentNode<SyncSwarmClusterMutation, SyncSwarmClusterMutationVariables>;
export const SwarmClusterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmCluster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmCluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClusterFields"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NodeFields"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClusterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmCluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"managerEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"swarmId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"managerCount"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"leaderNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"managerReachability"}},{"kind":"Field","name":{"kind":"Name","value":"leader"}},{"kind":"Field","name":{"kind":"Name","value":"engineVersion"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"cpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}}]}}]} as unknown as DocumentNode<SwarmClusterQuery, SwarmClusterQueryVariables>;
export const SwarmClustersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmClusters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmClusterFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmClusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClusterFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClusterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmCluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"managerEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"swarmId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"managerCount"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"leaderNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}}]}}]} as unknown as DocumentNode<SwarmClustersQuery, SwarmClustersQueryVariables>;
export const SwarmClusterHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmClusterHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmClusterHealth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"managersTotal"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"quorumNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"healthy"}},{"kind":"Field","name":{"kind":"Name","value":"leader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostname"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodesDown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodesDrained"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"servicesNotConverged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"desired"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failingTasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SwarmClusterHealthQuery, SwarmClusterHealthQueryVariables>;
export const HostSwarmNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostSwarmNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"swarmNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"swarmNode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostSwarmNodeQuery, HostSwarmNodeQueryVariables>;
export const SwarmClusterChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SwarmClusterChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmClusterChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClusterFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClusterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmCluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"managerEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"swarmId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"managerCount"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"leaderNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}}]}}]} as unknown as DocumentNode<SwarmClusterChangedSubscription, SwarmClusterChangedSubscriptionVariables>;
export const SwarmClusterHealthChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SwarmClusterHealthChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmClusterHealthChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"managersTotal"}},{"kind":"Field","name":{"kind":"Name","value":"healthy"}}]}}]}}]} as unknown as DocumentNode<SwarmClusterHealthChangedSubscription, SwarmClusterHealthChangedSubscriptionVariables>;
export const SwarmNodeChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SwarmNodeChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmNodeChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NodeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"managerReachability"}},{"kind":"Field","name":{"kind":"Name","value":"leader"}},{"kind":"Field","name":{"kind":"Name","value":"engineVersion"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"cpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}}]}}]} as unknown as DocumentNode<SwarmNodeChangedSubscription, SwarmNodeChangedSubscriptionVariables>;
export const SwarmTaskChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SwarmTaskChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmTaskChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"upToDate"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<SwarmTaskChangedSubscription, SwarmTaskChangedSubscriptionVariables>;
export const SwarmTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"slot"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"upToDate"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}}]}}]}}]}}]} as unknown as DocumentNode<SwarmTasksQuery, SwarmTasksQueryVariables>;
export const UpdateSwarmNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSwarmNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSwarmNodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSwarmNode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NodeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"managerReachability"}},{"kind":"Field","name":{"kind":"Name","value":"leader"}},{"kind":"Field","name":{"kind":"Name","value":"engineVersion"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"cpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}}]}}]} as unknown as DocumentNode<UpdateSwarmNodeMutation, UpdateSwarmNodeMutationVariables>;
export const DemoteSwarmNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoteSwarmNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"demoteSwarmNode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NodeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"managerReachability"}},{"kind":"Field","name":{"kind":"Name","value":"leader"}},{"kind":"Field","name":{"kind":"Name","value":"engineVersion"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"cpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}}]}}]} as unknown as DocumentNode<DemoteSwarmNodeMutation, DemoteSwarmNodeMutationVariables>;
export const PromoteSwarmNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PromoteSwarmNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoteSwarmNode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NodeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"managerReachability"}},{"kind":"Field","name":{"kind":"Name","value":"leader"}},{"kind":"Field","name":{"kind":"Name","value":"engineVersion"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"cpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}}]}}]} as unknown as DocumentNode<PromoteSwarmNodeMutation, PromoteSwarmNodeMutationVariables>;
export const RemoveSwarmNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveSwarmNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"force"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeSwarmNode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"force"},"value":{"kind":"Variable","name":{"kind":"Name","value":"force"}}}]}]}}]} as unknown as DocumentNode<RemoveSwarmNodeMutation, RemoveSwarmNodeMutationVariables>;
export const InitSwarmDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InitSwarm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InitSwarmInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initSwarm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClusterFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClusterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmCluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"managerEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"swarmId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"managerCount"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"leaderNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}}]}}]} as unknown as DocumentNode<InitSwarmMutation, InitSwarmMutationVariables>;
export const JoinSwarmDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinSwarm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmNodeRole"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"advertiseAddr"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinSwarm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"advertiseAddr"},"value":{"kind":"Variable","name":{"kind":"Name","value":"advertiseAddr"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClusterFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClusterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmCluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"managerEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tlsVerify"}},{"kind":"Field","name":{"kind":"Name","value":"hasTlsCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"swarmId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"managerCount"}},{"kind":"Field","name":{"kind":"Name","value":"managersReachable"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"leaderNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"dockerVersion"}},{"kind":"Field","name":{"kind":"Name","value":"syncOwner"}}]}}]} as unknown as DocumentNode<JoinSwarmMutation, JoinSwarmMutationVariables>;
export const LeaveSwarmDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LeaveSwarm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"force"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveSwarm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostId"}}},{"kind":"Argument","name":{"kind":"Name","value":"force"},"value":{"kind":"Variable","name":{"kind":"Name","value":"force"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"swarmNodeId"}}]}}]}}]} as unknown as DocumentNode<LeaveSwarmMutation, LeaveSwarmMutationVariables>;
export const UpdateSwarmDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSwarm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSwarmInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSwarm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"swarm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionIndex"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateSwarmMutation, UpdateSwarmMutationVariables>;
export const SwarmNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmNodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NodeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"managerReachability"}},{"kind":"Field","name":{"kind":"Name","value":"leader"}},{"kind":"Field","name":{"kind":"Name","value":"engineVersion"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"cpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}}]}}]} as unknown as DocumentNode<SwarmNodesQuery, SwarmNodesQueryVariables>;
export const SwarmEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmEventFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}}]}}]}}]} as unknown as DocumentNode<SwarmEventsQuery, SwarmEventsQueryVariables>;
export const SwarmNodeReservedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmNodeReserved"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmNodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpus"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SwarmNodeReservedQuery, SwarmNodeReservedQueryVariables>;
export const SwarmFleetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmFleet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusters"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"services"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tasks"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmClusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusters"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hasQuorum"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"services"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"runningTasks"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tasks"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SwarmFleetQuery, SwarmFleetQueryVariables>;
export const BenchSwarmServiceChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BenchSwarmServiceChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmServiceChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"runningTasks"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}}]}}]}}]}}]} as unknown as DocumentNode<BenchSwarmServiceChangedSubscription, BenchSwarmServiceChangedSubscriptionVariables>;
export const CreateSwarmSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSwarmSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSwarmSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSwarmSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmSecret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateSwarmSecretMutation, CreateSwarmSecretMutationVariables>;
export const UpdateSwarmSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSwarmSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSwarmSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSwarmSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmSecret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdateSwarmSecretMutation, UpdateSwarmSecretMutationVariables>;
export const RemoveSwarmSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveSwarmSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeSwarmSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RemoveSwarmSecretMutation, RemoveSwarmSecretMutationVariables>;
export const RotateSwarmSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateSwarmSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"data"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dataBase64"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keepPrevious"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateSwarmSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"data"},"value":{"kind":"Variable","name":{"kind":"Name","value":"data"}}},{"kind":"Argument","name":{"kind":"Name","value":"dataBase64"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dataBase64"}}},{"kind":"Argument","name":{"kind":"Name","value":"keepPrevious"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keepPrevious"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousName"}},{"kind":"Field","name":{"kind":"Name","value":"previousKept"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmSecret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RotateSwarmSecretMutation, RotateSwarmSecretMutationVariables>;
export const SwarmSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmSecret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SwarmSecretQuery, SwarmSecretQueryVariables>;
export const CreateSwarmConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSwarmConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSwarmConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSwarmConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfigFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateSwarmConfigMutation, CreateSwarmConfigMutationVariables>;
export const UpdateSwarmConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSwarmConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSwarmConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSwarmConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfigFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdateSwarmConfigMutation, UpdateSwarmConfigMutationVariables>;
export const RemoveSwarmConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveSwarmConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeSwarmConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RemoveSwarmConfigMutation, RemoveSwarmConfigMutationVariables>;
export const RotateSwarmConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateSwarmConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"data"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dataBase64"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keepPrevious"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateSwarmConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"data"},"value":{"kind":"Variable","name":{"kind":"Name","value":"data"}}},{"kind":"Argument","name":{"kind":"Name","value":"dataBase64"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dataBase64"}}},{"kind":"Argument","name":{"kind":"Name","value":"keepPrevious"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keepPrevious"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"config"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfigFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousName"}},{"kind":"Field","name":{"kind":"Name","value":"previousKept"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RotateSwarmConfigMutation, RotateSwarmConfigMutationVariables>;
export const SwarmConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfigFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SwarmConfigQuery, SwarmConfigQueryVariables>;
export const SwarmServiceDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmServiceData"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"secrets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"configs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SwarmServiceDataQuery, SwarmServiceDataQueryVariables>;
export const ClusterSecretsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterSecrets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmCluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"secrets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"configs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfigFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmSecret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ClusterSecretsQuery, ClusterSecretsQueryVariables>;
export const CreateSwarmServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSwarmService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spec"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmServiceSpecInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSwarmService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"spec"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spec"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceFields"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"runningTasks"}},{"kind":"Field","name":{"kind":"Name","value":"desiredTasks"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"previousSpec"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateSwarmServiceMutation, CreateSwarmServiceMutationVariables>;
export const UpdateSwarmServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSwarmService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spec"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmServiceUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSwarmService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"spec"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spec"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceFields"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"runningTasks"}},{"kind":"Field","name":{"kind":"Name","value":"desiredTasks"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"previousSpec"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateSwarmServiceMutation, UpdateSwarmServiceMutationVariables>;
export const ScaleSwarmServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScaleSwarmService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"replicas"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scaleSwarmService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"replicas"},"value":{"kind":"Variable","name":{"kind":"Name","value":"replicas"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"runningTasks"}},{"kind":"Field","name":{"kind":"Name","value":"desiredTasks"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"previousSpec"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ScaleSwarmServiceMutation, ScaleSwarmServiceMutationVariables>;
export const RedeploySwarmServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeploySwarmService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeploySwarmService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"runningTasks"}},{"kind":"Field","name":{"kind":"Name","value":"desiredTasks"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"previousSpec"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RedeploySwarmServiceMutation, RedeploySwarmServiceMutationVariables>;
export const RollbackSwarmServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RollbackSwarmService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollbackSwarmService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"runningTasks"}},{"kind":"Field","name":{"kind":"Name","value":"desiredTasks"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"previousSpec"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RollbackSwarmServiceMutation, RollbackSwarmServiceMutationVariables>;
export const RemoveSwarmServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveSwarmService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeSwarmService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RemoveSwarmServiceMutation, RemoveSwarmServiceMutationVariables>;
export const SwarmServiceWithTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmServiceWithTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceFields"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"slot"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"upToDate"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"runningTasks"}},{"kind":"Field","name":{"kind":"Name","value":"desiredTasks"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"previousSpec"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SwarmServiceWithTasksQuery, SwarmServiceWithTasksQueryVariables>;
export const SwarmServiceLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmServiceLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tail"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmServiceLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"tail"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tail"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}}]}}]}}]}}]} as unknown as DocumentNode<SwarmServiceLogsQuery, SwarmServiceLogsQueryVariables>;
export const SwarmServiceLogStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SwarmServiceLogStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmServiceLogStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}}]}}]}}]} as unknown as DocumentNode<SwarmServiceLogStreamSubscription, SwarmServiceLogStreamSubscriptionVariables>;
export const SwarmServiceChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SwarmServiceChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmServiceChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"runningTasks"}},{"kind":"Field","name":{"kind":"Name","value":"desiredTasks"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}}]}}]}}]}}]} as unknown as DocumentNode<SwarmServiceChangedSubscription, SwarmServiceChangedSubscriptionVariables>;
export const DeployStackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeployStack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeployStackInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deployment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeploymentOptionsInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployStack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"deployment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deployment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stack"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StackFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engineWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StackOperationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deployment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploymentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StackFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmStack"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"networks"}},{"kind":"Field","name":{"kind":"Name","value":"secrets"}},{"kind":"Field","name":{"kind":"Name","value":"configs"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"desired"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeHostname"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"imagePull"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"upToDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StackOperationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StackOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"compose"}},{"kind":"Field","name":{"kind":"Name","value":"digests"}},{"kind":"Field","name":{"kind":"Name","value":"reproduces"}},{"kind":"Field","name":{"kind":"Name","value":"reproducesRevision"}},{"kind":"Field","name":{"kind":"Name","value":"previousRevision"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"specVersion"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<DeployStackMutation, DeployStackMutationVariables>;
export const RemoveStackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveStack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeStack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failures"}},{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StackOperationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StackOperationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StackOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<RemoveStackMutation, RemoveStackMutationVariables>;
export const StackOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StackOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stackOperation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StackOperationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StackOperationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StackOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<StackOperationQuery, StackOperationQueryVariables>;
export const StackOperationProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StackOperationProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"operationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stackOperationProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"operationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"operationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"part"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<StackOperationProgressSubscription, StackOperationProgressSubscriptionVariables>;
export const SwarmStackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmStack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmStack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StackFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StackFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SwarmStack"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"networks"}},{"kind":"Field","name":{"kind":"Name","value":"secrets"}},{"kind":"Field","name":{"kind":"Name","value":"configs"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"desired"}},{"kind":"Field","name":{"kind":"Name","value":"updateState"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeHostname"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"imagePull"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"upToDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dockerId"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}}]}}]}}]}}]} as unknown as DocumentNode<SwarmStackQuery, SwarmStackQueryVariables>;
export const SwarmStacksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SwarmStacks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swarmStacks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"desired"}}]}}]}}]}}]} as unknown as DocumentNode<SwarmStacksQuery, SwarmStacksQueryVariables>;
export const PrePullImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PrePullImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"image"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeoutSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prePullImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clusterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"image"},"value":{"kind":"Variable","name":{"kind":"Name","value":"image"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeoutSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeoutSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"pulled"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<PrePullImageMutation, PrePullImageMutationVariables>;
export const TaskCallbackDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskCallbackDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskCallbackDeliveryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskCallbackDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TaskCallbackDeliveriesQuery, TaskCallbackDeliveriesQueryVariables>;
export const TaskCallbackSecretSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskCallbackSecretSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskCallbackSecretSet"}}]}}]} as unknown as DocumentNode<TaskCallbackSecretSetQuery, TaskCallbackSecretSetQueryVariables>;
export const RotateTaskCallbackSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateTaskCallbackSecret"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateTaskCallbackSecret"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<RotateTaskCallbackSecretMutation, RotateTaskCallbackSecretMutationVariables>;
export const CreateContainerTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateContainerTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createContainerTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TemplateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TemplateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerTemplate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"envNames"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"storageMb"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"killGraceSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cleanupPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"vaultPolicies"}},{"kind":"Field","name":{"kind":"Name","value":"vaultTtlSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"vaultDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"placementLabels"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedDigest"}}]}}]} as unknown as DocumentNode<CreateContainerTemplateMutation, CreateContainerTemplateMutationVariables>;
export const UpdateContainerTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateContainerTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateContainerTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TemplateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TemplateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerTemplate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"envNames"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"storageMb"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"killGraceSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cleanupPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"vaultPolicies"}},{"kind":"Field","name":{"kind":"Name","value":"vaultTtlSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"vaultDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"placementLabels"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedDigest"}}]}}]} as unknown as DocumentNode<UpdateContainerTemplateMutation, UpdateContainerTemplateMutationVariables>;
export const DeleteContainerTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteContainerTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteContainerTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteContainerTemplateMutation, DeleteContainerTemplateMutationVariables>;
export const ContainerTemplatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TemplateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TemplateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerTemplate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"envNames"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"storageMb"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"killGraceSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cleanupPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"vaultPolicies"}},{"kind":"Field","name":{"kind":"Name","value":"vaultTtlSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"vaultDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"placementLabels"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedDigest"}}]}}]} as unknown as DocumentNode<ContainerTemplatesQuery, ContainerTemplatesQueryVariables>;
export const ContainerTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TemplateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TemplateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerTemplate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"envNames"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMillicores"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"storageMb"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"killGraceSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cleanupPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"vaultPolicies"}},{"kind":"Field","name":{"kind":"Name","value":"vaultTtlSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"vaultDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"placementLabels"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedDigest"}}]}}]} as unknown as DocumentNode<ContainerTemplateQuery, ContainerTemplateQueryVariables>;
export const RegisterTrafficRouterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterTrafficRouter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterTrafficRouterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerTrafficRouter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TrafficRouterFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TrafficRouterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrafficRouter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"runtimeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"masterEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"configPath"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RegisterTrafficRouterMutation, RegisterTrafficRouterMutationVariables>;
export const TrafficRoutersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrafficRouters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trafficRouters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TrafficRouterFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TrafficRouterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrafficRouter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"runtimeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"masterEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"configPath"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<TrafficRoutersQuery, TrafficRoutersQueryVariables>;
export const TrafficRouterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrafficRouter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trafficRouter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TrafficRouterFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TrafficRouterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrafficRouter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"runtimeEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"masterEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"configPath"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<TrafficRouterQuery, TrafficRouterQueryVariables>;
export const DeleteTrafficRouterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTrafficRouter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTrafficRouter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteTrafficRouterMutation, DeleteTrafficRouterMutationVariables>;
export const TrafficRoutesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrafficRoutes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"routerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trafficRoutes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"routerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"routerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"routerId"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"listenPort"}},{"kind":"Field","name":{"kind":"Name","value":"backend"}},{"kind":"Field","name":{"kind":"Name","value":"servers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<TrafficRoutesQuery, TrafficRoutesQueryVariables>;
export const TrafficRouteStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrafficRouteStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"routeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trafficRouteStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"routeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"routeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"responses2xx"}},{"kind":"Field","name":{"kind":"Name","value":"errors5xx"}},{"kind":"Field","name":{"kind":"Name","value":"meanResponseTimeMs"}}]}}]}}]} as unknown as DocumentNode<TrafficRouteStatsQuery, TrafficRouteStatsQueryVariables>;