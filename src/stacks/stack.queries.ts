import type { MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { SwarmNode } from '../swarm/node.entity';
import { SwarmConfig, SwarmSecret } from '../swarm/secret.entity';
import { SwarmService } from '../swarm/service.entity';
import { SwarmNetwork } from '../swarm/swarm-network.entity';
import { SwarmTask } from '../swarm/task.entity';
import { NAMESPACE_LABEL } from './stack.labels';

export interface StackRows {
  services: SwarmService[];
  /** Tasks of those services that run their current spec (the only ones a status is judged by). */
  tasks: SwarmTask[];
  networks: SwarmNetwork[];
  secrets: SwarmSecret[];
  configs: SwarmConfig[];
  nodes: SwarmNode[];
}

/**
 * Stacks as the synced swarm rows show them: the rows mirror Docker (the sync engine keeps them), and a stack is the
 * namespace label on them — nothing about a stack is stored of its own, so one deployed with the docker CLI is the
 * same as one deployed here.
 */
export class StackQueries {
  constructor(private readonly orm: MikroORM) {}

  /** Every stack of a cluster (or the one named), in the rows of one account. */
  async rows(principal: Principal, clusterId: string, stack?: string): Promise<Map<string, StackRows>> {
    const em = this.orm.em.fork();
    const scope = { accountId: principal.accountId, clusterId };
    const [services, networks, secrets, configs, nodes] = await Promise.all([
      em.find(SwarmService, { ...scope, stack: stack ?? { $ne: null } }, { orderBy: { name: 'asc' } }),
      em.find(SwarmNetwork, scope, { orderBy: { name: 'asc' } }),
      em.find(SwarmSecret, scope, { orderBy: { name: 'asc' } }),
      em.find(SwarmConfig, scope, { orderBy: { name: 'asc' } }),
      em.find(SwarmNode, scope),
    ]);
    const serviceIds = services.map((s) => s.dockerId);
    const tasks = serviceIds.length ? await em.find(SwarmTask, { ...scope, serviceId: { $in: serviceIds }, upToDate: true }, { orderBy: { dockerId: 'asc' } }) : [];
    const stacks = new Map<string, StackRows>();
    const of = (name: string) => stacks.get(name) ?? stacks.set(name, { services: [], tasks: [], networks: [], secrets: [], configs: [], nodes }).get(name)!;
    const stackOfService = new Map<string, string>();
    for (const service of services) {
      of(service.stack!).services.push(service);
      stackOfService.set(service.dockerId, service.stack!);
    }
    for (const task of tasks) of(stackOfService.get(task.serviceId)!).tasks.push(task);
    const wanted = (labels: Record<string, string>) => {
      const name = labels[NAMESPACE_LABEL];
      return name !== undefined && (stack === undefined || name === stack) ? name : undefined;
    };
    for (const network of networks) if (wanted(network.labels)) of(wanted(network.labels)!).networks.push(network);
    for (const secret of secrets) if (wanted(secret.labels)) of(wanted(secret.labels)!).secrets.push(secret);
    for (const config of configs) if (wanted(config.labels)) of(wanted(config.labels)!).configs.push(config);
    return stacks;
  }
}
