import { InputError } from '../common/errors';
import type { EngineSpec } from '../docker/swarm.types';
import type { SwarmFileReferenceInput, SwarmServiceFields, SwarmServiceSpecInput, SwarmServiceUpdateInput, SwarmUpdateConfigInput } from './service.inputs';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A swarm object the input may name: by its name or its id. */
export interface NamedObject {
  id: string;
  name: string;
}

/** What names in an input resolve against: the cluster's swarm networks, secrets and configs, as the Engine lists them. */
export interface ClusterNames {
  networks: readonly NamedObject[];
  secrets: readonly NamedObject[];
  configs: readonly NamedObject[];
}

const NS = 1e9;
const MAX_REPLICAS = 10_000;
const PROTOCOLS = ['tcp', 'udp', 'sctp'];
/** Engine-side service names are DNS labels (swarmkit's validateName: up to 63 of [a-zA-Z0-9-_], no leading dash). */
const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;
const MODES: Record<string, Json> = {
  replicated: { Replicated: { Replicas: 1 } },
  global: { Global: {} },
  'replicated-job': { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } },
  'global-job': { GlobalJob: {} },
};

/** The mode of an Engine ServiceSpec, in the API's words. */
export function modeOf(spec: EngineSpec): string {
  const mode = (spec.Mode ?? {}) as Json;
  if (mode.Global) return 'global';
  if (mode.ReplicatedJob) return 'replicated-job';
  if (mode.GlobalJob) return 'global-job';
  return 'replicated';
}

/**
 * The Engine ServiceSpec of a typed create input, names of networks, secrets and configs resolved to ids on the
 * cluster. Every problem is BAD_USER_INPUT naming its field under `at` (`spec.replicas`, `spec.networks[1]`).
 */
export function toServiceSpec(input: SwarmServiceSpecInput, names: ClusterNames, at = 'spec'): EngineSpec {
  const name = input.name?.trim() ?? '';
  if (!SERVICE_NAME.test(name)) throw new InputError(`${at}.name`, 'must be 1-63 letters, digits, "-" or "_", not starting with "-" or "_"');
  const mode = input.mode ?? 'replicated';
  const spec: Json = { Name: name, Labels: {}, TaskTemplate: { ContainerSpec: {} }, Mode: structuredClone(MODES[mode]) };
  if (mode === 'replicated-job' || mode === 'global-job') spec.TaskTemplate.RestartPolicy = { Condition: 'on-failure' };
  if (!input.image?.trim()) throw new InputError(`${at}.image`, 'is required');
  applyFields(spec, input, names, at);
  return spec;
}

/**
 * The service's CURRENT Engine spec with a patch applied: each field given replaces that part of the spec, the rest is
 * the Engine's as it is (ForceUpdate, fields this API has no input for, what another writer just changed). Pure: the
 * caller runs it inside the adapter's read-modify-write, so it may run more than once.
 */
export function applyServicePatch(current: EngineSpec, patch: SwarmServiceUpdateInput, names: ClusterNames, at = 'spec'): EngineSpec {
  const spec = structuredClone(current) as Json;
  spec.TaskTemplate ??= {};
  spec.TaskTemplate.ContainerSpec ??= {};
  if (patch.image != null && !patch.image.trim()) throw new InputError(`${at}.image`, 'must not be empty');
  applyFields(spec, patch, names, at);
  return spec;
}

/** Sets replicas of a replicated service (or the concurrency of a replicated job); global modes have none. */
export function scaleSpec(current: EngineSpec, replicas: number, field = 'replicas'): EngineSpec {
  checkReplicas(replicas, field);
  const spec = structuredClone(current) as Json;
  const mode = modeOf(spec);
  if (mode === 'replicated') spec.Mode = { Replicated: { Replicas: replicas } };
  else if (mode === 'replicated-job') spec.Mode.ReplicatedJob.MaxConcurrent = replicas;
  else throw new InputError(field, `cannot be set on a ${mode} service: it runs one task on every eligible node (constrain its placement instead)`);
  return spec;
}

