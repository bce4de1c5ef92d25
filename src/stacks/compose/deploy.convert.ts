import type { Fields } from './compose.fields';
import { parseCpus } from './compose.units';
import type { Placement, ResourceLimit, ResourceReservation, RestartPolicy, ServiceMode, TaskSpec, UpdateConfig } from './stack-plan.types';

export interface DeployParts {
  mode: ServiceMode;
  labels: Record<string, string>;
  resources: NonNullable<TaskSpec['Resources']>;
  restartPolicy?: RestartPolicy;
  placement: Placement;
  updateConfig?: UpdateConfig;
  rollbackConfig?: UpdateConfig;
  endpointMode?: string;
}

/** A service's `deploy:` section (convertDeployMode, convertResources, convertRestartPolicy, ...). */
export function convertDeploy(deploy: Fields | undefined, legacyRestart: string | undefined, service: Fields): DeployParts {
  const parts: DeployParts = {
    mode: mode(deploy),
    labels: deploy?.labels('labels') ?? {},
    resources: resources(deploy?.object('resources')),
    restartPolicy: restartPolicy(deploy?.object('restart_policy')) ?? legacyRestartPolicy(legacyRestart, service),
    placement: placement(deploy?.object('placement')),
    updateConfig: updateConfig(deploy?.object('update_config')),
    rollbackConfig: updateConfig(deploy?.object('rollback_config')),
  };
  const endpointMode = deploy?.string('endpoint_mode')?.toLowerCase();
  if (endpointMode !== undefined && !['vip', 'dnsrr', ''].includes(endpointMode)) deploy!.ctx.problem(deploy!.at('endpoint_mode'), 'must be vip or dnsrr');
  if (endpointMode) parts.endpointMode = endpointMode;
  deploy?.finish();
  return parts;
}

function mode(deploy: Fields | undefined): ServiceMode {
  const name = deploy?.string('mode') ?? 'replicated';
  const replicas = deploy?.int('replicas');
  switch (name) {
    case 'replicated':
    case '':
      return { Replicated: replicas !== undefined ? { Replicas: replicas } : {} };
    case 'replicated-job':
      return { ReplicatedJob: replicas !== undefined ? { MaxConcurrent: replicas, TotalCompletions: replicas } : {} };
    case 'global':
    case 'global-job':
      if (replicas !== undefined) deploy!.ctx.problem(deploy!.at('replicas'), 'replicas can only be used with replicated or replicated-job mode');
      return name === 'global' ? { Global: {} } : { GlobalJob: {} };
    default:
      deploy!.ctx.problem(deploy!.at('mode'), 'must be replicated, global, replicated-job or global-job');
      return { Replicated: {} };
  }
}

function cpus(fields: Fields): number | undefined {
  const text = fields.string('cpus');
  if (text === undefined || text === '') return undefined;
  const nanos = parseCpus(text);
  if (typeof nanos === 'number') return nanos;
  return fields.ctx.problem(fields.at('cpus'), nanos.error);
}

/** `{}` even when empty, as the CLI always sends a ResourceRequirements. */
function resources(fields: Fields | undefined): NonNullable<TaskSpec['Resources']> {
  const result: NonNullable<TaskSpec['Resources']> = {};
  const limits = fields?.object('limits');
  if (limits) {
    const limit: ResourceLimit = {};
    const [nano, memory, pids] = [cpus(limits), limits.bytes('memory'), limits.int('pids')];
    if (nano) limit.NanoCPUs = nano;
    if (memory) limit.MemoryBytes = memory;
    if (pids) limit.Pids = pids;
    limits.finish();
    result.Limits = limit;
  }
  const reservations = fields?.object('reservations');
  if (reservations) {
    const reservation: ResourceReservation = {};
    const [nano, memory] = [cpus(reservations), reservations.bytes('memory')];
    if (nano) reservation.NanoCPUs = nano;
    if (memory) reservation.MemoryBytes = memory;
    const generic = reservations.list('generic_resources').map(({ value, path }) => {
      const item = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
      const spec = item?.discrete_resource_spec as Record<string, unknown> | undefined;
      if (!spec || typeof spec !== 'object') {
        reservations.ctx.problem(path, 'swarm takes discrete_resource_spec: { kind, value } here');
        return {};
      }
      const kind = typeof spec.kind === 'string' ? spec.kind : '';
      const amount = typeof spec.value === 'number' ? spec.value : Number(spec.value);
      return { DiscreteResourceSpec: { ...(kind ? { Kind: kind } : {}), ...(amount ? { Value: amount } : {}) } };
    });
    if (generic.length > 0) reservation.GenericResources = generic;
    reservations.finish();
    result.Reservations = reservation;
  }
  fields?.finish();
  return result;
}

