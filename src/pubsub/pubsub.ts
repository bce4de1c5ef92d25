import { createPubSub } from '@graphql-yoga/subscription';
import type { HostTopics } from '../hosts/host.topics';

/** Every domain's topics in one typed map. In-process today; a Redis event target slots in here for scale-out. */
export type Topics = HostTopics;

export type PubSub = ReturnType<typeof createAppPubSub>;

export function createAppPubSub() {
  return createPubSub<Topics>();
}
