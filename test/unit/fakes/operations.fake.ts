import type { EntityClass, EntityData } from '@mikro-orm/core';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../../src/log/logger';
import { OperationStatus, type Operation } from '../../../src/operations/operation.entity';
import type { AbandonRule, OperationStore } from '../../../src/operations/operation.repository';

/**
 * OperationStore in memory, shared by every runner of a test the way instances share the database. `now` is its
 * clock (the database's); rows are copies, so a runner sees only what it stored. Settling applies the rule the SQL
 * applies (test/integration/operation-repository.test.ts holds the SQL to it).
 */
export class FakeOperationStore implements OperationStore {
  readonly rows = new Map<string, Operation>();
  readonly heartbeats: string[][] = [];
  now = Date.now();

  async insert(operation: Operation): Promise<void> {
    this.rows.set(operation.id, copy(operation));
  }

  async finish<T extends Operation>(operation: T, fields: EntityData<T>): Promise<boolean> {
    const row = this.rows.get(operation.id);
    if (!row || row.status !== OperationStatus.RUNNING) return false;
    const { status, lastMessage, error, errorCode, finishedAt } = operation;
    Object.assign(row, fields, { status, lastMessage, error, errorCode, finishedAt });
    return true;
  }

  async findInAccount<T extends Operation>(kind: EntityClass<T>, accountId: string, id: string): Promise<T | null> {
    const row = this.rows.get(id);
    return row instanceof kind && row.accountId === accountId ? (copy(row) as T) : null;
  }

  async heartbeat(operations: readonly Operation[]): Promise<void> {
    this.heartbeats.push(operations.map((o) => o.id));
    for (const { id } of operations) {
      const row = this.rows.get(id);
      if (row?.status === OperationStatus.RUNNING) row.heartbeatAt = new Date(this.now);
    }
  }

  async settleAbandoned(rule: AbandonRule): Promise<Operation[]> {
    const abandoned = [...this.rows.values()].filter(
      (row) => row.status === OperationStatus.RUNNING && ((row.heartbeatAt && row.heartbeatAt.getTime() < this.now - rule.staleAfterMs) || (row.deadlineAt && row.deadlineAt.getTime() < this.now - rule.graceMs)),
    );
    for (const row of abandoned) Object.assign(row, { status: OperationStatus.FAILED, error: rule.error, errorCode: rule.errorCode, finishedAt: new Date(this.now) });
    return abandoned.map(copy);
  }

  row(id: string): Operation {
    return this.rows.get(id)!;
  }
}

function copy<T extends Operation>(operation: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(operation) as object) as T, operation);
}

/** A logger whose lines the test can read. */
export function recordingLogger(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}