function applyFields(spec: Json, input: SwarmServiceFields & { image?: string | null }, names: ClusterNames, at: string): void {
  const task = spec.TaskTemplate as Json;
  const container = task.ContainerSpec as Json;
  const set = <T>(value: T | null | undefined, apply: (value: T) => void) => {
    if (value != null) apply(value);
  };
  set(input.image, (image) => (container.Image = image.trim()));
  set(input.command, (command) => (container.Command = [...command]));
  set(input.args, (args) => (container.Args = [...args]));
  set(input.env, (env) => (container.Env = env.map((entry, i) => checkEnv(entry, `${at}.env[${i}]`))));
  set(input.labels, (labels) => (spec.Labels = stringMap(labels, `${at}.labels`)));
  set(input.containerLabels, (labels) => (container.Labels = stringMap(labels, `${at}.containerLabels`)));
  set(input.replicas, (replicas) => {
    const mode = modeOf(spec);
    checkReplicas(replicas, `${at}.replicas`);
    if (mode === 'replicated') spec.Mode = { Replicated: { Replicas: replicas } };
    else if (mode === 'replicated-job') spec.Mode = { ReplicatedJob: { MaxConcurrent: replicas, TotalCompletions: replicas } };
    else throw new InputError(`${at}.replicas`, `cannot be set on a ${mode} service: it runs one task on every eligible node`);
  });
  set(input.networks, (networks) => {
    task.Networks = networks.map((network, i) => {
      const field = `${at}.networks[${i}]`;
      // The host network is no swarm network, but Docker attaches a service to it by that name (the policy judges it).
      const id = network.name === 'host' ? 'host' : resolve(names.networks, network.name, field, 'network', 'swarm-scope networks');
      return { Target: id, ...(network.aliases?.length ? { Aliases: network.aliases.map((alias, j) => nonEmpty(alias, `${field}.aliases[${j}]`)) } : {}) };
    });
    delete spec.Networks; // deprecated top-level form: TaskTemplate.Networks replaces it
  });
  set(input.ports, (ports) => {
    spec.EndpointSpec = { ...(spec.EndpointSpec ?? {}), Ports: ports.map((port, i) => portSpec(port, `${at}.ports[${i}]`)) };
    if (!spec.EndpointSpec.Mode) spec.EndpointSpec.Mode = 'vip';
  });
  set(input.mounts, (mounts) => {
    container.Mounts = mounts.map((mount, i) => {
      const field = `${at}.mounts[${i}]`;
      if (!mount.target?.startsWith('/')) throw new InputError(`${field}.target`, 'must be an absolute path in the container');
      if (mount.type === 'tmpfs' && mount.source) throw new InputError(`${field}.source`, 'has no meaning for a TMPFS mount');
      if (mount.type === 'bind' && !mount.source?.startsWith('/')) throw new InputError(`${field}.source`, 'must be an absolute path on the node for a BIND mount');
      return { Type: mount.type, ...(mount.source ? { Source: mount.source } : {}), Target: mount.target, ReadOnly: Boolean(mount.readOnly) };
    });
  });
  set(input.secrets, (secrets) => (container.Secrets = secrets.map((ref, i) => fileReference(ref, names.secrets, `${at}.secrets[${i}]`, 'secret'))));
  set(input.configs, (configs) => (container.Configs = configs.map((ref, i) => fileReference(ref, names.configs, `${at}.configs[${i}]`, 'config'))));
  set(input.placement, (placement) => {
    const next: Json = { ...(task.Placement ?? {}) };
    set(placement.constraints, (constraints) => (next.Constraints = constraints.map((c, i) => checkConstraint(c, `${at}.placement.constraints[${i}]`))));
    set(placement.spreadPreferences, (spread) => (next.Preferences = spread.map((s, i) => ({ Spread: { SpreadDescriptor: nonEmpty(s, `${at}.placement.spreadPreferences[${i}]`) } }))));
    set(placement.maxReplicasPerNode, (max) => (next.MaxReplicas = nonNegativeInt(max, `${at}.placement.maxReplicasPerNode`)));
    task.Placement = next;
  });
  set(input.resources, (resources) => {
    const values = (v: { cpus?: number | null; memoryBytes?: number | null }, field: string): Json => ({
      ...(v.cpus != null ? { NanoCPUs: Math.round(positive(v.cpus, `${field}.cpus`) * NS) } : {}),
      ...(v.memoryBytes != null ? { MemoryBytes: checkMemory(v.memoryBytes, `${field}.memoryBytes`) } : {}),
    });
    task.Resources = {
      ...(resources.limits ? { Limits: values(resources.limits, `${at}.resources.limits`) } : {}),
      ...(resources.reservations ? { Reservations: values(resources.reservations, `${at}.resources.reservations`) } : {}),
    };
    const { Limits: l, Reservations: r } = task.Resources;
    if (l?.MemoryBytes != null && r?.MemoryBytes != null && r.MemoryBytes > l.MemoryBytes) throw new InputError(`${at}.resources.reservations.memoryBytes`, 'must not exceed the memory limit');
    if (l?.NanoCPUs != null && r?.NanoCPUs != null && r.NanoCPUs > l.NanoCPUs) throw new InputError(`${at}.resources.reservations.cpus`, 'must not exceed the CPU limit');
  });
  set(input.restartPolicy, (policy) => {
    const field = `${at}.restartPolicy`;
    task.RestartPolicy = {
      Condition: policy.condition ?? (modeOf(spec).endsWith('job') ? 'on-failure' : 'any'),
      ...(policy.delaySeconds != null ? { Delay: nanos(policy.delaySeconds, `${field}.delaySeconds`) } : {}),
      ...(policy.maxAttempts != null ? { MaxAttempts: nonNegativeInt(policy.maxAttempts, `${field}.maxAttempts`) } : {}),
      ...(policy.windowSeconds != null ? { Window: nanos(policy.windowSeconds, `${field}.windowSeconds`) } : {}),
    };
    if (modeOf(spec).endsWith('job') && task.RestartPolicy.Condition === 'any') throw new InputError(`${field}.condition`, 'cannot be ANY for a job: a job that always restarts never completes');
  });
  set(input.updateConfig, (config) => (spec.UpdateConfig = updateConfig(config, `${at}.updateConfig`, true)));
  set(input.rollbackConfig, (config) => (spec.RollbackConfig = updateConfig(config, `${at}.rollbackConfig`, false)));
  set(input.healthcheck, (check) => {
    const field = `${at}.healthcheck`;
    const [kind] = check.test;
    if (!['CMD', 'CMD-SHELL', 'NONE'].includes(kind ?? '')) throw new InputError(`${field}.test`, 'must start with CMD, CMD-SHELL or NONE');
    if (kind !== 'NONE' && check.test.length < 2) throw new InputError(`${field}.test`, `needs a command after ${kind}`);
    container.Healthcheck = {
      Test: [...check.test],
      ...(check.intervalSeconds != null ? { Interval: nanos(check.intervalSeconds, `${field}.intervalSeconds`, 0.001) } : {}),
      ...(check.timeoutSeconds != null ? { Timeout: nanos(check.timeoutSeconds, `${field}.timeoutSeconds`, 0.001) } : {}),
      ...(check.retries != null ? { Retries: nonNegativeInt(check.retries, `${field}.retries`) } : {}),
      ...(check.startPeriodSeconds != null ? { StartPeriod: nanos(check.startPeriodSeconds, `${field}.startPeriodSeconds`) } : {}),
    };
  });
  set(input.user, (user) => (container.User = user));
  set(input.workdir, (dir) => {
    if (dir && !dir.startsWith('/')) throw new InputError(`${at}.workdir`, 'must be an absolute path');
    container.Dir = dir;
  });
  set(input.capAdd, (caps) => (container.CapabilityAdd = caps.map((cap, i) => nonEmpty(cap, `${at}.capAdd[${i}]`).toUpperCase())));
  set(input.sysctls, (sysctls) => (container.Sysctls = stringMap(sysctls, `${at}.sysctls`)));
  set(input.stopGracePeriodSeconds, (seconds) => (container.StopGracePeriod = nanos(seconds, `${at}.stopGracePeriodSeconds`)));
}

