import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../common/errors';
import { isId } from '../common/ids';
import { LeaseTable } from '../db/leases';
import { HostStatus } from '../hosts/host.enums';
import { findPage, type Page, type PageArgs } from '../db/pagination';
import { ACTIVE_INSTANCE_STATUSES, ContainerInstance, type InstanceStatus } from './instance.entity';

export interface InstanceFilter {
  status?: InstanceStatus | null;
  templateId?: string | null;
  hostId?: string | null;
  taskId?: string | null;
}

export interface ExecEvent {
  action: string;
  attributes: Record<string, string>;
  time: Date;
}

export interface PlacementCandidate {
  id: string;
  name: string;
  facts: Record<string, string>;
  cpuMillicores: number;
  memoryMb: number;
  reservedCpuMillicores: number;
  reservedMemoryMb: number;
}

const ACTIVE_SQL = `status in (${ACTIVE_INSTANCE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** A write by an instance that no longer holds the run's lease: another instance drives it now. */
export class LeaseLostError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.CONFLICT, `container instance ${id} is driven by another API instance now`);
  }
}

/** Container instance rows. Every write of a run's progress is fenced by its lease: only its driver writes it. */
export class InstanceRepository {
  /** claim / renew / release of the runs' leases. */
  readonly leases: LeaseTable<ContainerInstance>;

  constructor(private readonly orm: MikroORM) {
    this.leases = new LeaseTable(orm, { entity: ContainerInstance, table: 'container_instances', active: ACTIVE_SQL, order: 'created_at' });
  }

  async insert(instance: ContainerInstance): Promise<void> {
    await this.orm.em.fork().persist(instance).flush();
  }

  async get(accountId: string, id: string): Promise<ContainerInstance | null> {
    return isId(id) ? this.orm.em.fork().findOne(ContainerInstance, { id, accountId }) : null;
  }

  async byId(id: string): Promise<ContainerInstance | null> {
    return this.orm.em.fork().findOne(ContainerInstance, { id });
  }

  page(accountId: string, filter: InstanceFilter, args: PageArgs): Promise<Page<ContainerInstance>> {
    const where: Record<string, unknown> = { accountId };
    if (filter.status) where.status = filter.status;
    if (filter.templateId) where.templateId = isId(filter.templateId) ? filter.templateId : null;
    if (filter.hostId) where.hostId = isId(filter.hostId) ? filter.hostId : null;
    if (filter.taskId) where.taskRef = { id: filter.taskId };
    return findPage(this.orm.em.fork(), ContainerInstance, { where, sortKey: 'createdAt', sortType: 'date', direction: 'desc', args });
  }

  /**
   * Writes `changes` onto the run as its driver `owner` (applied to `instance` too); LeaseLostError when another
   * instance took the run over. `also` runs in the same transaction (the linked task's outbox row of a terminal state).
   */
  async write(owner: string, instance: ContainerInstance, changes: Partial<ContainerInstance>, also?: (em: EntityManager) => Promise<void>): Promise<void> {
    // Fenced by the lease and by the run being active: nothing a driver writes lands after the terminal state.
    const where = { id: instance.id, leaseOwner: owner, status: { $in: [...ACTIVE_INSTANCE_STATUSES] } };
    // One statement when nothing rides along (a usage flush of every running run, every few seconds).
    const written = also
      ? await this.orm.em.fork().transactional(async (em) => {
          const n = await em.nativeUpdate(ContainerInstance, where, changes);
          if (n > 0) await also(em);
          return n;
        })
      : await this.orm.em.fork().nativeUpdate(ContainerInstance, where, changes);
    if (written === 0) throw new LeaseLostError(instance.id);
    Object.assign(instance, changes);
  }

  /** Asks the run's driver to cancel it; false when it already ended. */
  async requestCancel(accountId: string, id: string): Promise<boolean> {
    const n = await this.orm.em.fork().nativeUpdate(ContainerInstance, { id, accountId, status: { $in: [...ACTIVE_INSTANCE_STATUSES] }, cancelRequestedAt: null }, { cancelRequestedAt: new Date() });
    return n > 0;
  }

  /** Of these runs, the ones asked to cancel. */
  async cancelRequested(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.orm.em.fork().find(ContainerInstance, { id: { $in: [...ids] }, cancelRequestedAt: { $ne: null } }, { fields: ['id'] });
    return rows.map((r) => r.id);
  }

  /** Ended runs whose Vault token is not known to be revoked and may still be alive. */
  unrevoked(limit: number): Promise<ContainerInstance[]> {
    return this.orm.em.fork().find(ContainerInstance, { status: { $nin: [...ACTIVE_INSTANCE_STATUSES] }, vaultAccessor: { $ne: null }, vaultRevokedAt: null, vaultTokenExpiresAt: { $gt: new Date() } }, { limit, orderBy: { finishedAt: 'asc' } });
  }

  /** Ended runs whose container should be gone and was not removed (the host was down, or the driver died). */
  unremoved(limit: number): Promise<ContainerInstance[]> {
    return this.orm.em.fork().find(ContainerInstance, { status: { $nin: [...ACTIVE_INSTANCE_STATUSES] }, containerId: { $ne: null }, containerRemovedAt: null, finishedAt: { $gt: new Date(Date.now() - 7 * 86_400_000) } }, { limit, orderBy: { finishedAt: 'asc' } });
  }

  /** The account's CONNECTED hosts with what active runs have reserved on each (placement's view of room). */
  async placementCandidates(accountId: string): Promise<PlacementCandidate[]> {
    const rows: Array<Record<string, unknown>> = await this.orm.em.fork().getConnection().execute(
      `select h.id, h.name, h.environment, h.os, h.os_type, h.architecture, h.cpu_count, h.memory_bytes,
              coalesce(sum((i.definition->>'cpuMillicores')::int), 0) as cpu, coalesce(sum((i.definition->>'memoryMb')::int), 0) as mem
         from docker_hosts h left join container_instances i on i.host_id = h.id and i.${ACTIVE_SQL}
        where h.account_id = ? and h.status = ? group by h.id order by h.name`,
      [accountId, HostStatus.CONNECTED],
    );
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      facts: { environment: String(r.environment ?? ''), os: String(r.os ?? ''), osType: String(r.os_type ?? ''), architecture: String(r.architecture ?? ''), name: String(r.name) },
      cpuMillicores: Number(r.cpu_count ?? 0) * 1000,
      memoryMb: Math.floor(Number(r.memory_bytes ?? 0) / (1024 * 1024)),
      reservedCpuMillicores: Number(r.cpu),
      reservedMemoryMb: Number(r.mem),
    }));
  }

  /** Whether the Engine reported an `oom` event for the container (stored like every container event). */
  async sawOom(hostId: string, containerId: string): Promise<boolean> {
    const rows: unknown[] = await this.orm.em.fork().getConnection().execute(`select 1 from docker_events where host_id = ? and actor_id = ? and type = 'container' and action = 'oom' limit 1`, [hostId, containerId]);
    return rows.length > 0;
  }

  /** `docker exec`s into these containers the Engine reported (stored for instance containers only), per container, oldest first. */
  async execEventsOf(containerIds: readonly string[]): Promise<Map<string, ExecEvent[]>> {
    const found = new Map<string, ExecEvent[]>();
    if (containerIds.length === 0) return found;
    const rows: Array<{ actor_id: string; action: string; attributes: Record<string, string>; time: Date }> = await this.orm.em.fork().getConnection().execute(
      `select actor_id, action, attributes, time from docker_events where actor_id = any(?::text[]) and type = 'container' and action like 'exec\\_create%' order by time_nano limit 1000`,
      [pgTextArray(containerIds)],
    );
    for (const r of rows) found.set(r.actor_id, [...(found.get(r.actor_id) ?? []), { action: r.action, attributes: r.attributes ?? {}, time: new Date(r.time) }]);
    return found;
  }

  /** The usage of many runs in one statement, each only while `owner` drives it and it is active. */
  async writeUsage(owner: string, rows: ReadonlyArray<{ id: string; usage: unknown }>): Promise<void> {
    if (rows.length === 0) return;
    await this.orm.em.fork().getConnection().execute(
      `update container_instances c set usage = v.usage::jsonb
         from (select unnest(?::uuid[]) as id, unnest(?::text[]) as usage) v
        where c.id = v.id and c.lease_owner = ? and c.${ACTIVE_SQL}`,
      [`{${rows.map((r) => r.id).join(',')}}`, pgTextArray(rows.map((r) => JSON.stringify(r.usage))), owner],
    );
  }

  async markRevoked(id: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(ContainerInstance, { id }, { vaultRevokedAt: new Date() });
  }

  async markRemoved(id: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(ContainerInstance, { id }, { containerRemovedAt: new Date() });
  }

  /**
   * Quota repair: open charges whose run ended, or that never got their run's row (the API died between the charge
   * and the insert) after a minute's margin for a row being inserted right now, are released.
   */
  async releaseOrphanCharges(): Promise<number> {
    const rows: unknown[] = await this.orm.em.fork().getConnection().execute(
      `update quota_charges q set released_at = now()
        where q.released_at is null
          and not exists (select 1 from container_instances i where i.id = q.holder_id and i.${ACTIVE_SQL})
          and (q.charged_at < now() - interval '1 minute' or exists (select 1 from container_instances i where i.id = q.holder_id))
        returning q.holder_id`,
    );
    return rows.length;
  }
}

/** A PostgreSQL text[] literal (one bound value: knex would spread a JS array into a list of parameters). */
function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
