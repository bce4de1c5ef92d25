/**
 * What `docker stack deploy` sends to the Engine API, as plain JSON-ready objects. Field names and presence follow the
 * Go types of moby's api/types/swarm as encoding/json writes them (an `omitempty` zero is left out, other fields are
 * always there: `Labels`, `TaskTemplate.ForceUpdate`, `UpdateConfig.Order`...), so a stack deployed here and one
 * deployed with the docker CLI carry the same spec, and swarmkit sees no change between them.
 * Durations are nanoseconds, sizes bytes.
 */

export type Labels = Record<string, string>;

export interface ServiceSpec {
  Name: string;
  Labels: Labels;
  TaskTemplate: TaskSpec;
  Mode: ServiceMode;
  UpdateConfig?: UpdateConfig;
  RollbackConfig?: UpdateConfig;
  EndpointSpec?: EndpointSpec;
}

export interface TaskSpec {
  ContainerSpec: ContainerSpec;
  Resources?: { Limits?: ResourceLimit; Reservations?: ResourceReservation };
  RestartPolicy?: RestartPolicy;
  Placement?: Placement;
  Networks?: NetworkAttachment[];
  LogDriver?: Driver;
  /** Always 0 here: the deployer keeps the running service's value, as the CLI does (a changed value restarts tasks). */
  ForceUpdate: number;
}

export interface ContainerSpec {
  Image: string;
  Labels?: Labels;
  Command?: string[];
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  /** The CLI always sends an empty Privileges object; an absent one would read to swarmkit as a different spec. */
  Privileges: { CredentialSpec: null; SELinuxContext: null; NoNewPrivileges: false };
  Init?: boolean;
  StopSignal?: string;
  TTY?: boolean;
  OpenStdin?: boolean;
  ReadOnly?: boolean;
  Mounts?: Mount[];
  StopGracePeriod?: number;
  Healthcheck?: HealthConfig;
  Hosts?: string[];
  DNSConfig?: { Nameservers?: string[]; Search?: string[]; Options?: string[] };
  /** SecretID is '' here: the deployer fills it from the secret's name once the secret exists. */
  Secrets?: SecretReference[];
  Configs?: ConfigReference[];
  Isolation?: string;
  Sysctls?: Labels;
  CapabilityAdd?: string[];
  CapabilityDrop?: string[];
  Ulimits?: { Name: string; Soft: number; Hard: number }[];
  OomScoreAdj?: number;
}

export interface FileTarget {
  Name: string;
  UID: string;
  GID: string;
  Mode: number;
}
export interface SecretReference {
  File: FileTarget;
  SecretID: string;
  SecretName: string;
}
export interface ConfigReference {
  File: FileTarget;
  ConfigID: string;
  ConfigName: string;
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

export interface Mount {
  Type: 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string };
  VolumeOptions?: { NoCopy?: boolean; Labels?: Labels; Subpath?: string; DriverConfig?: Driver };
  ImageOptions?: { Subpath?: string };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
  ClusterOptions?: Record<string, never>;
}

export interface Driver {
  Name?: string;
  Options?: Labels;
}

export interface ResourceLimit {
  NanoCPUs?: number;
  MemoryBytes?: number;
  Pids?: number;
}
export interface ResourceReservation {
  NanoCPUs?: number;
  MemoryBytes?: number;
  GenericResources?: { DiscreteResourceSpec?: { Kind?: string; Value?: number } }[];
}

export interface RestartPolicy {
  Condition?: string;
  Delay?: number;
  MaxAttempts?: number;
  Window?: number;
}

export interface Placement {
  Constraints?: string[];
  Preferences?: { Spread: { SpreadDescriptor: string } }[];
  MaxReplicas?: number;
}

export interface NetworkAttachment {
  Target: string;
  Aliases?: string[];
  DriverOpts?: Labels;
}

export interface ServiceMode {
  Replicated?: { Replicas?: number };
  Global?: Record<string, never>;
  ReplicatedJob?: { MaxConcurrent?: number; TotalCompletions?: number };
  GlobalJob?: Record<string, never>;
}

export interface UpdateConfig {
  Parallelism: number;
  Delay?: number;
  FailureAction?: string;
  Monitor?: number;
  MaxFailureRatio: number;
  Order: string;
}

export interface PortConfig {
  Protocol?: string;
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: string;
}

export interface EndpointSpec {
  Mode?: string;
  Ports?: PortConfig[];
}

/** The body of `POST /networks/create` (the CLI's NetworkCreateOptions plus the name). */
export interface NetworkCreateSpec {
  Name: string;
  Driver: string;
  Labels: Labels;
  Options?: Labels;
  Internal?: boolean;
  Attachable?: boolean;
  IPAM?: { Driver?: string; Config?: { Subnet: string }[] };
}

/** The body of `POST /secrets/create` and `POST /configs/create`: `Data` is base64, as encoding/json writes []byte. */
export interface SecretSpec {
  Name: string;
  Labels: Labels;
  Data?: string;
  Driver?: Driver;
  Templating?: Driver;
}
export type ConfigSpec = Omit<SecretSpec, 'Driver'>;

export interface PlannedNetwork {
  /** The network's name on the swarm (`<stack>_<key>`, or its `name:`). */
  name: string;
  /** External: it must already exist with scope "swarm"; the stack never creates or removes it. */
  external: boolean;
  spec?: NetworkCreateSpec;
}

export interface PlannedSecret {
  name: string;
  external: boolean;
  labels: Labels;
  /** The content (absent for external and driver-backed secrets). Docker refuses to change it once created. */
  data?: Buffer;
  spec?: SecretSpec;
}
export interface PlannedConfig {
  name: string;
  external: boolean;
  labels: Labels;
  data?: Buffer;
  spec?: ConfigSpec;
}

/** A top-level volume: swarm creates it on each node from the mount's VolumeOptions; nothing is created up front. */
export interface PlannedVolume {
  name: string;
  external: boolean;
}

export interface PlannedService {
  /** The compose key (`web`); the service's name is `spec.Name` (`<stack>_web`). */
  shortName: string;
  spec: ServiceSpec;
  /** Names of the secrets and configs the spec references: their IDs go into the spec's references before sending. */
  secretRefs: string[];
  configRefs: string[];
}

/** In the CLI's order of work: networks, then secrets, configs, services. Each list sorted by name. */
export interface StackPlan {
  namespace: string;
  networks: PlannedNetwork[];
  secrets: PlannedSecret[];
  configs: PlannedConfig[];
  volumes: PlannedVolume[];
  services: PlannedService[];
}

/** A key the file sets that swarm does not apply, or another thing the deployer should say; never an error. */
export interface ComposeWarning {
  path: string;
  line?: number;
  message: string;
}

export interface ParsedStack {
  plan: StackPlan;
  warnings: ComposeWarning[];
}
