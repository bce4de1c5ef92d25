import type { Principal } from '../auth/principal';
import { DomainError, ErrorCode, InputError, NotFoundError } from '../common/errors';
import type { OperationRunner } from '../operations/operation.runner';
import type { OperationProgressMessage } from '../operations/operation.topics';
import { StackOperation, StackOperationKind } from './stack-operation.entity';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { HostTarget } from '../docker/docker.types';
import type { Logger } from '../log/logger';
import type { ClusterManager } from '../swarm/cluster.manager';
import type { SwarmCluster } from '../swarm/cluster.entity';
import type { InventorySync } from '../sync/inventory.sync';
import { parseStack, type ComposeWarning, type StackPlan } from './compose';
import { StackChangeAction, StackObjectKind, type StackChange } from './stack.changes';
import { ResolveImage, type StackDeployer } from './stack.deployer';
import { namespaceFilter } from './stack.labels';
import type { StackQueries } from './stack.queries';
import { stackView, type StackView } from './stack.view';

export interface DeployStackInput {
  name: string;
  compose: string;
  variables?: ReadonlyArray<{ name: string; value: string }> | null;
  prune?: boolean | null;
  resolveImage?: ResolveImage | null;
  /** In-process only (deployments): changes the parsed plan before it is applied (a revision's own specs, update knobs). */
  adjust?: (plan: StackPlan) => void;
  /** In-process only: the plan's images are exact (a revision's pinned ones), never swapped for the running image. */
  exactImages?: boolean;
}

export interface DeployStackResult {
  stack: StackView;
  warnings: ComposeWarning[];
  changes: StackChange[];
  engineWarnings: string[];
  operation: StackOperation;
}

export interface StackManagerDeps {
  clusters: Pick<ClusterManager, 'operable' | 'get'>;
  deployer: Pick<StackDeployer, 'deploy'>;
  swarm: Pick<DockerSwarm, 'listServices' | 'listSwarmNetworks' | 'listSecrets' | 'listConfigs' | 'removeService' | 'removeSecret' | 'removeConfig' | 'removeNetwork'>;
  queries: Pick<StackQueries, 'rows'>;
  sync: Pick<InventorySync<SwarmCluster>, 'refresh'>;
  logger: Logger;
  /** Deploys and removals run as durable operations (a row, progress by its id, settled if this instance dies). */
  operations: Pick<OperationRunner, 'run' | 'find' | 'follow'>;
  operationTimeoutMs: number;
  /** How long a stack network still attached to tasks of just-removed services is retried (ms). */
  networkRemovalMs?: number;
}

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REFRESHED = ['service', 'task', 'secret', 'config', 'network'];

/**
 * The seed's StackManager. A stack is the namespace label on a swarm's objects, exactly as docker stack deploy makes
 * it: nothing is stored of its own, so a stack deployed with the docker CLI is listed, redeployed and removed here,
 * and one deployed here is what `docker stack ls` / `docker stack services` show.
 */
export class StackManager {
  constructor(private readonly deps: StackManagerDeps) {}

  async deploy(principal: Principal, clusterId: string, input: DeployStackInput): Promise<DeployStackResult> {
    const variables: Record<string, string> = {};
    (input.variables ?? []).forEach((variable, i) => {
      if (!VARIABLE.test(variable.name)) throw new InputError(`variables[${i}].name`, 'must be a variable name (letters, digits and _, not starting with a digit)');
      if (variable.name in variables) throw new InputError(`variables[${i}].name`, `sets ${variable.name} a second time`);
      variables[variable.name] = variable.value;
    });
    const { plan, warnings } = parseStack({ name: input.name, compose: input.compose, variables });
    input.adjust?.(plan);
    const { cluster, target } = await this.deps.clusters.operable(principal, clusterId);
    const { result: deployed, operation } = await this.operate(principal, cluster, plan.namespace, StackOperationKind.DEPLOY, async (onChange) => {
      const result = await this.deps.deployer.deploy(principal, target, plan, { prune: Boolean(input.prune), resolveImage: input.resolveImage ?? ResolveImage.ALWAYS, exactImages: Boolean(input.exactImages), onChange });
      return { result, summary: { changes: result.changes, engineWarnings: result.engineWarnings } };
    });
    await this.refresh(cluster);
    const stack = (await this.find(principal, cluster.id, plan.namespace)) ?? stackView(cluster.id, plan.namespace, emptyRows());
    return { stack, warnings, changes: deployed.changes, engineWarnings: deployed.engineWarnings, operation };
  }