function resolve(objects: readonly NamedObject[], ref: string, field: string, what: string, plural: string): string {
  const found = objects.find((o) => o.name === ref) ?? objects.find((o) => o.id === ref || (ref.length >= 12 && o.id.startsWith(ref)));
  if (found) return found.id;
  const known = objects.map((o) => o.name).sort();
  const listing = known.length ? `${plural} here: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', ...' : ''}` : `there are no ${plural}`;
  throw new InputError(field, `names no ${what} "${ref.slice(0, 80)}" on this cluster (${listing})`);
}

function fileReference(ref: SwarmFileReferenceInput, objects: readonly NamedObject[], field: string, kind: 'secret' | 'config'): Json {
  const id = resolve(objects, ref.name, `${field}.name`, kind, `${kind}s`);
  const name = objects.find((o) => o.id === id)!.name;
  const target = ref.target?.trim() || name;
  if (kind === 'secret' && (target.includes('..'))) throw new InputError(`${field}.target`, 'must stay under /run/secrets');
  if (ref.mode != null && (!Number.isInteger(ref.mode) || ref.mode < 0 || ref.mode > 0o7777)) throw new InputError(`${field}.mode`, 'must be a file mode between 0 and 4095 (0o7777)');
  for (const key of ['uid', 'gid'] as const) if (ref[key] != null && !/^\d+$/.test(ref[key]!)) throw new InputError(`${field}.${key}`, 'must be a number');
  const file = { Name: target, UID: ref.uid ?? '0', GID: ref.gid ?? '0', Mode: ref.mode ?? 0o444 };
  return kind === 'secret' ? { File: file, SecretID: id, SecretName: name } : { File: file, ConfigID: id, ConfigName: name };
}

