import type { PubSub } from '../pubsub/pubsub';
import { SwarmTopic } from '../swarm/swarm.topics';

/** What a change waker listens for: the swarm events of one cluster whose actor is one of these services. */
export interface ChangeWakerScope {
  accountId: string;
  clusterId: string;
  /** A service's name is `<prefix><key>` (a stack's: `<stack>_`). */
  prefix: string;
}

/**
 * Cuts a rollout's poll short when the cluster's event stream (through whichever instance syncs the cluster, via
 * PubSub) tells of one of the stack's services: Swarm emits a service `update` event as an update's state moves
 * (`updatestate.new: completed` once its monitor window passed), so the watch sees convergence at once instead of up
 * to a poll interval later. The poll still runs on its timer: an event that is lost or late only costs that interval.
 */
export class ChangeWaker {
  /** An event came while nobody waited (the watch was reading the swarm): the next wait returns at once. */
  private pending = false;
  private wake: (() => void) | null = null;
  private readonly events: ReturnType<typeof subscribeEvents>;

  constructor(pubsub: Pick<PubSub, 'subscribe'>, scope: ChangeWakerScope) {
    const events = subscribeEvents(pubsub, scope.accountId);
    this.events = events;
    void (async () => {
      for await (const event of events) {
        if (event.clusterId === scope.clusterId && event.type === 'service' && (event.actorName ?? '').startsWith(scope.prefix)) this.nudge();
      }
    })();
  }

  nudge(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }

  /** Waits for `ms`, a change, or the signal's abort, whichever comes first. */
  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.wake = done;
    });
  }

  close(): void {
    void this.events.return();
    this.wake?.();
  }
}

function subscribeEvents(pubsub: Pick<PubSub, 'subscribe'>, accountId: string) {
  return pubsub.subscribe(SwarmTopic.EventReceived, accountId);
}
