import { ContainerInstanceDocument, ContainerInstanceStatus, DockerEventsDocument, DockerHostDocument, DockerHostStatus, EventSeverity, SwarmClusterHealthDocument, type FleetClient } from '../client';
import type { Steps } from './steps';

export interface VerifyOptions {
  hostId?: string;
  clusterId?: string;
  instanceId?: string;
  /** The operation's start: error events after it fail the verification. */
  since: Date;
}

/**
 * The runbook's "After each operation" list: the host connected, the cluster's health without failing nodes or quorum
 * loss, the container instance running with its container id, no new error events since the operation start.
 */
export async function verify(client: FleetClient, steps: Steps, options: VerifyOptions): Promise<{ checked: string[] }> {
  if (!options.hostId && !options.clusterId && !options.instanceId) throw new Error('give at least one of a host, a cluster or an instance to verify');
  const checked: string[] = [];
  if (options.hostId) {
    await steps.step(`host ${options.hostId}`, async () => {
      const { dockerHost: host } = await client.request(DockerHostDocument, { id: options.hostId! });
      steps.check('status: connected', host?.status === DockerHostStatus.Connected, host ? `${host.name} ${host.status}${host.lastError ? ` (${host.lastErrorCode}: ${host.lastError})` : ''}` : 'not found');
      checked.push('host');
    });
  }
  if (options.clusterId) {
    await steps.step(`cluster ${options.clusterId} health`, async () => {
      const { swarmClusterHealth: health } = await client.request(SwarmClusterHealthDocument, { id: options.clusterId! });
      steps.check('no failing nodes', health.nodesDown.length === 0, health.nodesDown.length ? `down: ${health.nodesDown.map((n) => `${n.hostname} (${n.role.toLowerCase()}, ${n.state})`).join(', ')}` : `none down, leader ${health.leader?.hostname ?? 'unknown'}`);
      steps.check('no quorum loss', health.hasQuorum, `${health.managersReachable} of ${health.managersTotal} managers reachable, ${health.quorumNeeded} needed`);
      checked.push('cluster');
    });
  }
  if (options.instanceId) {
    await steps.step(`container instance ${options.instanceId}`, async () => {
      const { containerInstance: run } = await client.request(ContainerInstanceDocument, { id: options.instanceId! });
      steps.check('status running with container_id populated', run.status === ContainerInstanceStatus.Running && run.containerId !== null, `${run.status}, container ${run.containerId ?? 'none'}${run.reason ? ` (${run.reason})` : ''}`);
      checked.push('instance');
    });
  }
  await steps.step(`no new error events since ${options.since.toISOString()}`, async () => {
    const { dockerEvents } = await client.request(DockerEventsDocument, { filter: { severity: EventSeverity.Error, since: options.since.toISOString(), hostId: options.hostId }, first: 5 });
    const shown = dockerEvents.nodes.map((e) => `${e.time} ${e.type} ${e.action} ${e.actorName ?? e.actorId}`).join('; ');
    steps.check('DockerEvent records of severity error', dockerEvents.totalCount === 0, dockerEvents.totalCount === 0 ? 'none' : `${dockerEvents.totalCount}: ${shown}`);
    checked.push('events');
  });
  return { checked };
}
