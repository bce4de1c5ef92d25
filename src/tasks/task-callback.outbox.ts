import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { InputError } from '../common/errors';
import { isId } from '../common/ids';
import { isStorableText } from '../common/storable';
import type { Page, PageArgs } from '../db/pagination';
import type { CallbackUrlPolicy } from './task-callback.deliverer';
import type { TaskCallbackDelivery } from './task-callback.entity';
import type { DeliveryFilter, TaskCallbackRepository } from './task-callback.repository';
import type { TaskCallbackSecrets } from './task-callback.secrets';
import { TaskRefInput } from './task-callback.inputs';

export { TaskRefInput };

const MAX_URL_LENGTH = 2048;
const MAX_TASK_ID_LENGTH = 256;

/**
 * Linked tasks' results (the seed's "Linked A2A tasks updated with results"), through an outbox: the row is written
 * in the transaction that writes the run's terminal state, and the worker delivers it — at least once, with a
 * stable delivery id, so neither a crash before the commit (no row, no state) nor one after it (the row survives)
 * loses or invents a result.
 */
export class TaskCallbacks {
  constructor(private readonly deps: { repository: TaskCallbackRepository; secrets: TaskCallbackSecrets; policy: CallbackUrlPolicy; wake?: () => void }) {}

  /** At runContainerInstance: InputError / ForbiddenError naming `${field}.callbackUrl` or `${field}.id`. */
  async checkTaskRef(taskRef: TaskRefInput, field: string): Promise<void> {
    const { id, callbackUrl } = taskRef;
    if (typeof id !== 'string' || id.length < 1 || id.length > MAX_TASK_ID_LENGTH || !isStorableText(id)) throw new InputError(`${field}.id`, `must be 1 to ${MAX_TASK_ID_LENGTH} characters`);
    const urlField = `${field}.callbackUrl`;
    if (typeof callbackUrl !== 'string' || callbackUrl.length > MAX_URL_LENGTH || !isStorableText(callbackUrl)) throw new InputError(urlField, `must be a URL of at most ${MAX_URL_LENGTH} characters`);
    let url: URL;
    try {
      url = new URL(callbackUrl);
    } catch {
      throw new InputError(urlField, 'is not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(urlField, `must be http or https, not ${url.protocol}`);
    // Credentials in the URL would be stored and shown in taskCallbackDeliveries; the signature is the authentication.
    if (url.username || url.password) throw new InputError(urlField, 'must not carry credentials (user:password@): receivers authenticate deliveries by their signature');
    await this.deps.policy.checkUrl(callbackUrl, urlField, urlField);
  }

  /**
   * Inside the caller's transaction (`em` is its transactional EntityManager): one outbox row, written by
   * `insert … on conflict (instance_id, event) do nothing`, so enqueueing the same terminal state again is a no-op
   * (never a unique violation that would abort the caller's transaction). Visible to the worker once the caller
   * commits; call `wake()` after the commit to have it sent now rather than at the next tick.
   */
  async enqueue(em: EntityManager, delivery: { accountId: string; instanceId: string; taskRef: TaskRefInput; event: string; payload: Record<string, unknown> }): Promise<void> {
    const id = randomUUID();
    const createdAt = new Date();
    const body = JSON.stringify({
      deliveryId: id,
      event: delivery.event,
      createdAt: createdAt.toISOString(),
      accountId: delivery.accountId,
      instanceId: delivery.instanceId,
      task: { id: delivery.taskRef.id },
      data: delivery.payload,
    });
    await this.deps.repository.insertOnce(em, { id, accountId: delivery.accountId, instanceId: delivery.instanceId, taskId: delivery.taskRef.id, callbackUrl: delivery.taskRef.callbackUrl, event: delivery.event, body, createdAt });
  }

  /** After a commit that enqueued deliveries: look for them now. */
  wake(): void {
    this.deps.wake?.();
  }

  list(principal: Principal, filter: DeliveryFilter, args: PageArgs): Promise<Page<TaskCallbackDelivery>> {
    if (filter.instanceId && !isId(filter.instanceId)) throw new InputError('filter.instanceId', 'is not an id');
    if (filter.taskId && (filter.taskId.length > MAX_TASK_ID_LENGTH || !isStorableText(filter.taskId))) throw new InputError('filter.taskId', `must be at most ${MAX_TASK_ID_LENGTH} characters`);
    return this.deps.repository.page(principal.accountId, filter, args);
  }

  rotateSecret(principal: Principal): Promise<{ secret: string; createdAt: Date }> {
    return this.deps.secrets.rotate(principal.accountId);
  }

  secretSet(principal: Principal): Promise<boolean> {
    return this.deps.secrets.isSet(principal.accountId);
  }
}
