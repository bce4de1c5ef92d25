import { wrap } from '@mikro-orm/core';
import { SEALED_MARKER } from '../sync/scope.entity';
import type { DockerHost } from './host.entity';

/** Host streams are keyed by account id, so a subscriber can only ever be handed its own account's events. */
export const HostTopic = {
  Changed: 'DOCKER_HOST_CHANGED',
  Deleted: 'DOCKER_HOST_DELETED',
  /** System-wide: a host's syncable state changed; sync workers on every instance look again now. */
  SyncWake: 'DOCKER_HOST_SYNC_WAKE',
} as const;

/**
 * What subscribers receive: the row as plain data (it may cross Redis) with the ciphertext replaced by a marker, so
 * `hasTlsCredentials` still answers and no sealed material ever leaves the database.
 */
export type HostSnapshot = DockerHost;

export type HostTopics = {
  [HostTopic.Changed]: [accountId: string, payload: HostSnapshot];
  [HostTopic.Deleted]: [accountId: string, payload: { id: string }];
  [HostTopic.SyncWake]: [payload: { hostId: string; connected: boolean }];
};

export function hostSnapshot(host: DockerHost): HostSnapshot {
  return { ...(wrap(host).toPOJO() as DockerHost), encryptedTlsCredentials: host.encryptedTlsCredentials ? SEALED_MARKER : null } as HostSnapshot;
}
