import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLSafeInt } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ContainerSpec } from '../docker/docker.types';
import { VaultDelivery } from './template.entity';
import type { TemplateDefinition } from './template.rules';

export enum InstanceStatus {
  PENDING = 'PENDING',
  /** Its Vault token is being issued and its container made (nothing runs yet). */
  PROVISIONING = 'PROVISIONING',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  TIMED_OUT = 'TIMED_OUT',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InstanceStatus, { name: 'ContainerInstanceStatus' });

export const ACTIVE_INSTANCE_STATUSES = [InstanceStatus.PENDING, InstanceStatus.PROVISIONING, InstanceStatus.RUNNING] as const;
export const isTerminal = (status: InstanceStatus): boolean => !(ACTIVE_INSTANCE_STATUSES as readonly InstanceStatus[]).includes(status);

export enum ViolationKind {
  /** The run asked for settings that reach the host, without docker.hosts.privileged: refused. */
  POLICY_REFUSED = 'POLICY_REFUSED',
  OOM_KILLED = 'OOM_KILLED',
  /** Stopped at its time limit (SIGTERM, then SIGKILL after the grace period). */
  TIME_LIMIT_KILL = 'TIME_LIMIT_KILL',
  /** Someone ran a command in the container (docker exec) that this API did not start. */
  UNEXPECTED_EXEC = 'UNEXPECTED_EXEC',
  /** The image resolved to another digest than the template pins: not started. */
  IMAGE_DIGEST_MISMATCH = 'IMAGE_DIGEST_MISMATCH',
}
registerEnumType(ViolationKind, { name: 'SecurityViolationKind' });

@ObjectType('ContainerInstanceTransition')
export class InstanceTransition {
  @Field(() => InstanceStatus) status!: InstanceStatus;
  @Field() at!: Date;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('SecurityViolation')
export class SecurityViolation {
  @Field(() => ViolationKind) kind!: ViolationKind;
  @Field({ description: 'When it was detected (for an exec: when the Engine reported it)' }) detectedAt!: Date;
  @Field() detail!: string;
}

@ObjectType('ContainerInstanceUsage', { description: 'Sampled from the container\'s stats stream while it ran; kept after it ended' })
export class InstanceUsage {
  @Field(() => Int) memoryUsedMb!: number;
  @Field(() => Int) peakMemoryUsedMb!: number;
  @Field(() => Int) cpuUsedMillicores!: number;
  @Field(() => Int) peakCpuUsedMillicores!: number;
  @Field(() => GraphQLSafeInt, { description: 'The writable layer, measured when the run ended' }) storageUsedBytes!: number;
  @Field(() => GraphQLSafeInt) networkBytesIn!: number;
  @Field(() => GraphQLSafeInt) networkBytesOut!: number;
  @Field(() => Int) samples!: number;
  @Field(() => Date, { nullable: true }) sampledAt!: Date | null;
}

@ObjectType('ContainerInstanceTaskRef')
export class InstanceTaskRef {
  @Field() id!: string;
  @Field() callbackUrl!: string;
}

/** What a run ran: a copy of the template's definition (or the direct spec) at the time, so later edits change nothing. */
export type InstanceDefinition = Omit<TemplateDefinition, 'name' | 'container'> & { container: Omit<ContainerSpec, 'env'> };

/**
 * The seed's container execution: one job-like run, driven through its lifecycle by the API instance holding its
 * lease (any instance takes over a lapsed one). Its environment is sealed (it may hold secrets); its Vault token is
 * never stored, only the accessor that revokes it.
 */
@ObjectType('ContainerInstance')
@Entity({ tableName: 'container_instances' })
@Index({ name: 'container_instances_account_created_idx', properties: ['accountId', 'createdAt'] })
@Index({ name: 'container_instances_active_idx', properties: ['status', 'leaseUntil'] })
export class ContainerInstance {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field({ description: 'The template\'s name, or the direct spec\'s' })
  @Property({ type: 'string', length: 128 })
  name!: string;

  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) templateId?: string | null;
  @Field(() => Int, { nullable: true, description: 'The template version this run used' }) @Property({ type: 'integer', nullable: true }) templateVersion?: number | null;
  @Field(() => ID, { nullable: true, description: 'The run this one retries' }) @Property({ type: 'uuid', nullable: true }) retryOf?: string | null;

