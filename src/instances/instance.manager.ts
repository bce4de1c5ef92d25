import type { QuotaManager } from '../accounts/quota.manager';
import type { Principal } from '../auth/principal';
import { Channel } from '../common/channel';
import { ConflictError, DomainError, ErrorCode, InputError, NotFoundError } from '../common/errors';
import type { KeyRing } from '../crypto/cipher';
import type { PageArgs } from '../db/pagination';
import type { HostManager } from '../hosts/host.manager';
import type { PubSub } from '../pubsub/pubsub';
import type { WorkloadPolicy } from '../security/workload-policy';
import { ContainerInstance, InstanceStatus, isTerminal, ViolationKind, type InstanceDefinition, type InstanceTaskRef } from './instance.entity';
import type { InstanceCleanup } from './instance.cleanup';
import type { ContainerInstanceChangedFilterInput, RunContainerInstanceInput } from './instance.inputs';
import type { TaskRefInput } from '../tasks/task-callback.outbox';
import { choosePlacement } from './instance.placement';
import { diagnoseInstance, type VaultProbe } from './instance.diagnosis';
import type { Diagnosis } from '../health/diagnosis.view';
import type { InstanceFilter, InstanceRepository } from './instance.repository';
import type { InstanceRunner } from './instance.runner';
import { InstanceTopic, published } from './instance.topics';
import type { ContainerTemplate } from './template.entity';
import type { TemplateManager } from './template.manager';
import { enforceVaultPolicies, validateTemplate, type TemplateDefinition } from './template.rules';

export interface InstanceManagerDeps {
  repository: Pick<InstanceRepository, 'insert' | 'get' | 'page' | 'requestCancel' | 'placementCandidates'>;
  templates: Pick<TemplateManager, 'get' | 'environment'>;
  hosts: Pick<HostManager, 'operable'>;
  policy: Pick<WorkloadPolicy, 'enforce'>;
  quotas: Pick<QuotaManager, 'admit' | 'release'>;
  keyRing: KeyRing;
  runner: Pick<InstanceRunner, 'start'>;
  cleanup: Pick<InstanceCleanup, 'revoke'>;
  /** Linked tasks' callbacks: judged at the run (absent: a run with taskRef is refused). */
  callbacks?: { checkTaskRef(taskRef: TaskRefInput, field: string): Promise<void> };
  pubsub: PubSub;
  owner: string;
  leaseSeconds: number;
  /** What Vault answers now, for diagnoses. */
  probeVault: VaultProbe;
  /** VAULT_POLICY_PATTERN: the policies an account's runs may have (judged at every run: the pattern may change). */
  vaultPolicyPattern: string;
}

const ENV_ENTRY = /^[A-Za-z_][A-Za-z0-9_]*=/;
const MAX_ENV = 256;

/** What a run is, resolved from a template or a direct spec, before it is placed and admitted. */
interface RunRequest {
  name: string;
  definition: InstanceDefinition;
  env: string[];
  templateId: string | null;
  templateVersion: number | null;
  taskRef: InstanceTaskRef | null;
  requestedHostId: string | null;
  labels: Record<string, string>;
  retryOf: string | null;
}

/**
 * The seed's ContainerOrchestrationService: runs admitted against the account's quota (charged atomically before
 * the run exists), judged by the workload policy on the host chosen, and handed to the runner, which drives them.
 */
export class InstanceManager {
  constructor(private readonly deps: InstanceManagerDeps) {}

  async run(principal: Principal, input: RunContainerInstanceInput): Promise<ContainerInstance> {
    if (Boolean(input.templateId) === Boolean(input.spec)) throw new InputError('templateId', 'give templateId or spec (exactly one)');
    if (input.hostId && input.placement) throw new InputError('placement', 'give hostId or placement, not both');
    const base = input.templateId ? await this.fromTemplate(principal, input.templateId) : this.fromSpec(input.spec!);
    const extra = validateEnv(input.env ?? []);
    if (input.taskRef) await this.checkTaskRef(input.taskRef);
    return this.admit(principal, {
      ...base,
      env: mergeEnv(base.env, extra),
      taskRef: input.taskRef ? { id: input.taskRef.id, callbackUrl: input.taskRef.callbackUrl } : null,
      requestedHostId: input.hostId ?? null,
      labels: { ...base.definition.placementLabels, ...labelsOf(input.placement?.labels) },
      retryOf: null,
    });
  }