function portSpec(port: { target: number; published?: number | null; protocol?: string | null; mode?: string | null }, field: string): Json {
  const protocol = (port.protocol ?? 'tcp').toLowerCase();
  if (!PROTOCOLS.includes(protocol)) throw new InputError(`${field}.protocol`, `must be one of ${PROTOCOLS.join(', ')}`);
  checkPort(port.target, `${field}.target`);
  if (port.published != null) checkPort(port.published, `${field}.published`);
  return { Protocol: protocol, TargetPort: port.target, ...(port.published != null ? { PublishedPort: port.published } : {}), PublishMode: port.mode ?? 'ingress' };
}

function updateConfig(config: SwarmUpdateConfigInput, field: string, update: boolean): Json {
  if (!update && config.failureAction === 'rollback') throw new InputError(`${field}.failureAction`, 'cannot be ROLLBACK for a rollback (PAUSE or CONTINUE)');
  if (config.maxFailureRatio != null && !(config.maxFailureRatio >= 0 && config.maxFailureRatio <= 1)) throw new InputError(`${field}.maxFailureRatio`, 'must be between 0 and 1');
  return {
    Parallelism: config.parallelism != null ? nonNegativeInt(config.parallelism, `${field}.parallelism`) : 1,
    ...(config.delaySeconds != null ? { Delay: nanos(config.delaySeconds, `${field}.delaySeconds`) } : {}),
    FailureAction: config.failureAction ?? 'pause',
    ...(config.monitorSeconds != null ? { Monitor: nanos(config.monitorSeconds, `${field}.monitorSeconds`) } : {}),
    MaxFailureRatio: config.maxFailureRatio ?? 0,
    Order: config.order ?? 'stop-first',
  };
}

function checkReplicas(replicas: number, field: string): void {
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > MAX_REPLICAS) throw new InputError(field, `must be a whole number between 0 and ${MAX_REPLICAS}`);
}

function checkPort(port: number, field: string): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InputError(field, 'must be a port between 1 and 65535');
}

function checkEnv(entry: string, field: string): string {
  if (!/^[^=\s][^=]*=/.test(entry)) throw new InputError(field, 'must be "KEY=value"');
  return entry;
}

function checkConstraint(constraint: string, field: string): string {
  // swarmkit's constraint grammar: <key> ==|!= <value>.
  if (!/^\s*[\w.-]+\s*(==|!=)\s*\S.*$/.test(constraint)) throw new InputError(field, 'must be "<key>==<value>" or "<key>!=<value>" (e.g. node.role==manager)');
  return constraint.trim();
}

function checkMemory(bytes: number, field: string): number {
  // The Engine refuses less than 6 MiB for a container; say so before a task is rejected on every node.
  if (!Number.isInteger(bytes) || bytes < 6 * 1024 * 1024) throw new InputError(field, 'must be at least 6 MiB (6291456)');
  return bytes;
}

function stringMap(value: Record<string, unknown>, field: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!key) throw new InputError(field, 'has an empty key');
    if (typeof v !== 'string') throw new InputError(`${field}.${key}`, 'must be a string');
    out[key] = v;
  }
  return out;
}

function nanos(seconds: number, field: string, min = 0): number {
  if (!Number.isFinite(seconds) || seconds < min || seconds > 86_400 * 365) throw new InputError(field, `must be a number of seconds${min ? ` of at least ${min}` : ''}, not negative`);
  return Math.round(seconds * NS);
}

function positive(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new InputError(field, 'must be greater than 0');
  return value;
}

function nonNegativeInt(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw new InputError(field, 'must be a whole number, not negative');
  return value;
}

function nonEmpty(value: string, field: string): string {
  if (!value?.trim()) throw new InputError(field, 'must not be empty');
  return value.trim();
}
