import { ContainersDocument, DockerHostDocument, DockerHostStatus, ImagesDocument, RegisterDockerHostDocument, type DockerHostEnvironment, type FleetClient, type TlsCredentialsInput } from '../client';
import type { Steps } from './steps';

export interface AddHostOptions {
  name: string;
  apiEndpoint: string;
  environment: DockerHostEnvironment;
  tlsCredentials?: TlsCredentialsInput;
  syncIntervalSeconds?: number;
  timeoutMs: number;
}

/**
 * The runbook's "Adding a new Docker host": register → the system verifies connectivity (connected) → the initial
 * sync pulls the inventory (counts stored and listed) → auto-sync begins (the sync engine syncs it again by itself).
 */
export async function addHost(client: FleetClient, steps: Steps, options: AddHostOptions): Promise<{ hostId: string }> {
  const registered = await steps.step(`register the host ${options.name} at ${options.apiEndpoint}`, async () => {
    const { registerDockerHost: host } = await client.request(RegisterDockerHostDocument, {
      input: { name: options.name, apiEndpoint: options.apiEndpoint, environment: options.environment, tlsCredentials: options.tlsCredentials, syncIntervalSeconds: options.syncIntervalSeconds },
    });
    steps.note(`host ${host.id}, status ${host.status}${host.lastError ? `, last error: ${host.lastError}` : ''}`);
    return host;
  });
  const hostId = registered.id;
  const read = async () => {
    const { dockerHost } = await client.request(DockerHostDocument, { id: hostId });
    if (!dockerHost) throw new Error(`host ${hostId} is gone`);
    return dockerHost;
  };

  const connected = await steps.step('the system verifies connectivity', () =>
    steps.until('status is CONNECTED', read, {
      holds: (h) => h.status === DockerHostStatus.Connected,
      fatal: (h) => h.status === DockerHostStatus.Error,
      evidence: (h) => `${h.status}${h.dockerVersion ? `, Docker ${h.dockerVersion} (API ${h.apiVersion})` : ''}${h.lastError ? `, ${h.lastErrorCode}: ${h.lastError}` : ''}`,
      timeoutMs: options.timeoutMs,
    }),
  );

  await steps.step('the initial sync pulls the container and image inventory', async () => {
    steps.check('synced', connected.lastSyncedAt !== null, `lastSyncedAt ${connected.lastSyncedAt}`);
    const [containers, images] = await Promise.all([client.request(ContainersDocument, { filter: { hostId }, first: 1 }), client.request(ImagesDocument, { filter: { hostId }, first: 1 })]);
    // The host's counts are Docker's own (system info); the listed rows are what the sync stored.
    steps.check('containers stored', containers.containers.totalCount === connected.containerCount, `${containers.containers.totalCount} listed, the daemon reports ${connected.containerCount}`);
    steps.check('images stored', images.images.totalCount === connected.imageCount, `${images.images.totalCount} listed, the daemon reports ${connected.imageCount}`);
  });

  await steps.step(`auto-sync begins (interval ${connected.syncIntervalSeconds} s)`, () =>
    steps.until('synced again by the sync engine, without being asked', read, {
      holds: (h) => h.syncOwner !== null && h.lastSyncedAt !== null && Date.parse(h.lastSyncedAt) > Date.parse(connected.lastSyncedAt!),
      evidence: (h) => `lastSyncedAt ${h.lastSyncedAt} (first ${connected.lastSyncedAt}), sync owner ${h.syncOwner ?? 'none'}`,
      // The engine claims a new host at its next tick and syncs it at once; then every interval.
      timeoutMs: options.timeoutMs + connected.syncIntervalSeconds * 1000,
    }),
  );
  return { hostId };
}
