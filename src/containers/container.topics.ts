import { plainSnapshot } from '../db/plain-rows';
import type { Container } from './container.entity';
import type { ContainerState } from './container.enums';

export const ContainerTopic = {
  StateChanged: 'CONTAINER_STATE_CHANGED',
} as const;

export interface ContainerStateChangePayload {
  hostId: string;
  container: Container;
  previousState: ContainerState | null;
  state: ContainerState;
  removed: boolean;
  at: Date;
}

export type ContainerTopics = {
  [ContainerTopic.StateChanged]: [accountId: string, payload: ContainerStateChangePayload];
};

/** The container as plain data: the payload may cross Redis to another instance's subscribers. */
export function containerSnapshot(container: Container): Container {
  return plainSnapshot(container);
}
