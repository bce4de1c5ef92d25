import {
  DeploymentChangedDocument,
  DeploymentStatus,
  DeployStackDocument,
  DockerHostStatus,
  RegisterSwarmClusterDocument,
  SwarmClusterDocument,
  SwarmEventsDocument,
  SwarmNodesDocument,
  SwarmServicesDocument,
  SwarmStackDocument,
  SwarmStacksDocument,
  SwarmStackStatus,
  type DockerHostEnvironment,
  type FleetClient,
  type StackVariableInput,
  type TlsCredentialsInput,
} from '../client';
import type { Steps } from './steps';

export interface DeployStackOptions {
  /** An already registered cluster; otherwise one is registered from `register`. */
  clusterId?: string;
  register?: { name: string; managerEndpoint: string; environment: DockerHostEnvironment; tlsCredentials?: TlsCredentialsInput };
  stack: string;
  compose: string;
  variables?: StackVariableInput[];
  timeoutMs: number;
}

const ENDED = new Set<DeploymentStatus>([DeploymentStatus.Succeeded, DeploymentStatus.Failed, DeploymentStatus.RolledBack, DeploymentStatus.Cancelled]);

/**
 * The runbook's "Deploying to Swarm": register the cluster by a manager's endpoint → nodes, services and stacks
 * discovered → deploy the stack → its services converge → the deployment followed through its events (the
 * deploymentChanged subscription and the cluster's stored events).
 */
export async function deployStack(client: FleetClient, steps: Steps, options: DeployStackOptions): Promise<{ clusterId: string; deploymentId: string }> {
  const started = new Date();
  const clusterId = await steps.step(options.clusterId ? `use the registered cluster ${options.clusterId}` : `register the Swarm cluster ${options.register?.name} at ${options.register?.managerEndpoint}`, async () => {
    if (options.clusterId) return options.clusterId;
    if (!options.register) throw new Error('give a cluster id or a manager endpoint to register');
    const { registerSwarmCluster: cluster } = await client.request(RegisterSwarmClusterDocument, { input: options.register });
    steps.note(`cluster ${cluster.id}, status ${cluster.status}`);
    return cluster.id;
  });
  const cluster = await steps.step('the system verifies the manager', () =>
    steps.until('status is CONNECTED with quorum', async () => (await client.request(SwarmClusterDocument, { id: clusterId })).swarmCluster, {
      holds: (c) => c.status === DockerHostStatus.Connected && c.hasQuorum === true,
      fatal: (c) => c.status === DockerHostStatus.Error,
      evidence: (c) => `${c.status}, quorum ${c.hasQuorum}, ${c.managersReachable ?? '?'} of ${c.managerCount ?? '?'} managers reachable${c.lastError ? `, ${c.lastErrorCode}: ${c.lastError}` : ''}`,
      timeoutMs: options.timeoutMs,
    }),
  );

  await steps.step('the system discovers nodes, services and stacks', async () => {
    const [nodes, services, stacks] = await Promise.all([
      client.request(SwarmNodesDocument, { filter: { clusterId }, first: 100 }),
      client.request(SwarmServicesDocument, { filter: { clusterId }, first: 1 }),
      client.request(SwarmStacksDocument, { clusterId }),
    ]);
    steps.check('nodes discovered', nodes.swarmNodes.totalCount > 0 && nodes.swarmNodes.totalCount === cluster.nodeCount, `${nodes.swarmNodes.totalCount} stored (${nodes.swarmNodes.nodes.map((n) => `${n.hostname} ${n.role.toLowerCase()} ${n.state}`).join(', ')}), the manager reports ${cluster.nodeCount}`);
    steps.note(`${services.swarmServices.totalCount} services, ${stacks.swarmStacks.length} stacks (${stacks.swarmStacks.map((s) => s.name).join(', ') || 'none'})`);
  });

  // Subscribed before the deploy, so no step of the rollout can pass unseen.
  const changes = client.subscribe(DeploymentChangedDocument, { filter: { clusterId, stack: options.stack } });
  try {
    const deployed = await steps.step(`deploy the stack ${options.stack}`, async () => {
      const { deployStack: answer } = await client.request(DeployStackDocument, { clusterId, input: { name: options.stack, compose: options.compose, variables: options.variables } });
      steps.note(`deployment ${answer.deployment.id} (revision ${answer.deployment.revision}, ${answer.deployment.status}): ${answer.changes.map((c) => `${c.kind.toLowerCase()} ${c.name} ${c.action.toLowerCase()}`).join(', ')}`);
      for (const warning of [...answer.warnings.map((w) => `${w.path}: ${w.message}`), ...answer.engineWarnings]) steps.note(`warning: ${warning}`);
      return answer;
    });
    const deploymentId = deployed.deployment.id;

    await steps.step('its services converge', () =>
      steps.until('stack CONVERGED, every service at its desired replicas', async () => (await client.request(SwarmStackDocument, { clusterId, name: options.stack })).swarmStack, {
        holds: (s) => s.status === SwarmStackStatus.Converged && s.services.every((x) => x.running === x.desired),
        fatal: (s) => s.status === SwarmStackStatus.Failed,
        evidence: (s) => `${s.status}: ${s.services.map((x) => `${x.shortName} ${x.running}/${x.desired}${x.problems.length ? ` (${x.problems.map((p) => `${p.nodeHostname ?? p.nodeId}: ${p.error ?? p.state}`).join('; ')})` : ''}`).join(', ')}${s.hint ? `; ${s.hint}` : ''}`,
        timeoutMs: options.timeoutMs,
      }),
    );

    await steps.step('monitor the deployment through its events', async () => {
      const ended = await changes.waitFor(({ deploymentChanged: d }) => d.id === deploymentId && ENDED.has(d.status), { timeoutMs: options.timeoutMs, what: `deployment ${deploymentId} ending` }).catch((error: Error) => {
        steps.check('the deployment ended SUCCEEDED (deploymentChanged)', false, error.message);
        throw error;
      });
      const seen = changes.received.map((m) => m.deploymentChanged).filter((d) => d.id === deploymentId).map((d) => d.status);
      steps.check('the deployment ended SUCCEEDED (deploymentChanged)', ended.deploymentChanged.status === DeploymentStatus.Succeeded, `${[...new Set(seen)].join(' → ')}${ended.deploymentChanged.reason ? ` (${ended.deploymentChanged.reason})` : ''}`);
      const { swarmEvents } = await client.request(SwarmEventsDocument, { filter: { clusterId, type: 'service', since: started.toISOString() }, first: 100 });
      const ours = swarmEvents.nodes.filter((e) => (e.actorName ?? '').startsWith(`${options.stack}_`));
      steps.check("the stack's services in the cluster's events", ours.length > 0, `${ours.length} service events since ${started.toISOString()} (${[...new Set(ours.map((e) => `${e.actorName} ${e.action}`))].join(', ')})`);
    });
    return { clusterId, deploymentId };
  } finally {
    changes.close();
  }
}