  /** The same run again (what it ran, its environment, its task), as a new instance; the old one must have ended. */
  async retry(principal: Principal, id: string): Promise<ContainerInstance> {
    const old = await this.get(principal, id);
    if (!isTerminal(old.status)) throw new ConflictError(`container instance ${id} is ${old.status}: only an ended run can be retried`, 'id');
    if (old.taskRef) await this.checkTaskRef(old.taskRef);
    return this.admit(principal, { name: old.name, definition: old.definition, env: this.environment(old), templateId: old.templateId ?? null, templateVersion: old.templateVersion ?? null, taskRef: old.taskRef ?? null, requestedHostId: old.requestedHostId ?? null, labels: old.definition.placementLabels, retryOf: old.id });
  }

  async cancel(principal: Principal, id: string): Promise<ContainerInstance> {
    const instance = await this.get(principal, id);
    if (isTerminal(instance.status)) throw new ConflictError(`container instance ${id} already ended (${instance.status})`, 'id');
    await this.deps.repository.requestCancel(principal.accountId, id);
    this.deps.pubsub.publish(InstanceTopic.Wake, { instanceId: id });
    return this.get(principal, id);
  }

  /** Revokes the run's Vault token now (also while it runs: the operator's lever when a token leaked). */
  async cleanupVaultToken(principal: Principal, id: string): Promise<ContainerInstance> {
    const instance = await this.get(principal, id);
    if (!(await this.deps.cleanup.revoke(instance))) throw new DomainError(ErrorCode.VAULT_UNAVAILABLE, `the Vault token of container instance ${id} could not be revoked now; it is retried until its TTL`);
    return this.get(principal, id);
  }

  async get(principal: Principal, id: string): Promise<ContainerInstance> {
    const instance = await this.deps.repository.get(principal.accountId, id);
    if (!instance) throw new NotFoundError('ContainerInstance', id);
    return instance;
  }

  list(principal: Principal, filter: InstanceFilter, args: PageArgs) {
    return this.deps.repository.page(principal.accountId, filter, args);
  }

  changes(principal: Principal, filter: ContainerInstanceChangedFilterInput): Channel<ContainerInstance> {
    const source = this.deps.pubsub.subscribe(InstanceTopic.Changed, principal.accountId);
    const out = new Channel<ContainerInstance>(1000);
    void (async () => {
      for await (const instance of source) {
        if (filter.id && instance.id !== filter.id) continue;
        if (filter.status && instance.status !== filter.status) continue;
        if (filter.templateId && instance.templateId !== filter.templateId) continue;
        out.push(instance);
      }
      out.end();
    })();
    out.onClose = () => void source.return();
    return out;
  }

  /** The troubleshooting table's answer for this run (null when it is fine). */
  diagnose(instance: ContainerInstance): Promise<Diagnosis | null> {
    return diagnoseInstance(instance, this.deps.probeVault);
  }

  /** The run's environment (KEY=VALUE), opened from its seal. */
  environment(instance: Pick<ContainerInstance, 'id' | 'accountId' | 'sealedEnv'>): string[] {
    return instance.sealedEnv ? (JSON.parse(this.deps.keyRing.decrypt(instance.sealedEnv, aad(instance))) as string[]) : [];
  }

