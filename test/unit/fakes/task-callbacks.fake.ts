import { randomUUID } from 'node:crypto';
import { ForbiddenError } from '../../../src/common/errors';
import { TaskCallbackDelivery } from '../../../src/tasks/task-callback.entity';
import type { DeliveryLedger } from '../../../src/tasks/task-callback.repository';
import type { AttemptOutcome, AttemptResult } from '../../../src/tasks/task-callback.rules';
import type { SignedPost } from '../../../src/tasks/task-callback.sender';

/** Records what the deliverer wrote, and answers claims from a list. */
export class FakeLedger implements DeliveryLedger {
  readonly recorded: Array<{ id: string; owner: string; outcome: AttemptOutcome }> = [];
  due: TaskCallbackDelivery[] = [];

  async claimDue(): Promise<TaskCallbackDelivery[]> {
    const claimed = this.due;
    this.due = [];
    return claimed;
  }

  async record(id: string, owner: string, outcome: AttemptOutcome): Promise<boolean> {
    this.recorded.push({ id, owner, outcome });
    return true;
  }
}

/** A receiver answering from a script (the last answer repeats), keeping every post it got. */
export class FakeReceiver {
  readonly posts: SignedPost[] = [];
  constructor(private readonly answers: AttemptResult[]) {}

  readonly send = async (post: SignedPost): Promise<AttemptResult> => {
    this.posts.push(post);
    return this.answers.length > 1 ? this.answers.shift()! : this.answers[0]!;
  };
}

/** Refuses the hosts it is told to (as OutboundPolicy does: FORBIDDEN naming the field). */
export class FakePolicy {
  readonly refused = new Set<string>();
  async checkUrl(url: string, field: string): Promise<void> {
    if (this.refused.has(new URL(url).hostname)) throw new ForbiddenError(`callback: ${url} is on a private address`, field);
  }
}

export const fakeSecrets = (secret = 'whsec_test') => ({ secretFor: async () => secret });

export function pendingDelivery(overrides: Partial<TaskCallbackDelivery> = {}): TaskCallbackDelivery {
  return Object.assign(new TaskCallbackDelivery(), {
    accountId: 'acct-1',
    instanceId: randomUUID(),
    taskId: 'task-1',
    callbackUrl: 'https://tasks.example.com/hook',
    event: 'container_instance.completed',
    body: '{"event":"container_instance.completed","data":{"exitCode":0}}',
    attempts: 1,
    ...overrides,
  });
}