  @Field(() => InstanceStatus)
  @Enum({ items: () => InstanceStatus, nativeEnumName: 'container_instance_status' })
  status: InstanceStatus = InstanceStatus.PENDING;

  @Field(() => String, { nullable: true, description: 'Why it is in its status (the last transition\'s reason)' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'The error code of a FAILED run (VAULT_UNAVAILABLE, HOST_UNREACHABLE, ...)' })
  @Property({ type: 'string', length: 64, nullable: true })
  errorCode?: string | null;

  @Field(() => [InstanceTransition]) @Property({ type: 'json' }) transitions: InstanceTransition[] = [];

  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) hostId?: string | null;
  /** The host the caller named (a retry goes there again); null when placement chose. */
  @Property({ type: 'uuid', nullable: true }) requestedHostId?: string | null;
  @Field(() => String, { nullable: true, description: 'Why this host (given, or chosen by placement)' }) @Property({ type: 'text', nullable: true }) placementReason?: string | null;
  @Field(() => String, { nullable: true, description: 'The Docker container id, set when it was created' }) @Property({ type: 'string', length: 128, nullable: true }) containerId?: string | null;
  @Property({ type: 'datetime', nullable: true }) containerRemovedAt?: Date | null;

  @Property({ type: 'json' }) definition!: InstanceDefinition;
  @Property({ type: 'text', nullable: true }) sealedEnv?: string | null;
  @Field(() => [String], { description: 'The environment\'s names; values are never returned' }) @Property({ type: 'json' }) envNames: string[] = [];

  @Property({ type: 'string', length: 128, nullable: true }) vaultAccessor?: string | null;
  @Property({ type: 'datetime', nullable: true }) vaultTokenExpiresAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When its Vault token was revoked' }) @Property({ type: 'datetime', nullable: true }) vaultRevokedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Started + timeout: whoever holds the run then stops it' }) @Property({ type: 'datetime', nullable: true }) deadlineAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) cancelRequestedAt?: Date | null;
  /**
   * How the run ended, stored (with its output) before its token and container are settled and the terminal state
   * is written: a driver dying in between leaves a successor that finishes the same ending, not "container gone".
   */
  @Property({ type: 'string', length: 32, nullable: true }) endingStatus?: InstanceStatus | null;
  @Property({ type: 'text', nullable: true }) endingReason?: string | null;

  @Field(() => Int, { nullable: true }) @Property({ type: 'integer', nullable: true }) exitCode?: number | null;
  @Field(() => String, { nullable: true, description: 'Captured apart from stderr, size-capped, secrets redacted' }) @Property({ type: 'text', nullable: true }) stdout?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) stderr?: string | null;
  @Field({ description: 'Output was cut at the cap' }) @Property({ type: 'boolean' }) outputTruncated: boolean = false;

  @Field(() => InstanceUsage, { nullable: true }) @Property({ type: 'json', nullable: true }) usage?: InstanceUsage | null;
  @Field(() => [SecurityViolation]) @Property({ type: 'json' }) violations: SecurityViolation[] = [];
  @Field(() => InstanceTaskRef, { nullable: true }) @Property({ type: 'json', nullable: true }) taskRef?: InstanceTaskRef | null;

  @Property({ type: 'string', length: 128, nullable: true }) leaseOwner?: string | null;
  @Property({ type: 'datetime', nullable: true }) leaseUntil?: Date | null;
  /** Who ran it (subject and permissions), so a resumed run is judged as its caller. */
  @Property({ type: 'json' }) actor!: { subject: string; permissions: string[] };

  @Field() @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) startedAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) finishedAt?: Date | null;

  @Field() get hasSecurityViolations(): boolean {
    return this.violations.length > 0;
  }

  @Field() get image(): string {
    return this.definition.container.image;
  }

  @Field(() => Int) get cpuMillicores(): number {
    return this.definition.cpuMillicores;
  }

  @Field(() => Int) get memoryMb(): number {
    return this.definition.memoryMb;
  }

  @Field(() => Int) get timeoutSeconds(): number {
    return this.definition.timeoutSeconds;
  }

  @Field(() => VaultDelivery) get vaultDelivery(): VaultDelivery {
    return this.definition.vaultDelivery;
  }
}
