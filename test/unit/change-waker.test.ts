import { ChangeWaker } from '../../src/deployments/change.waker';
import { createLocalPubSub } from '../../src/pubsub/pubsub';
import type { SwarmEvent } from '../../src/swarm/swarm-event.entity';
import { SwarmTopic } from '../../src/swarm/swarm.topics';

const event = (fields: Partial<SwarmEvent>) => ({ clusterId: 'c1', type: 'service', action: 'update', actorId: 'x', actorName: 'shop_web', ...fields }) as SwarmEvent;
/** Lets published events and settled promises run (no timer moves). */
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe(ChangeWaker.name, () => {
  const setup = () => {
    const pubsub = createLocalPubSub();
    const waker = new ChangeWaker(pubsub, { accountId: 'a1', clusterId: 'c1', prefix: 'shop_' });
    const signal = new AbortController().signal;
    const waiting = (ms = 60_000) => {
      const state = { done: false };
      const promise = waker.wait(ms, signal).then(() => void (state.done = true));
      return { state, promise };
    };
    return { pubsub, waker, waiting, signal };
  };

  it("ends a wait as soon as the cluster's event stream tells of one of the stack's services, and not for others", async () => {
    const { pubsub, waker, waiting } = setup();
    const wait = waiting();
    pubsub.publish(SwarmTopic.EventReceived, 'a1', event({ clusterId: 'c2' }));
    pubsub.publish(SwarmTopic.EventReceived, 'a1', event({ actorName: 'other_web' }));
    pubsub.publish(SwarmTopic.EventReceived, 'a1', event({ type: 'node', actorName: 'shop_node' }));
    pubsub.publish(SwarmTopic.EventReceived, 'a2', event({}));
    await turn();
    expect(wait.state.done).toBe(false);
    pubsub.publish(SwarmTopic.EventReceived, 'a1', event({ actorName: 'shop_web' }));
    await wait.promise;
    waker.close();
  });

  it('returns the next wait at once for a change that came while nobody waited, then waits again', async () => {
    const { pubsub, waker, waiting } = setup();
    pubsub.publish(SwarmTopic.EventReceived, 'a1', event({}));
    await turn();
    await waiting().promise;
    const next = waiting();
    await turn();
    expect(next.state.done).toBe(false);
    waker.close();
    await next.promise; // close ends a pending wait
  });

  it('still ends a wait when its time is up without any event', async () => {
    const { waker } = setup();
    await waker.wait(5, new AbortController().signal);
    waker.close();
  });
});
