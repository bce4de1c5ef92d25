import type { ContainerInstance } from './instance.entity';

export const InstanceTopic = {
  /** A container instance of the account changed (status, container, usage), keyed by account id. */
  Changed: 'CONTAINER_INSTANCE_CHANGED',
  /** System-wide: a run was asked to cancel; the instance driving it acts now rather than at its next tick. */
  Wake: 'CONTAINER_INSTANCE_WAKE',
} as const;

/** What subscribers get of a run: never its sealed environment, its token's accessor or its actor's permissions. */
export function published(instance: ContainerInstance): ContainerInstance {
  const { sealedEnv: _env, vaultAccessor: _accessor, actor: _actor, leaseOwner: _owner, ...rest } = instance;
  return rest as ContainerInstance;
}

export type InstanceTopics = {
  [InstanceTopic.Changed]: [accountId: string, payload: ContainerInstance];
  [InstanceTopic.Wake]: [payload: { instanceId: string }];
};
