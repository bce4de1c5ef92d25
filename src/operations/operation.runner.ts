import type { EntityClass, EntityData } from '@mikro-orm/core';
import { DomainError, NotFoundError } from '../common/errors';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import { OperationStatus, type Operation } from './operation.entity';
import type { OperationStore } from './operation.repository';
import { OperationTopic, type OperationProgress, type OperationProgressMessage } from './operation.topics';

/** How often the instance running operations says so (OperationWorker); four missed beats and they count as abandoned. */
export const HEARTBEAT_EVERY_MS = 15_000;

/** The codes an operation can end with besides its task's own (a DomainError's code, or INTERNAL_SERVER_ERROR). */
export enum OperationErrorCode {
  /** The task had no result before the operation's timeout. */
  OPERATION_TIMEOUT = 'OPERATION_TIMEOUT',
  /** The instance running it stopped (crashed, lost its database) before it ended. */
  OPERATION_ABANDONED = 'OPERATION_ABANDONED',
}

export interface OperationContext {
  operationId: string;
  /** Published at once on the operation's topic, in the order of the calls; ignored once the operation has ended. */
  progress(step: OperationProgress): void;
  /** Aborted when the operation timed out: whatever the task still does is no longer awaited. */
  signal: AbortSignal;
}

/** The work of an operation; the fields it resolves to (a build's image id) are stored with the outcome. */
export type OperationTask<T extends Operation> = (context: OperationContext) => Promise<EntityData<T> | void>;

export interface OperationRunnerDeps {
  repository: OperationStore;
  pubsub: PubSub;
  logger: Logger;
  instanceId: string;
  /** Defaults to four heartbeats. */
  staleAfterMs?: number;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Runs durable operations of any kind: the row first, then the task with a progress callback that publishes on the
 * operation's topic, then the outcome stored and a last message with `done: true`. Callers get the operation at
 * once (RUNNING) or at its end; anyone may follow or wait for it by id, on any instance.
 */
export class OperationRunner {
  private readonly running = new Map<Operation, Promise<Operation>>();

  constructor(private readonly deps: OperationRunnerDeps) {}

  /** Runs `operation` (a new row of its kind, RUNNING) until its task ends or `timeoutMs` passes. */
  async run<T extends Operation>(operation: T, task: OperationTask<T>, options: { timeoutMs: number; wait: boolean }): Promise<T> {
    Object.assign(operation, { ownerInstance: this.deps.instanceId, deadlineAt: new Date(Date.now() + options.timeoutMs) });
    await this.deps.repository.insert(operation);
    const finished = this.execute(operation, task, options.timeoutMs);
    this.running.set(operation, finished);
    void finished.finally(() => this.running.delete(operation));
    return options.wait ? finished : operation;
  }

  find<T extends Operation>(kind: EntityClass<T>, accountId: string, id: string): Promise<T | null> {
    return this.deps.repository.findInAccount(kind, accountId, id);
  }

  /** The operation's state now, then every message until the final one (at once if it already ended). */
  async follow(kind: EntityClass<Operation>, accountId: string, id: string): Promise<AsyncIterableIterator<OperationProgressMessage>> {
    const channel = this.deps.pubsub.subscribe(OperationTopic.Progress, id);
    // Read after subscribing: nothing falls between the two.
    const current = await this.find(kind, accountId, id).catch(async (error: unknown) => {
      await channel.return();
      throw error;
    });
    if (!current) {
      await channel.return();
      throw new NotFoundError('Operation', id);
    }
    return (async function* () {
      try {
        yield snapshot(current);
        if (current.status !== OperationStatus.RUNNING) return;
        for await (const message of channel) {
          yield message;
          if (message.done) return;
        }
      } finally {
        await channel.return();
      }
    })();
  }

  /** The operation once it has ended, wherever it runs. */
  async wait<T extends Operation>(kind: EntityClass<T>, accountId: string, id: string): Promise<T> {
    for await (const message of await this.follow(kind, accountId, id)) if (message.done) break;
    const operation = await this.find(kind, accountId, id);
    if (!operation) throw new NotFoundError('Operation', id);
    return operation;
  }

