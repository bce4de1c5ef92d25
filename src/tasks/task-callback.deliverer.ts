import { DomainError, ErrorCode } from '../common/errors';
import type { TaskCallbackDelivery } from './task-callback.entity';
import type { DeliveryLedger } from './task-callback.repository';
import { judgeAttempt, signBody, type AttemptOutcome, type AttemptResult } from './task-callback.rules';
import type { SecretStore } from './task-callback.secrets';
import type { CallbackSender } from './task-callback.sender';

export interface CallbackUrlPolicy {
  checkUrl(url: string, field: string, label?: string): Promise<void>;
}

export interface DelivererOptions {
  ledger: DeliveryLedger;
  secrets: SecretStore;
  policy: CallbackUrlPolicy;
  send: CallbackSender;
  maxAttempts: number;
  backoffBaseMs: number;
  random?: () => number;
  now?: () => Date;
}

/**
 * One attempt at one claimed delivery: the destination judged again (DNS may have changed since the run was
 * accepted), signed with the account's secret as it is now, sent, and the outcome recorded under the lease.
 * What the judgement cannot close: fetch resolves the name once more (a rebinding between the two lookups); callback
 * hosts that matter should be addressed by IP or on a network the API server's firewall also guards.
 */
export class TaskCallbackDeliverer {
  constructor(private readonly deps: DelivererOptions) {}

  async attempt(delivery: TaskCallbackDelivery, owner: string): Promise<AttemptOutcome> {
    // Whatever stops an attempt from being made (the secret unreadable, the database gone) is a failed attempt: counted
    // and retried with backoff until the limit, never re-claimed forever.
    const result = await this.send(delivery).catch((error: unknown): AttemptResult => ({ kind: 'unreachable', error: `not sent: ${(error as Error).message}` }));
    const outcome = judgeAttempt(result, { attempts: delivery.attempts, maxAttempts: this.deps.maxAttempts, backoffBaseMs: this.deps.backoffBaseMs, random: this.deps.random });
    await this.deps.ledger.record(delivery.id, owner, outcome, this.deps.now?.());
    return outcome;
  }

  private async send(delivery: TaskCallbackDelivery): Promise<AttemptResult> {
    try {
      await this.deps.policy.checkUrl(delivery.callbackUrl, 'callbackUrl', 'callback');
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.FORBIDDEN && error.details.unresolved) return { kind: 'unreachable', error: error.message };
      if (error instanceof DomainError && error.code === ErrorCode.FORBIDDEN) return { kind: 'refused', reason: error.message };
      throw error;
    }
    const secret = await this.deps.secrets.secretFor(delivery.accountId);
    const now = this.deps.now?.() ?? new Date();
    return this.deps.send({
      url: delivery.callbackUrl,
      body: delivery.body,
      headers: {
        'Content-Type': 'application/json',
        'X-Fleet-Delivery': delivery.id,
        'X-Fleet-Event': delivery.event,
        'X-Fleet-Signature': signBody(secret, delivery.body),
        // When this attempt was sent (Unix seconds); informational: the signature covers the body, which holds the delivery id.
        'X-Fleet-Timestamp': String(Math.floor(now.getTime() / 1000)),
      },
    });
  }
}