  private async admit(principal: Principal, request: RunRequest): Promise<ContainerInstance> {
    const d = request.definition;
    enforceVaultPolicies(this.deps.vaultPolicyPattern, principal.accountId, d.vaultPolicies, request.templateId ? 'template.vaultPolicies' : 'spec.vaultPolicies');
    const placed = request.requestedHostId
      ? { hostId: request.requestedHostId, reason: 'hostId given' }
      : choosePlacement(await this.deps.repository.placementCandidates(principal.accountId), { cpuMillicores: d.cpuMillicores, memoryMb: d.memoryMb, labels: request.labels });
    const { target } = await this.deps.hosts.operable(principal, placed.hostId);
    const instance = Object.assign(new ContainerInstance(), {
      accountId: principal.accountId,
      name: request.name,
      templateId: request.templateId,
      templateVersion: request.templateVersion,
      retryOf: request.retryOf,
      hostId: placed.hostId,
      requestedHostId: request.requestedHostId,
      placementReason: placed.reason,
      definition: d,
      envNames: request.env.map((e) => e.slice(0, e.indexOf('='))),
      taskRef: request.taskRef,
      actor: { subject: principal.userId, permissions: [...principal.permissions] },
    });
    instance.sealedEnv = request.env.length ? this.deps.keyRing.encrypt(JSON.stringify(request.env), aad(instance)) : null;
    instance.transitions = [{ status: InstanceStatus.PENDING, at: instance.createdAt, reason: placed.reason }];
    instance.reason = placed.reason;
    try {
      await this.deps.policy.enforce(principal, target, d.container);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.FORBIDDEN) await this.recordRefusal(instance, error);
      throw error;
    }
    await this.deps.quotas.admit(principal.accountId, instance.id, { cpuMillicores: d.cpuMillicores, memoryMb: d.memoryMb, storageMb: d.storageMb });
    instance.leaseOwner = this.deps.owner;
    instance.leaseUntil = new Date(Date.now() + this.deps.leaseSeconds * 1000);
    try {
      await this.deps.repository.insert(instance);
    } catch (error) {
      await this.deps.quotas.release(instance.id);
      throw error;
    }
    this.deps.pubsub.publish(InstanceTopic.Changed, instance.accountId, published(instance));
    // The runner drives its own copy: the answer is the run as admitted (PENDING), not a status it has moved to since.
    this.deps.runner.start(Object.assign(new ContainerInstance(), { ...instance, transitions: [...instance.transitions] }));
    return instance;
  }

  /** A refused run is kept, FAILED with its violation, so it is listed; the error names it (extensions.instanceId). */
  private async recordRefusal(instance: ContainerInstance, error: DomainError): Promise<void> {
    const at = new Date();
    Object.assign(instance, { status: InstanceStatus.FAILED, reason: error.message, errorCode: error.code, finishedAt: at, violations: [{ kind: ViolationKind.POLICY_REFUSED, detectedAt: at, detail: error.message }] });
    instance.transitions.push({ status: InstanceStatus.FAILED, at, reason: error.message });
    await this.deps.repository.insert(instance);
    this.deps.pubsub.publish(InstanceTopic.Changed, instance.accountId, published(instance));
    (error.details as Record<string, unknown>).instanceId = instance.id;
  }

  private async fromTemplate(principal: Principal, id: string): Promise<Omit<RunRequest, 'taskRef' | 'requestedHostId' | 'labels' | 'retryOf'>> {
    let template: ContainerTemplate;
    try {
      template = await this.deps.templates.get(principal, id);
    } catch (error) {
      if (error instanceof NotFoundError) throw new DomainError(ErrorCode.NOT_FOUND, error.message, { field: 'templateId' });
      throw error;
    }
    const { id: _id, accountId: _a, name, version, sealedEnv: _s, envNames: _e, createdAt: _c, updatedAt: _u, container, ...rest } = template;
    return { name, definition: { ...rest, pinnedDigest: rest.pinnedDigest ?? null, container }, env: this.deps.templates.environment(template), templateId: template.id, templateVersion: version };
  }

  private fromSpec(spec: NonNullable<RunContainerInstanceInput['spec']>) {
    let valid: TemplateDefinition;
    try {
      valid = validateTemplate(spec);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`spec.${error.field}`, error.message.slice(error.field.length + 1));
      throw error;
    }
    // Judged on the host chosen (its literal settings and what they reach there), where a refusal is recorded.
    const { name, container, ...rest } = valid;
    const { env, ...withoutEnv } = container;
    return { name, definition: { ...rest, container: withoutEnv }, env: env ?? [], templateId: null, templateVersion: null };
  }

  private async checkTaskRef(taskRef: TaskRefInput): Promise<void> {
    if (!taskRef.id || taskRef.id.length > 256) throw new InputError('taskRef.id', 'must be 1 to 256 characters');
    if (!this.deps.callbacks) throw new InputError('taskRef', 'linked-task callbacks are not available on this server');
    await this.deps.callbacks.checkTaskRef(taskRef, 'taskRef');
  }
}

function validateEnv(env: readonly string[]): string[] {
  if (env.length > MAX_ENV) throw new InputError('env', `may hold at most ${MAX_ENV} entries`);
  env.forEach((entry, i) => {
    if (!ENV_ENTRY.test(entry) || entry.length > 32_768 || entry.includes('\0')) throw new InputError(`env[${i}]`, 'must be KEY=VALUE (a name of letters, digits and _)');
  });
  return [...env];
}

/** The run's values replace the template's of the same name. */
function mergeEnv(base: readonly string[], extra: readonly string[]): string[] {
  const names = new Set(extra.map((e) => e.slice(0, e.indexOf('='))));
  return [...base.filter((e) => !names.has(e.slice(0, e.indexOf('=')))), ...extra];
}

function labelsOf(labels: Record<string, string> | null | undefined): Record<string, string> {
  for (const [key, value] of Object.entries(labels ?? {})) if (typeof value !== 'string') throw new InputError(`placement.labels.${key}`, 'must be a string');
  return { ...(labels ?? {}) };
}

/** Sealed values are bound to their run, so a ciphertext copied onto another row does not open. */
function aad(instance: Pick<ContainerInstance, 'id' | 'accountId'>): string {
  return `container_instances:${instance.accountId}:${instance.id}:env`;
}