  /** Renews the heartbeat of every operation running here. */
  heartbeat(): Promise<void> {
    return this.deps.repository.heartbeat([...this.running.keys()]);
  }

  /** Fails the RUNNING rows whose instance is gone or that are well past their deadline, and tells their followers. */
  async settleAbandoned(): Promise<Operation[]> {
    const settled = await this.deps.repository.settleAbandoned({
      staleAfterMs: this.deps.staleAfterMs ?? 4 * HEARTBEAT_EVERY_MS,
      graceMs: HEARTBEAT_EVERY_MS,
      error: 'the API instance running it stopped before it ended',
      errorCode: OperationErrorCode.OPERATION_ABANDONED,
    });
    for (const operation of settled) this.deps.pubsub.publish(OperationTopic.Progress, operation.id, snapshot(operation));
    if (settled.length > 0) this.deps.logger.warn({ operations: settled.map((o) => ({ id: o.id, ownerInstance: o.ownerInstance })) }, 'operations left running by a stopped instance settled as failed');
    return settled;
  }

  /** Waits for the operations running here (shutdown). */
  async close(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private async execute<T extends Operation>(operation: T, task: OperationTask<T>, timeoutMs: number): Promise<T> {
    const controller = new AbortController();
    let ended = false;
    const progress = (step: OperationProgress) => {
      if (ended) return;
      operation.lastMessage = step.part ? `${step.part}: ${step.message}` : step.message;
      this.deps.pubsub.publish(OperationTopic.Progress, operation.id, { ...messageOf(operation, false), message: step.message, part: step.part ?? null, current: step.current ?? null, total: step.total ?? null });
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
      timer.unref(); // shutdown waits for the task itself (close), not for its deadline
    });
    const work = Promise.resolve().then(() => task({ operationId: operation.id, progress, signal: controller.signal }));
    work.catch(() => undefined); // after a timeout nobody awaits it
    let fields: EntityData<T> = {};
    try {
      const result = await Promise.race([work, timeout]);
      if (result === TIMED_OUT) {
        controller.abort();
        Object.assign(operation, { status: OperationStatus.FAILED, error: `no result within ${timeoutMs / 1000} s`, errorCode: OperationErrorCode.OPERATION_TIMEOUT });
      } else {
        fields = result ?? {};
        Object.assign(operation, fields, { status: OperationStatus.SUCCEEDED });
      }
    } catch (error) {
      Object.assign(operation, { status: OperationStatus.FAILED, error: error instanceof Error ? error.message : String(error), errorCode: error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR' });
      if (!(error instanceof DomainError)) this.deps.logger.error({ err: error, operationId: operation.id }, 'operation crashed');
    } finally {
      ended = true;
      clearTimeout(timer);
    }
    operation.finishedAt = new Date();
    const stored = await this.deps.repository.finish(operation, fields).catch((error: unknown) => {
      this.deps.logger.error({ err: error, operationId: operation.id }, 'operation result not stored');
      return true; // followers still learn how it ended; the row is settled once its heartbeat lapses
    });
    if (!stored) {
      // Settled elsewhere first (this instance's heartbeat lapsed): that outcome stays, and its followers have it.
      return (await this.find(operation.constructor as EntityClass<T>, operation.accountId, operation.id).catch(() => null)) ?? operation;
    }
    this.deps.pubsub.publish(OperationTopic.Progress, operation.id, messageOf(operation, true));
    return operation;
  }
}

function messageOf(operation: Operation, done: boolean): OperationProgressMessage {
  return { operationId: operation.id, status: operation.status, message: operation.lastMessage ?? null, part: null, current: null, total: null, done, error: operation.error ?? null, errorCode: operation.errorCode ?? null, at: new Date() };
}

function snapshot(operation: Operation): OperationProgressMessage {
  return messageOf(operation, operation.status !== OperationStatus.RUNNING);
}