  async operation(principal: Principal, id: string): Promise<StackOperation> {
    const operation = await this.deps.operations.find(StackOperation, principal.accountId, id);
    if (!operation) throw new NotFoundError('StackOperation', id);
    return operation;
  }

  /** A stack operation's state now, then each object as it is done, ending with a message where done is true. */
  async progress(principal: Principal, id: string): Promise<AsyncIterable<OperationProgressMessage>> {
    await this.operation(principal, id);
    return this.deps.operations.follow(StackOperation, principal.accountId, id);
  }

  /**
   * Runs `work` as the stack's durable operation and waits for it: each change is a progress line, what was done is
   * stored with the outcome. A failure ends the operation FAILED and reaches the caller as the error it was.
   */
  private async operate<R>(principal: Principal, cluster: SwarmCluster, stack: string, kind: StackOperationKind, work: (onChange: (change: StackChange) => void) => Promise<{ result: R; summary: Record<string, unknown> }>): Promise<{ result: R; operation: StackOperation }> {
    const operation = Object.assign(new StackOperation(), { accountId: principal.accountId, clusterId: cluster.id, stack, kind });
    let outcome: { result: R } | undefined;
    let failure: unknown;
    const finished = await this.deps.operations.run(
      operation,
      async ({ progress }) => {
        try {
          const done = await work((change) => progress({ message: `${change.action.toLowerCase()} ${change.kind.toLowerCase()} ${change.name}`, part: change.name }));
          outcome = { result: done.result };
          return { summary: done.summary };
        } catch (error) {
          failure = error;
          throw error;
        }
      },
      { timeoutMs: this.deps.operationTimeoutMs, wait: true },
    );
    if (failure !== undefined) throw failure;
    if (!outcome) throw new DomainError(ErrorCode.CONFLICT, `the stack ${kind.toLowerCase()} ended ${finished.status}: ${finished.error ?? 'no outcome'}`, { operationId: finished.id });
    return { result: outcome.result, operation: finished };
  }

  /** docker stack rm: services, then secrets, configs, networks. Every object is tried; what failed is listed. */
  async remove(principal: Principal, clusterId: string, name: string): Promise<{ name: string; changes: StackChange[]; failures: string[]; operation: StackOperation }> {
    const { cluster, target } = await this.deps.clusters.operable(principal, clusterId);
    const { result, operation } = await this.operate(principal, cluster, name, StackOperationKind.REMOVE, async (onChange) => {
      const removed = await this.removeObjects(cluster, target, name, onChange);
      return { result: removed, summary: { changes: removed.changes, failures: removed.failures } };
    });
    return { ...result, operation };
  }

