import { DomainError, ErrorCode } from '../common/errors';
import type { DockerContainers } from '../docker/docker.containers';
import type { DockerRuns } from '../docker/docker.runs';
import type { ContainerSpec, HostTarget } from '../docker/docker.types';
import { INSTANCE_LABEL } from '../events/event.severity';
import type { HostManager } from '../hosts/host.manager';
import type { Logger } from '../log/logger';
import type { WorkloadPolicy } from '../security/workload-policy';
import { VaultError } from '../vault/vault.errors';
import type { VaultTokens } from '../vault/vault.client';
import { VaultDelivery } from './template.entity';
import { InstanceStatus, ViolationKind, type ContainerInstance } from './instance.entity';
import { principalOf } from './instance.cleanup';
import { LeaseLostError, type InstanceRepository } from './instance.repository';
import type { Run, RunSteps } from './instance.runner';

export interface ProvisionerDeps {
  repository: Pick<InstanceRepository, 'write'>;
  hosts: Pick<HostManager, 'operable'>;
  containers: Pick<DockerContainers, 'create' | 'start' | 'remove'>;
  runs: Pick<DockerRuns, 'putFile' | 'withLabel' | 'imageDigests'>;
  vault: Pick<VaultTokens, 'createOrphanToken' | 'revokeAccessor' | 'accessorsWithMeta'> | null;
  policy: Pick<WorkloadPolicy, 'enforce'>;
  /** The run's environment (KEY=VALUE), opened from its seal. */
  environment(instance: ContainerInstance): string[];
  logger: Logger;
  owner: string;
  settings: { vaultAddress: string | null };
  step: RunSteps;
}

const MB = 1024 * 1024;
/** The wrapping token only has to live until the container unwraps it, right after it starts. */
const MAX_WRAP_TTL_SECONDS = 300;
const TOKEN_FILE = { dir: '/', name: 'run/secrets/vault-token', path: '/run/secrets/vault-token' };

/**
 * PENDING → PROVISIONING → RUNNING: judged by the workload policy on its host, its Vault token issued (only the
 * accessor kept), its container created and started. Fail closed: no container starts without its token. A run
 * taken over while provisioning starts again from a clean slate (its earlier token revoked, a half-made container
 * removed) — nothing of the dead driver's attempt is trusted.
 */
export class InstanceProvisioner {
  constructor(private readonly deps: ProvisionerDeps) {}

  async provision(run: Run, then: (target: HostTarget) => Promise<void>): Promise<void> {
    const { instance } = run;
    const { step } = this.deps;
    const resumed = instance.status === InstanceStatus.PROVISIONING;
    await step.transition(instance, InstanceStatus.PROVISIONING, resumed ? 'taken over while provisioning: starting again from a clean slate' : 'issuing its Vault token and creating its container');
    const principal = principalOf(instance);
    const { target } = await this.deps.hosts.operable(principal, instance.hostId!);
    if (resumed) await this.clearLeftovers(instance, target);
    if (run.cancelRequested) return step.finish(instance, InstanceStatus.CANCELLED, { reason: 'cancelled before it started' });

    const d = instance.definition;
    const spec: ContainerSpec = {
      ...d.container,
      env: this.deps.environment(instance),
      labels: { ...(d.container.labels ?? {}), [INSTANCE_LABEL]: instance.id },
      nanoCpus: d.cpuMillicores * 1_000_000,
      memoryBytes: d.memoryMb * MB,
    };
    try {
      await this.deps.policy.enforce(principal, target, spec);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.FORBIDDEN) throw error;
      return step.finish(instance, InstanceStatus.FAILED, { reason: error.message, errorCode: error.code, violations: [...instance.violations, { kind: ViolationKind.POLICY_REFUSED, detectedAt: new Date(), detail: error.message }] });
    }
    if (d.pinnedDigest) {
      const image = await this.deps.runs.imageDigests(target, d.container.image);
      const found = image ? [image.id, ...image.repoDigests.map((r) => r.slice(r.indexOf('@') + 1))] : [];
      if (!found.includes(d.pinnedDigest)) {
        const detail = `image ${d.container.image} is ${image ? image.id : 'not on the host'}, not the pinned ${d.pinnedDigest}: not started`;
        return step.finish(instance, InstanceStatus.FAILED, { reason: detail, errorCode: ErrorCode.FORBIDDEN, violations: [...instance.violations, { kind: ViolationKind.IMAGE_DIGEST_MISMATCH, detectedAt: new Date(), detail }] });
      }
    }

