import { Permission } from '../auth/permissions';
import type { Diagnosis } from '../health/diagnosis.view';
import { diagnoseStack } from '../stacks/stack.diagnosis';
import { z } from './rest.openapi';
import { defineRoute, type RouteDeps } from './rest.route';

const DiagnosisBody = z
  .object({
    symptom: z.string().openapi({ description: 'The troubleshooting row, as the runbook words it', example: 'host stuck in pending' }),
    cause: z.string().openapi({ description: 'The cause found, from what was measured' }),
    evidence: z.array(z.string()).openapi({ description: 'What was measured: stored facts and probes made now' }),
    first_action: z.string(),
    mutations: z.array(z.string()).openapi({ description: 'The GraphQL mutations that perform the first action, in order' }),
    steps: z.array(z.string()).nullable().openapi({ description: 'What to do after the first action, in order, when it is not enough' }),
  })
  .openapi('Diagnosis');

const DiagnosisAnswer = z.object({ diagnosis: DiagnosisBody.nullable().openapi({ description: 'Null when the object is fine' }) }).openapi('DiagnosisResponse');
const IdParams = z.object({ id: z.string() });
const StackParams = z.object({ id: z.string().openapi({ description: 'The cluster id' }), name: z.string().openapi({ description: 'The stack name' }) });

function present(d: Diagnosis | null): z.infer<typeof DiagnosisAnswer> {
  return { diagnosis: d && { symptom: d.symptom, cause: d.cause, evidence: d.evidence, first_action: d.firstAction, mutations: d.mutations, steps: d.steps ?? null } };
}

/** GET …/:id/diagnosis for each object with a troubleshooting row: the same calls as the GraphQL `diagnosis` fields. */
export function diagnosisRoutes(deps: RouteDeps): void {
  const common = { method: 'get', status: 200, response: DiagnosisAnswer, present } as const;
  defineRoute(deps, {
    ...common,
    path: '/devops/docker/hosts/:id/diagnosis',
    summary: 'The troubleshooting row for a Docker host: host stuck in pending, repeated error status, a certificate expiring',
    tag: 'Docker hosts',
    permissions: [Permission.DockerHostsRead],
    params: IdParams,
    errors: { 404: 'NOT_FOUND: no host of your account has this id' },
    handle: async ({ principal, services, params }) => services.health.diagnose(principal, await services.hosts.get(principal, params.id)),
  });
  defineRoute(deps, {
    ...common,
    path: '/devops/swarm/clusters/:id/diagnosis',
    summary: 'The troubleshooting row for a swarm cluster: lost quorum (managers down, majority needed, recovery steps)',
    tag: 'Swarm clusters',
    permissions: [Permission.SwarmClustersRead],
    params: IdParams,
    errors: { 404: 'NOT_FOUND: no cluster of your account has this id' },
    handle: async ({ principal, services, params }) => services.clusterHealth.diagnose(principal, await services.clusters.get(principal, params.id)),
  });
  defineRoute(deps, {
    ...common,
    path: '/devops/swarm/clusters/:id/stacks/:name/diagnosis',
    summary: 'The troubleshooting row for a stack: deploy failing on convergence, failing tasks per node, image pull failures',
    tag: 'Swarm clusters',
    permissions: [Permission.SwarmClustersRead],
    params: StackParams,
    errors: { 404: 'NOT_FOUND: no such cluster, or it has no object of this stack' },
    handle: async ({ principal, services, params }) => diagnoseStack(await services.stacks.get(principal, params.id, params.name)),
  });
  defineRoute(deps, {
    ...common,
    path: '/devops/container_instances/:id/diagnosis',
    summary: 'The troubleshooting row for a container instance: provisioning never running (Vault), limits crossed',
    tag: 'Container instances',
    permissions: [Permission.DockerHostsRead],
    params: IdParams,
    errors: { 404: 'NOT_FOUND: no instance of your account has this id' },
    handle: async ({ principal, services, params }) => services.instances.diagnose(await services.instances.get(principal, params.id)),
  });
}
