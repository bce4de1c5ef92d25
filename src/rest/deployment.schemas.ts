import { DeploymentSource, DeploymentStatus, DeploymentStrategyKind, type Deployment } from '../deployments/deployment.entity';
import type { DeployStackResult } from '../stacks/stack.manager';
import { StackServiceState, StackState } from '../stacks/stack.status';
import type { StackView } from '../stacks/stack.view';
import { iso, lower, lowercaseEnum, upper } from './inventory.schemas';
import { z } from './rest.openapi';
import { PageMeta, withPaging } from './rest.pagination';
import { ClusterIdFilter } from './swarm.schemas';

const dateTime = z.string().datetime().nullable();

const Status = lowercaseEnum(DeploymentStatus, 'DeploymentStatus');
const Strategy = lowercaseEnum(DeploymentStrategyKind, 'DeploymentStrategy');
const Source = lowercaseEnum(DeploymentSource, 'DeploymentSource');

export const DeploymentListQuery = withPaging({
  cluster_id: ClusterIdFilter,
  stack: z.string().max(256).optional(),
  service: z.string().max(256).optional().openapi({ description: "A service name (<stack>_<key>): its own deployments and its stack's" }),
  status: Status.optional(),
});
export const DeploymentIdParams = z.object({ id: z.string().openapi({ description: 'The deployment id' }) });

export const DeploymentView = z
  .object({
    id: z.string(),
    cluster_id: z.string(),
    stack: z.string().nullable(),
    service: z.string().nullable(),
    revision: z.number().int(),
    status: Status,
    reason: z.string().nullable(),
    strategy: Strategy,
    options: z.record(z.unknown()),
    source: Source,
    compose: z.string().nullable().openapi({ description: 'The compose text of a stack revision (its variables are never returned)' }),
    services: z.array(
      z.object({
        name: z.string(),
        docker_id: z.string().nullable(),
        image: z.string().nullable(),
        digest: z.string().nullable(),
        spec_version: z.number().int().nullable(),
        outcome: z.string().nullable(),
        message: z.string().nullable(),
      }),
    ),
    digests: z.record(z.string().nullable()),
    reproduces: z.string().nullable().openapi({ description: 'The deployment whose revision this one reproduces (redeploy, rollback)' }),
    reproduces_revision: z.number().int().nullable(),
    previous_revision: z.number().int().nullable(),
    actor_id: z.string(),
    description: z.string().nullable(),
    requested: z.string().nullable(),
    step_count: z.number().int(),
    deadline_at: dateTime,
    created_at: z.string().datetime(),
    started_at: dateTime,
    finished_at: dateTime,
  })
  .openapi('Deployment');

export const DeploymentAnswer = z.object({ deployment: DeploymentView }).openapi('DeploymentResponse');
export const DeploymentListAnswer = z.object({ deployments: z.array(DeploymentView), meta: PageMeta }).openapi('DeploymentListResponse');

export const deploymentFilter = (q: z.infer<typeof DeploymentListQuery>) => ({ clusterId: q.cluster_id, stack: q.stack, service: q.service, status: upper<DeploymentStatus>(q.status) });

export const deploymentView = (d: Deployment): z.infer<typeof DeploymentView> => ({
  id: d.id,
  cluster_id: d.clusterId,
  stack: d.stack ?? null,
  service: d.service ?? null,
  revision: d.revision,
  status: lower(d.status),
  reason: d.reason ?? null,
  strategy: lower(d.strategy),
  options: d.options,
  source: lower(d.source),
  compose: d.compose ?? null,
  services: d.services.map((s) => ({ name: s.name, docker_id: s.dockerId ?? null, image: s.image ?? null, digest: s.digest ?? null, spec_version: s.specVersion ?? null, outcome: s.outcome ?? null, message: s.message ?? null })),
  digests: d.digests,
  reproduces: d.reproduces ?? null,
  reproduces_revision: d.reproducesRevision ?? null,
  previous_revision: d.previousRevision ?? null,
  actor_id: d.actorId,
  description: d.description ?? null,
  requested: d.requested ?? null,
  step_count: d.stepCount,
  deadline_at: iso(d.deadlineAt),
  created_at: d.createdAt.toISOString(),
  started_at: iso(d.startedAt),
  finished_at: iso(d.finishedAt),
});

export const StackQuery = z.object({ cluster_id: z.string().uuid().openapi({ description: 'The swarm cluster (stacks are named within one)' }) }).strict();
export const StackParams = z.object({ name: z.string().openapi({ description: 'The stack (namespace)' }) });

export const StackViewSchema = z
  .object({
    cluster_id: z.string(),
    name: z.string(),
    status: lowercaseEnum(StackState, 'SwarmStackStatus'),
    services: z.array(
      z.object({
        name: z.string(),
        short_name: z.string(),
        service_id: z.string(),
        docker_id: z.string(),
        mode: z.string(),
        status: lowercaseEnum(StackServiceState, 'SwarmStackServiceStatus'),
        running: z.number().int(),
        desired: z.number().int(),
        update_state: z.string().nullable(),
        problems: z.array(z.object({ task_id: z.string(), node_id: z.string().nullable(), node_hostname: z.string().nullable(), state: z.string(), error: z.string().nullable(), image_pull: z.boolean(), image: z.string().nullable() })),
      }),
    ),
    networks: z.array(z.string()),
    secrets: z.array(z.string()),
    configs: z.array(z.string()),
    hint: z.string().nullable().openapi({ description: 'What to do first when it does not converge' }),
  })
  .openapi('SwarmStack', { description: 'The objects of a swarm labelled com.docker.stack.namespace=<name>, however they were deployed' });

export const StackAnswer = z.object({ stack: StackViewSchema }).openapi('SwarmStackResponse');
export const StackListAnswer = z.object({ stacks: z.array(StackViewSchema) }).openapi('SwarmStackListResponse');

export const stackView = (s: StackView): z.infer<typeof StackViewSchema> => ({
  cluster_id: s.clusterId,
  name: s.name,
  status: lower(s.status),
  services: s.services.map((v) => ({
    name: v.name,
    short_name: v.shortName,
    service_id: v.service.id,
    docker_id: v.service.dockerId,
    mode: v.mode,
    status: lower(v.status),
    running: v.running,
    desired: v.desired,
    update_state: v.updateState,
    problems: v.problems.map((p) => ({ task_id: p.taskId, node_id: p.nodeId, node_hostname: p.nodeHostname, state: p.state, error: p.error, image_pull: p.imagePull, image: p.image })),
  })),
  networks: s.networks,
  secrets: s.secrets,
  configs: s.configs,
  hint: s.hint,
});

/** The new revision (`reproduces` names the one redeployed); its rollout goes on after the answer. */
export const RedeployAnswer = z
  .object({
    deployment: DeploymentView,
    stack: StackViewSchema,
    changes: z.array(z.object({ kind: z.string(), name: z.string(), action: z.string(), docker_id: z.string().nullable() })),
    warnings: z.array(z.object({ path: z.string(), line: z.number().int().nullable(), message: z.string() })),
    engine_warnings: z.array(z.string()),
  })
  .openapi('RedeployResponse');

export const redeployView = (r: DeployStackResult & { deployment: Deployment }): z.infer<typeof RedeployAnswer> => ({
  deployment: deploymentView(r.deployment),
  stack: stackView(r.stack),
  changes: r.changes.map((c) => ({ kind: lower(c.kind), name: c.name, action: lower(c.action), docker_id: c.dockerId })),
  warnings: r.warnings.map((w) => ({ path: w.path, line: w.line ?? null, message: w.message })),
  engine_warnings: r.engineWarnings,
});
