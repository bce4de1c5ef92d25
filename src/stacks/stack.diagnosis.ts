import type { Diagnosis } from '../health/diagnosis.view';
import { StackServiceState } from './stack.status';
import type { StackServiceView, StackTaskProblem, StackView } from './stack.view';

/**
 * The seed's troubleshooting row "stack deploy fails with service convergence" (image pull failure on workers) for one
 * stack: the failing tasks of each service's current spec, per node, with their errors, from the synced tasks. Null
 * while the stack converges or has converged.
 */
export function diagnoseStack(stack: StackView): Diagnosis | null {
  const failing = stack.services.filter((s) => s.status === StackServiceState.FAILED || s.status === StackServiceState.ROLLED_BACK);
  if (failing.length === 0) return null;
  const problems = failing.flatMap((service) => service.problems.map((problem) => ({ service, problem })));
  // Hostnames are not unique (cloned machines, one UTS namespace): the node id goes with them.
  const nodeOf = (p: StackTaskProblem) => (p.nodeId ? `${p.nodeHostname ?? 'node'} (${p.nodeId.slice(0, 12)})` : 'no node (not scheduled)');
  const byNode = new Map<string, Array<{ service: StackServiceView; problem: StackTaskProblem }>>();
  for (const entry of problems) byNode.set(nodeOf(entry.problem), [...(byNode.get(nodeOf(entry.problem)) ?? []), entry]);
  const evidence = [
    ...failing.map((s) => `service ${s.name}: ${s.status}, ${s.running} of ${s.desired} running${s.updateState ? `, update ${s.updateState}` : ''}`),
    ...[...byNode].map(([node, entries]) => {
      const errors = [...new Set(entries.map(({ service, problem }) => `${service.shortName} task ${problem.taskId.slice(0, 12)} ${problem.state}: ${problem.error ?? 'no error given'}`))];
      return `node ${node}: ${errors.join('; ')}`;
    }),
  ];
  const pulls = problems.filter((p) => p.problem.imagePull);
  if (pulls.length > 0) {
    const nodes = [...new Set(pulls.map((p) => nodeOf(p.problem)))];
    const images = [...new Set(pulls.map((p) => (p.problem.image ?? p.service.service.image ?? '?').replace(/@sha256:[0-9a-f]+$/, '')))];
    const pulling = new Set(pulls.map((p) => p.problem.nodeId));
    const clean = [...new Set(stack.services.flatMap((s) => s.tasks.filter((t) => t.state === 'running' && t.nodeId && !pulling.has(t.nodeId)).map((t) => t.nodeId!)))];
    return {
      symptom: 'stack deploy fails with "service convergence"',
      cause: `image pull failure on ${nodes.length === 1 ? 'node' : 'nodes'} ${nodes.join(', ')}: ${images.join(', ')}${clean.length ? ` (running on ${clean.length} other node${clean.length === 1 ? '' : 's'}: the image is there, not on these)` : ''}`,
      evidence,
      firstAction: `Pre-pull ${images.join(', ')} on every node (prePullImage); check registry auth (setRegistryCredential) if a node is refused`,
      mutations: ['prePullImage'],
      steps: [
        'If prePullImage reports a node refused ("pull access denied", "unauthorized"): setRegistryCredential for that registry, then prePullImage again',
        'If the image is in no registry (built or loaded on some nodes only): push it to a registry every node reaches, and reference it there',
        'Then let the service retry, or redeploy (deployStack again, redeploySwarmService)',
      ],
    };
  }
  const rolledBack = failing.filter((s) => s.status === StackServiceState.ROLLED_BACK);
  return {
    symptom: rolledBack.length === failing.length ? 'stack update rolled back' : 'stack deploy fails with "service convergence"',
    cause: `tasks of the current spec fail on ${byNode.size ? [...byNode.keys()].join(', ') : 'no node yet'}: ${[...new Set(problems.map((p) => p.problem.error ?? p.problem.state))].join('; ') || (rolledBack.length ? 'swarm rolled the update back' : 'the update paused')}`,
    evidence,
    firstAction: "Read the failing tasks' errors and the service logs, fix the compose file and deploy it again (deployStack), or go back to the last good one (rollbackStack)",
    mutations: ['deployStack', 'rollbackStack'],
  };
}
