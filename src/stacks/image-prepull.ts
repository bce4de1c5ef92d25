import { randomBytes } from 'node:crypto';
import { Field, Int, ObjectType } from 'type-graphql';
import type { Principal } from '../auth/principal';
import { InputError } from '../common/errors';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { RegistryAuth } from '../docker/docker.types';
import type { EngineSpec, SwarmTaskSnapshot } from '../docker/swarm.types';
import type { Logger } from '../log/logger';
import type { WorkloadPolicy } from '../security/workload-policy';
import type { ClusterManager } from '../swarm/cluster.manager';
import { taggedImage } from './stack.image';
import { isImagePullError } from './stack.status';

@ObjectType('PrePullNodeResult')
export class PrePullNodeResult {
  @Field() nodeId!: string;
  @Field() hostname!: string;
  @Field({ description: 'The node has the image now' }) ok!: boolean;
  @Field(() => String, { nullable: true, description: 'The state of its pull task (complete when pulled and run)' }) state!: string | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType('PrePullImageResult')
export class PrePullImageResult {
  @Field() image!: string;
  @Field(() => [PrePullNodeResult]) nodes!: PrePullNodeResult[];
  @Field(() => Int) pulled!: number;
  @Field(() => Int) failed!: number;
}

const IMAGE = /^[a-zA-Z0-9][a-zA-Z0-9._\-/:@]{0,511}$/;
const TERMINAL = new Set(['complete', 'failed', 'rejected', 'shutdown', 'orphaned']);
const PULL_LABEL = 'io.fleet-control.prepull';

/**
 * The first action of the seed's troubleshooting row "stack deploy fails with service convergence": pull an image on
 * every node, through the manager only (no node is dialled directly). It runs the image once per node as a global
 * job (`Mode.GlobalJob`, no restarts) with a no-op command and the account's registry credentials; each node's
 * agent pulls it with them. A task that gets to run (or fails only at its command: the image has no `true`) means
 * the node has the image; one rejected with a pull error is that node's failure. The job is removed afterwards.
 */
export class ImagePrePuller {
  constructor(
    private readonly deps: {
      clusters: Pick<ClusterManager, 'operable'>;
      swarm: Pick<DockerSwarm, 'listNodes' | 'createService' | 'listTasks' | 'removeService'>;
      policy: Pick<WorkloadPolicy, 'enforceService'>;
      registryAuth: (accountId: string, image: string) => Promise<RegistryAuth | null>;
      logger: Logger;
      pollMs?: number;
    },
  ) {}

  async prePull(principal: Principal, clusterId: string, input: { image: string; timeoutSeconds?: number | null }): Promise<PrePullImageResult> {
    const image = input.image.trim();
    if (!IMAGE.test(image)) throw new InputError('image', 'must be an image reference (repository[:tag][@digest])');
    const timeoutSeconds = input.timeoutSeconds ?? 120;
    if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 5 || timeoutSeconds > 900) throw new InputError('timeoutSeconds', 'must be between 5 and 900');
    const { target } = await this.deps.clusters.operable(principal, clusterId);
    const { swarm } = this.deps;
    const spec: EngineSpec = {
      Name: `prepull-${randomBytes(5).toString('hex')}`,
      Labels: { [PULL_LABEL]: taggedImage(image) },
      TaskTemplate: {
        ContainerSpec: { Image: taggedImage(image), Command: ['true'] },
        RestartPolicy: { Condition: 'none', MaxAttempts: 0 },
        ForceUpdate: 0,
      },
      Mode: { GlobalJob: {} },
    };
    this.deps.policy.enforceService(principal, spec, 'image');
    const registryAuth = await this.deps.registryAuth(principal.accountId, taggedImage(image));
    const nodes = await swarm.listNodes(target);
    const eligible = nodes.filter((n) => n.state === 'ready' && n.availability === 'active');
    const { id } = await swarm.createService(target, spec, { registryAuth });
    let tasks: SwarmTaskSnapshot[] = [];
    try {
      const deadline = Date.now() + timeoutSeconds * 1000;
      for (;;) {
        tasks = await swarm.listTasks(target, { serviceId: id });
        const settled = eligible.every((node) => tasks.some((t) => t.nodeId === node.dockerId && TERMINAL.has(t.state)));
        if (settled || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, this.deps.pollMs ?? 500));
      }
    } finally {
      await swarm.removeService(target, id).catch((error) => this.deps.logger.warn({ err: error, serviceId: id }, 'removing a pre-pull job failed'));
    }
    const results = nodes.map((node): PrePullNodeResult => {
      const base = { nodeId: node.dockerId, hostname: node.hostname };
      if (node.state !== 'ready') return { ...base, ok: false, state: null, error: `node is ${node.state}: nothing was pulled` };
      if (node.availability !== 'active') return { ...base, ok: false, state: null, error: `node availability is ${node.availability}: swarm runs no task there` };
      // Its latest settled task: swarm may already have made another attempt after a rejected pull.
      const own = tasks.filter((t) => t.nodeId === node.dockerId).sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
      const task = own.find((t) => TERMINAL.has(t.state)) ?? own[0];
      if (!task) return { ...base, ok: false, state: null, error: 'no task was scheduled on the node before the timeout' };
      if (task.state === 'complete') return { ...base, ok: true, state: task.state, error: null };
      if (!TERMINAL.has(task.state)) return { ...base, ok: false, state: task.state, error: `still ${task.state} at the timeout of ${timeoutSeconds}s` };
      const error = task.error ?? task.message ?? null;
      // Failed at the command, not at the image: the container was created, so the image is on the node.
      const pulled = task.state === 'failed' && !isImagePullError(error);
      return { ...base, ok: pulled, state: task.state, error: pulled ? null : error };
    });
    return { image: taggedImage(image), nodes: results, pulled: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
  }
}
