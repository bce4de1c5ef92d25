import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SwarmService } from '../swarm/service.entity';
import { SwarmTask } from '../swarm/task.entity';
import type { StackRows } from './stack.queries';
import { isImagePullError, serviceState, stackState, StackServiceState, StackState } from './stack.status';

registerEnumType(StackState, { name: 'SwarmStackStatus', description: 'From the tasks that run each service\'s current spec only' });
registerEnumType(StackServiceState, { name: 'SwarmStackServiceStatus' });

@ObjectType('SwarmStackTaskProblem', { description: 'A task of the current spec that failed or was rejected, where and why' })
export class StackTaskProblem {
  @Field() taskId!: string;
  @Field(() => String, { nullable: true }) nodeId!: string | null;
  @Field(() => String, { nullable: true }) nodeHostname!: string | null;
  @Field() state!: string;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field({ description: 'The node could not pull the image: prePullImage pulls it on every node, with the account\'s registry credentials' })
  imagePull!: boolean;
  @Field(() => String, { nullable: true }) image!: string | null;
}

@ObjectType('SwarmStackService')
export class StackServiceView {
  @Field({ description: 'The service name, <stack>_<key>' }) name!: string;
  @Field({ description: 'The compose key' }) shortName!: string;
  @Field(() => SwarmService) service!: SwarmService;
  @Field() mode!: string;
  @Field(() => StackServiceState) status!: StackServiceState;
  @Field(() => Int, { description: 'Tasks of the current spec running (jobs: complete too)' }) running!: number;
  @Field(() => Int) desired!: number;
  @Field(() => String, { nullable: true }) updateState!: string | null;
  @Field(() => [StackTaskProblem]) problems!: StackTaskProblem[];
  @Field(() => [SwarmTask], { description: 'The tasks that run its current spec' }) tasks!: SwarmTask[];
}

@ObjectType('SwarmStack', { description: 'The objects of a swarm labelled com.docker.stack.namespace=<name>, however they were deployed (this API or docker stack deploy)' })
export class StackView {
  @Field(() => ID) clusterId!: string;
  @Field() name!: string;
  @Field(() => StackState) status!: StackState;
  @Field(() => [StackServiceView]) services!: StackServiceView[];
  @Field(() => [String]) networks!: string[];
  @Field(() => [String]) secrets!: string[];
  @Field(() => [String]) configs!: string[];
  @Field(() => String, { nullable: true, description: 'What to do first when it does not converge' }) hint!: string | null;
}

export function stackView(clusterId: string, name: string, rows: StackRows): StackView {
  const hostnames = new Map(rows.nodes.map((n) => [n.dockerId, n.hostname]));
  const services = rows.services.map((service): StackServiceView => {
    const tasks = rows.tasks.filter((t) => t.serviceId === service.dockerId);
    const judged = serviceState({ mode: service.mode, replicas: service.replicas ?? null, desiredTasks: service.desiredTasks ?? null, updateState: service.updateState ?? null }, tasks);
    const problems = tasks
      .filter((t) => t.state === 'failed' || t.state === 'rejected')
      .map((t) => ({ taskId: t.dockerId, nodeId: t.nodeId ?? null, nodeHostname: t.nodeId ? (hostnames.get(t.nodeId) ?? null) : null, state: t.state, error: t.error ?? null, imagePull: isImagePullError(t.error), image: t.image ?? null }));
    return {
      name: service.name,
      shortName: service.name.startsWith(`${name}_`) ? service.name.slice(name.length + 1) : service.name,
      service,
      mode: service.mode,
      status: judged.state,
      running: judged.running,
      desired: judged.desired,
      updateState: service.updateState ?? null,
      problems: judged.state === StackServiceState.CONVERGED ? [] : problems,
      tasks,
    };
  });
  return {
    clusterId,
    name,
    status: stackState(services.map((s) => s.status)),
    services,
    networks: rows.networks.map((n) => n.name),
    secrets: rows.secrets.map((s) => s.name),
    configs: rows.configs.map((c) => c.name),
    hint: hintOf(services),
  };
}

/** The seed's troubleshooting row "stack deploy fails with service convergence", first action. */
function hintOf(services: StackServiceView[]): string | null {
  const pulls = services.flatMap((s) => s.problems.filter((p) => p.imagePull).map((p) => ({ service: s, problem: p })));
  if (pulls.length) {
    const images = [...new Set(pulls.map((p) => p.service.service.image?.replace(/@sha256:[0-9a-f]+$/, '') ?? '?'))];
    const nodes = [...new Set(pulls.map((p) => p.problem.nodeHostname ?? p.problem.nodeId ?? '?'))];
    return `nodes ${nodes.join(', ')} cannot pull ${images.join(', ')}: check the image name and the account's registry credentials (setRegistryCredential), then prePullImage to pull it on every node`;
  }
  const failing = services.filter((s) => s.status === StackServiceState.FAILED);
  if (failing.length) return `${failing.map((s) => s.name).join(', ')}: tasks of the current spec fail; see problems (their errors) and the service logs`;
  return null;
}