    this.stillDriving(run);
    const token = await this.issueToken(run);
    this.stillDriving(run);
    const containerId = await this.deps.containers.create(target, { ...spec, env: [...(spec.env ?? []), ...token.env] });
    // Not recorded (the lease was lost meanwhile): removed, or it would sit on the host holding the token.
    await undoing(this.deps.repository.write(this.deps.owner, instance, { containerId }), () => this.deps.containers.remove(target, containerId, { force: true, removeVolumes: true }));
    if (token.file) run.secrets.push(token.file);
    if (token.file) await this.deps.runs.putFile(target, containerId, { dir: TOKEN_FILE.dir, name: TOKEN_FILE.name, content: token.file, mode: 0o400 });
    if (run.cancelRequested) return step.finish(instance, InstanceStatus.CANCELLED, { reason: 'cancelled before it started' });
    await this.deps.containers.start(target, containerId);
    const startedAt = new Date();
    await step.transition(instance, InstanceStatus.RUNNING, `container ${containerId.slice(0, 12)} started`, { startedAt, deadlineAt: new Date(startedAt.getTime() + d.timeoutSeconds * 1000) });
    await then(target);
  }

  /**
   * The token goes in before the container exists (its accessor stored first, so a crash leaves it revocable);
   * VAULT_UNAVAILABLE / VAULT_DENIED end the run FAILED with nothing started.
   */
  private async issueToken(run: Run): Promise<{ env: string[]; file?: string }> {
    const { instance } = run;
    const d = instance.definition;
    if (d.vaultDelivery === VaultDelivery.NONE) return { env: [] };
    const vault = this.deps.vault;
    if (!vault) throw new VaultError(ErrorCode.VAULT_UNAVAILABLE, 'Vault is not configured (VAULT_ADDR): a run whose template needs a token cannot start');
    const request = { policies: d.vaultPolicies, ttlSeconds: d.vaultTtlSeconds, meta: { instance_id: instance.id, account_id: instance.accountId, run: instance.name } };
    const expiresAt = new Date(Date.now() + d.vaultTtlSeconds * 1000);
    const addr = this.deps.settings.vaultAddress ? [`VAULT_ADDR=${this.deps.settings.vaultAddress}`] : [];
    if (d.vaultDelivery === VaultDelivery.WRAPPED) {
      const wrapped = await vault.createOrphanToken({ ...request, wrapTtlSeconds: Math.min(MAX_WRAP_TTL_SECONDS, d.vaultTtlSeconds) });
      await undoing(this.deps.repository.write(this.deps.owner, instance, { vaultAccessor: wrapped.accessor, vaultTokenExpiresAt: expiresAt, vaultRevokedAt: null }), () => vault.revokeAccessor(wrapped.accessor));
      return { env: [...addr, `VAULT_WRAPPING_TOKEN=${wrapped.wrappingToken}`] };
    }
    const issued = await vault.createOrphanToken(request);
    await undoing(this.deps.repository.write(this.deps.owner, instance, { vaultAccessor: issued.accessor, vaultTokenExpiresAt: expiresAt, vaultRevokedAt: null }), () => vault.revokeAccessor(issued.accessor));
    if (d.vaultDelivery === VaultDelivery.FILE) return { env: [...addr, `VAULT_TOKEN_FILE=${TOKEN_FILE.path}`], file: issued.token };
    return { env: [...addr, `VAULT_TOKEN=${issued.token}`] };
  }

  /** Let go (lease lost, or shutting down): nothing more is made for the run; its next driver starts again. */
  private stillDriving(run: Run): void {
    if (run.abort.signal.aborted) throw new LeaseLostError(run.instance.id);
  }

  /** What a dead driver may have left: a token (revoked: it may have been handed out) and a container (removed). */
  private async clearLeftovers(instance: ContainerInstance, target: HostTarget): Promise<void> {
    if (instance.vaultAccessor && !instance.vaultRevokedAt) {
      if (!this.deps.vault) throw new VaultError(ErrorCode.VAULT_UNAVAILABLE, 'Vault is not configured: the earlier attempt\'s token cannot be revoked');
      await this.deps.vault.revokeAccessor(instance.vaultAccessor);
    } else if (this.deps.vault && instance.definition.vaultDelivery !== VaultDelivery.NONE) {
      // The dead driver may have died with Vault's answer in flight: a token issued, its accessor never stored.
      try {
        for (const accessor of await this.deps.vault.accessorsWithMeta('instance_id', instance.id)) await this.deps.vault.revokeAccessor(accessor);
      } catch (error) {
        this.deps.logger.warn({ instanceId: instance.id, err: error }, 'looking for a token the dead driver may have been issued failed (the product token needs sudo on auth/token/accessors); it expires at its TTL');
      }
    }
    for (const id of await this.deps.runs.withLabel(target, INSTANCE_LABEL, instance.id)) {
      await this.deps.containers.remove(target, id, { force: true, removeVolumes: true });
      this.deps.logger.info({ instanceId: instance.id, containerId: id }, 'removed the container a dead driver left while provisioning');
    }
    await this.deps.repository.write(this.deps.owner, instance, { vaultAccessor: null, vaultTokenExpiresAt: null, containerId: null });
  }
}

/** A write recording something just made; when it fails (the lease was lost), what was made is undone. */
async function undoing(write: Promise<void>, undo: () => Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    await undo().catch(() => undefined);
    throw error;
  }
}
