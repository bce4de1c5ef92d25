import { raw, type EntityClass, type EntityData } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { isId } from '../common/ids';
import { OperationStatus, type Operation } from './operation.entity';

/** Which RUNNING rows have lost their runner, and what they are settled with. */
export interface AbandonRule {
  /** A heartbeat older than this: the instance running it is gone. */
  staleAfterMs: number;
  /** Past its deadline by more than this: its runner would have ended it itself. */
  graceMs: number;
  error: string;
  errorCode: string;
}

/** The operations' SQL, for every kind. Every write of an outcome applies only while the row is RUNNING: the first outcome stays. */
export interface OperationStore {
  insert(operation: Operation): Promise<void>;
  /** Stores the outcome the operation carries, and `fields` of its kind; false when the row had already ended. */
  finish<T extends Operation>(operation: T, fields: EntityData<T>): Promise<boolean>;
  findInAccount<T extends Operation>(kind: EntityClass<T>, accountId: string, id: string): Promise<T | null>;
  /** Renews the heartbeat of these operations (the ones this instance runs). */
  heartbeat(operations: readonly Operation[]): Promise<void>;
  /** Fails every RUNNING row (of every kind) that has lost its runner, and returns them. */
  settleAbandoned(rule: AbandonRule): Promise<Operation[]>;
}

/**
 * Operations of the kinds given (each domain's entity, with its own table). One EntityManager fork per call: the
 * repository lives as long as the app, its identity maps must not. Times compared are the database's.
 */
export class OperationRepository implements OperationStore {
  constructor(private readonly orm: MikroORM, private readonly kinds: ReadonlyArray<EntityClass<Operation>>) {}

  async insert(operation: Operation): Promise<void> {
    await this.orm.em.fork().persist(operation).flush();
  }

  async finish<T extends Operation>(operation: T, fields: EntityData<T>): Promise<boolean> {
    const { status, lastMessage, error, errorCode, finishedAt } = operation;
    const where = { id: operation.id, status: OperationStatus.RUNNING };
    const changed = await this.orm.em.fork().nativeUpdate(operation.constructor as EntityClass<T>, where as never, { ...fields, status, lastMessage, error, errorCode, finishedAt } as EntityData<T>);
    return changed > 0;
  }

  async findInAccount<T extends Operation>(kind: EntityClass<T>, accountId: string, id: string): Promise<T | null> {
    return isId(id) ? this.orm.em.fork().findOne(kind, { id, accountId } as never) : null;
  }

  async heartbeat(operations: readonly Operation[]): Promise<void> {
    const em = this.orm.em.fork();
    for (const kind of new Set(operations.map((o) => o.constructor as EntityClass<Operation>))) {
      const ids = operations.filter((o) => o instanceof kind).map((o) => o.id);
      await em.nativeUpdate(kind, { id: { $in: ids }, status: OperationStatus.RUNNING }, { heartbeatAt: raw('now()') });
    }
  }

  async settleAbandoned(rule: AbandonRule): Promise<Operation[]> {
    const em = this.orm.em.fork();
    const settled: Operation[] = [];
    for (const kind of this.kinds) {
      const table = em.getMetadata().get(kind.name).tableName;
      // A row without a heartbeat or deadline was started by a version before them (an upgrade under way): left to it.
      const rows: Array<Record<string, unknown>> = await em.getConnection().execute(
        `update "${table}" set status = ?, error = ?, error_code = ?, finished_at = now()
          where status = ? and (heartbeat_at < now() - make_interval(secs => ?) or deadline_at < now() - make_interval(secs => ?))
          returning *`,
        [OperationStatus.FAILED, rule.error, rule.errorCode, OperationStatus.RUNNING, rule.staleAfterMs / 1000, rule.graceMs / 1000],
      );
      settled.push(...rows.map((row) => em.map(kind, row)));
    }
    return settled;
  }
}
