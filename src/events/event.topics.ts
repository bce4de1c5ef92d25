import type { DockerEvent } from './event.entity';

export const EventTopic = {
  Received: 'DOCKER_EVENT_RECEIVED',
} as const;

export type EventTopics = {
  [EventTopic.Received]: [accountId: string, payload: DockerEvent];
};
