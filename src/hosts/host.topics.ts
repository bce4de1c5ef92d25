import type { DockerHost } from './host.entity';

/** Host streams are keyed by account id, so a subscriber can only ever be handed its own account's events. */
export const HostTopic = {
  Changed: 'DOCKER_HOST_CHANGED',
  Deleted: 'DOCKER_HOST_DELETED',
} as const;

export type HostTopics = {
  [HostTopic.Changed]: [accountId: string, payload: DockerHost];
  [HostTopic.Deleted]: [accountId: string, payload: { id: string }];
};