  private async removeObjects(cluster: SwarmCluster, target: HostTarget, name: string, onChange: (change: StackChange) => void): Promise<{ name: string; changes: StackChange[]; failures: string[] }> {
    const { swarm } = this.deps;
    const filter = namespaceFilter(name);
    const [services, secrets, configs, networks] = await Promise.all([swarm.listServices(target, filter), swarm.listSecrets(target, filter), swarm.listConfigs(target, filter), swarm.listSwarmNetworks(target, filter)]);
    if (services.length + secrets.length + configs.length + networks.length === 0) throw new NotFoundError('SwarmStack', name);
    const changes: StackChange[] = [];
    const failures: string[] = [];
    const attempt = async (kind: StackObjectKind, object: { dockerId: string; name: string }, remove: () => Promise<void>) => {
      try {
        await remove();
        const change = { kind, name: object.name, action: StackChangeAction.REMOVED, dockerId: object.dockerId };
        changes.push(change);
        onChange(change);
      } catch (error) {
        failures.push(`${kind.toLowerCase()} ${object.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    for (const s of [...services].sort(byName)) await attempt(StackObjectKind.SERVICE, s, () => swarm.removeService(target, s.dockerId));
    for (const s of secrets) await attempt(StackObjectKind.SECRET, s, () => swarm.removeSecret(target, s.dockerId));
    for (const c of configs) await attempt(StackObjectKind.CONFIG, c, () => swarm.removeConfig(target, c.dockerId));
    for (const n of networks) await attempt(StackObjectKind.NETWORK, n, () => this.removeNetwork(target, n.dockerId));
    const removedNetworks = changes.filter((c) => c.kind === StackObjectKind.NETWORK).map((c) => c.dockerId!);
    await this.networksDropped(target, filter, removedNetworks, Date.now() + (this.deps.networkRemovalMs ?? 20_000));
    await this.refresh(cluster);
    return { name, changes, failures };
  }

  async get(principal: Principal, clusterId: string, name: string): Promise<StackView> {
    const cluster = await this.deps.clusters.get(principal, clusterId);
    const found = await this.find(principal, cluster.id, name);
    if (!found) throw new NotFoundError('SwarmStack', name);
    return found;
  }

  /** Like `docker stack ls`: the namespaces of the cluster's services. */
  async list(principal: Principal, clusterId: string): Promise<StackView[]> {
    const cluster = await this.deps.clusters.get(principal, clusterId);
    const stacks = await this.deps.queries.rows(principal, cluster.id);
    return [...stacks.entries()]
      .filter(([, rows]) => rows.services.length > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, rows]) => stackView(cluster.id, name, rows));
  }

  private async find(principal: Principal, clusterId: string, name: string): Promise<StackView | null> {
    const rows = (await this.deps.queries.rows(principal, clusterId, name)).get(name);
    return rows ? stackView(clusterId, name, rows) : null;
  }

  /**
   * A stack network is detached from the tasks of its removed services a moment after the services go; until then
   * the manager refuses ("network ... is in use by task"). The CLI fails there; this retries for a while.
   */
  private async removeNetwork(target: HostTarget, id: string): Promise<void> {
    const deadline = Date.now() + (this.deps.networkRemovalMs ?? 20_000);
    for (;;) {
      try {
        return await this.deps.swarm.removeNetwork(target, id);
      } catch (error) {
        const inUse = error instanceof DomainError && /in use|active endpoints/i.test(error.message);
        if (!inUse || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  /**
   * A network removed from the swarm is still listed by a manager that has a local copy of it until the removed
   * tasks' containers there are gone (a moment after the removal; its local destroy event says when). Read back
   * before that, the stack would still read as present to the client that just removed it, so the read-back waits
   * for the manager's list to drop them, within the removal's deadline (past it, that event brings the live sync).
   */
  private async networksDropped(target: HostTarget, filter: ReturnType<typeof namespaceFilter>, ids: string[], deadline: number): Promise<void> {
    if (ids.length === 0) return;
    try {
      while ((await this.deps.swarm.listSwarmNetworks(target, filter)).some((n) => ids.includes(n.dockerId)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'listing the swarm networks after a stack removal failed; the live sync catches up');
    }
  }

  /** Reads the changed kinds back, so the answer (and the next query) shows the swarm as it now is. */
  private async refresh(cluster: SwarmCluster): Promise<void> {
    try {
      await this.deps.sync.refresh(cluster.id, { kinds: REFRESHED });
    } catch (error) {
      this.deps.logger.warn({ err: error, clusterId: cluster.id }, 'reading the swarm back after a stack change failed; the live sync catches up');
    }
  }
}

function emptyRows() {
  return { services: [], tasks: [], networks: [], secrets: [], configs: [], nodes: [] };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
