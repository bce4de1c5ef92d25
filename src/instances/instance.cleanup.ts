import { effectivePermissions } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { QuotaManager } from '../accounts/quota.manager';
import type { DockerContainers } from '../docker/docker.containers';
import type { HostManager } from '../hosts/host.manager';
import type { Logger } from '../log/logger';
import type { VaultTokens } from '../vault/vault.client';
import { CleanupPolicy } from './template.entity';
import { InstanceStatus, type ContainerInstance } from './instance.entity';
import type { InstanceRepository } from './instance.repository';

export interface InstanceCleanupDeps {
  repository: Pick<InstanceRepository, 'markRevoked' | 'markRemoved'>;
  hosts: Pick<HostManager, 'operable'>;
  containers: Pick<DockerContainers, 'remove'>;
  vault: Pick<VaultTokens, 'revokeAccessor'> | null;
  quotas: Pick<QuotaManager, 'release'>;
  logger: Logger;
}

/** The run's caller, as stored with it: a resumed or reconciled run acts with the account and permissions it had. */
export function principalOf(instance: Pick<ContainerInstance, 'accountId' | 'actor'>): Principal {
  return { userId: instance.actor.subject, accountId: instance.accountId, permissions: effectivePermissions(instance.actor.permissions), expiresAt: Number.MAX_SAFE_INTEGER, issuedAt: null };
}

/** Whether the cleanup policy removes the container of a run that ended this way. */
export function removesContainer(policy: CleanupPolicy, status: InstanceStatus): boolean {
  return policy === CleanupPolicy.ALWAYS || (policy === CleanupPolicy.ON_SUCCESS && status === InstanceStatus.COMPLETED);
}

/**
 * What every ended run is owed, each step idempotent and recorded when done, so the reconciler can finish what a
 * dead driver (or a host or Vault that was down) left: the token revoked, the container removed per the cleanup
 * policy, the quota released. A step that fails is logged and left for the reconciler; none stops the others.
 */
export class InstanceCleanup {
  constructor(private readonly deps: InstanceCleanupDeps) {}

  /** Before the terminal state is written: the token revoked, the container removed if the policy says so for `status`. */
  async settle(instance: ContainerInstance, status: InstanceStatus): Promise<void> {
    await Promise.all([this.revoke(instance), this.removeContainer(instance, status)]);
  }

  /** true when the token is revoked (or there was none). */
  async revoke(instance: ContainerInstance): Promise<boolean> {
    if (!instance.vaultAccessor || instance.vaultRevokedAt) return true;
    if (!this.deps.vault) return false;
    try {
      await this.deps.vault.revokeAccessor(instance.vaultAccessor);
      instance.vaultRevokedAt = new Date();
      await this.deps.repository.markRevoked(instance.id);
      return true;
    } catch (error) {
      this.deps.logger.warn({ instanceId: instance.id, err: error }, 'revoking a container instance\'s Vault token failed; retried until its TTL');
      return false;
    }
  }

  async removeContainer(instance: ContainerInstance, status = instance.status): Promise<void> {
    if (!instance.containerId || instance.containerRemovedAt || !instance.hostId) return;
    if (!removesContainer(instance.definition.cleanupPolicy, status)) return;
    try {
      const { target } = await this.deps.hosts.operable(principalOf(instance), instance.hostId);
      await this.deps.containers.remove(target, instance.containerId, { force: true, removeVolumes: true });
      instance.containerRemovedAt = new Date();
      await this.deps.repository.markRemoved(instance.id);
    } catch (error) {
      if ((error as { code?: string }).code === 'NOT_FOUND') {
        instance.containerRemovedAt = new Date();
        await this.deps.repository.markRemoved(instance.id);
        return;
      }
      this.deps.logger.warn({ instanceId: instance.id, err: error }, 'removing a container instance\'s container failed; the reconciler tries again');
    }
  }

  async release(instance: ContainerInstance): Promise<void> {
    try {
      await this.deps.quotas.release(instance.id);
    } catch (error) {
      this.deps.logger.warn({ instanceId: instance.id, err: error }, 'releasing a container instance\'s quota failed; the reconciler repairs it');
    }
  }
}