const CONDITIONS = ['none', 'on-failure', 'any'];

function restartPolicy(fields: Fields | undefined): RestartPolicy | undefined {
  if (!fields) return undefined;
  const policy: RestartPolicy = {};
  const condition = fields.string('condition');
  if (condition !== undefined && !CONDITIONS.includes(condition)) fields.ctx.problem(fields.at('condition'), `must be ${CONDITIONS.join(', ')}`);
  if (condition) policy.Condition = condition;
  const delay = fields.duration('delay');
  if (delay !== undefined) policy.Delay = delay;
  const attempts = fields.int('max_attempts');
  if (attempts !== undefined) policy.MaxAttempts = attempts;
  const window = fields.duration('window');
  if (window !== undefined) policy.Window = window;
  fields.finish();
  return policy;
}

/** The service-level `restart:` (which swarm ignores) stands in for a missing deploy.restart_policy, as in the CLI. */
function legacyRestartPolicy(restart: string | undefined, service: Fields): RestartPolicy | undefined {
  if (restart === undefined || restart === '' || restart === 'no') return undefined;
  const [name, count] = restart.split(':') as [string, string?];
  const attempts = count === undefined ? 0 : Number(count);
  if (!Number.isSafeInteger(attempts) || attempts < 0 || (count !== undefined && name !== 'on-failure')) {
    return service.ctx.problem(service.at('restart'), `invalid restart policy: ${restart}`);
  }
  const max = attempts > 0 ? { MaxAttempts: attempts } : {};
  if (name === 'always' || name === 'unless-stopped') return { Condition: 'any', ...max };
  if (name === 'on-failure') return { Condition: 'on-failure', ...max };
  return service.ctx.problem(service.at('restart'), `invalid restart policy: unknown policy '${name}' (must be one of 'no', 'always', 'on-failure', or 'unless-stopped')`);
}

/** `{}` even when empty, as the CLI always sends a Placement. */
function placement(fields: Fields | undefined): Placement {
  const result: Placement = {};
  if (!fields) return result;
  const constraints = fields.strings('constraints');
  if (constraints?.length) result.Constraints = constraints;
  const preferences = fields.list('preferences').map(({ value, path }) => {
    const spread = value && typeof value === 'object' ? (value as Record<string, unknown>).spread : undefined;
    if (typeof spread !== 'string') fields.ctx.problem(path, 'swarm takes spread: <label> here');
    return { Spread: { SpreadDescriptor: typeof spread === 'string' ? spread : '' } };
  });
  if (preferences.length) result.Preferences = preferences;
  const max = fields.int('max_replicas_per_node');
  if (max) result.MaxReplicas = max;
  fields.finish();
  return result;
}

const FAILURE_ACTIONS = ['pause', 'continue', 'rollback'];
const ORDERS = ['stop-first', 'start-first'];

/** update_config / rollback_config: parallelism defaults to 1; Order and MaxFailureRatio are always sent. */
function updateConfig(fields: Fields | undefined): UpdateConfig | undefined {
  if (!fields) return undefined;
  const config: UpdateConfig = { Parallelism: fields.int('parallelism') ?? 1, MaxFailureRatio: 0, Order: '' };
  const delay = fields.duration('delay');
  if (delay) config.Delay = delay;
  const action = fields.string('failure_action');
  if (action !== undefined && !FAILURE_ACTIONS.includes(action)) fields.ctx.problem(fields.at('failure_action'), `must be ${FAILURE_ACTIONS.join(', ')}`);
  if (action) config.FailureAction = action;
  const monitor = fields.duration('monitor');
  if (monitor) config.Monitor = monitor;
  const ratio = fields.number('max_failure_ratio');
  if (ratio !== undefined && (ratio < 0 || ratio > 1)) fields.ctx.problem(fields.at('max_failure_ratio'), 'must be between 0 and 1');
  config.MaxFailureRatio = ratio ?? 0;
  const order = fields.string('order');
  if (order !== undefined && !ORDERS.includes(order)) fields.ctx.problem(fields.at('order'), `must be ${ORDERS.join(' or ')}`);
  config.Order = order ?? '';
  fields.finish();
  return config;
}
