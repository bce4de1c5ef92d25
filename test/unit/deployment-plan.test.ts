import type { Principal } from '../../src/auth/principal';
import { DeploymentPlanner } from '../../src/deployments/deployment.plan';
import type { EngineSpec, SwarmServiceSnapshot, SwarmTaskSnapshot } from '../../src/docker/swarm.types';
import { parseStack } from '../../src/stacks/compose';
import { ResolveImage } from '../../src/stacks/stack.deployer';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const principal: Principal = { userId: 'u', accountId: 'a', permissions: new Set(), expiresAt: 0, issuedAt: null };
const NETWORKS = [
  { dockerId: 'id-default', name: 's_default' },
  { dockerId: 'id-front', name: 's_front' },
  { dockerId: 'id-back', name: 's_back' },
];
const SECRETS: Record<string, string> = { db: 'id-db', api: 'id-api' };
const CONFIGS: Record<string, string> = { site: 'id-site', extra: 'id-extra' };

/** A compose file with one service `web`; `service` is its extra keys and `top` the file's top-level objects. */
const file = (service: string) =>
  `services:\n  web:\n    image: web:v1\n${service}networks:\n  front: {}\n  back: {}\nsecrets:\n  db: { external: true }\n  api: { external: true }\nconfigs:\n  site: { external: true }\n  extra: { external: true }\n`;

/** The spec as a manager answers it once that file was deployed: networks by id, secret/config ids filled, Engine defaults. */
function deployed(compose: string): Json {
  const spec = structuredClone(parseStack({ name: 's', compose, variables: {} }).plan.services[0]!.spec) as unknown as Json;
  const template = spec.TaskTemplate;
  template.Networks = (template.Networks ?? []).map((n: Json) => ({ ...n, Target: NETWORKS.find((k) => k.name === n.Target)!.dockerId }));
  for (const ref of template.ContainerSpec.Secrets ?? []) ref.SecretID = SECRETS[ref.SecretName];
  for (const ref of template.ContainerSpec.Configs ?? []) ref.ConfigID = CONFIGS[ref.ConfigName];
  for (const key of ['UpdateConfig', 'RollbackConfig']) {
    if (!spec[key]) continue;
    spec[key].Order ||= 'stop-first';
    spec[key].FailureAction ||= 'pause';
  }
  return spec;
}

function planner(running: Json) {
  const service = { dockerId: 'svc-web', name: 's_web', labels: running.Labels, spec: running as EngineSpec, runningTasks: 3 } as SwarmServiceSnapshot;
  const task = (n: number, upToDate = true) => ({ dockerId: `t${n}`, desiredState: 'running', upToDate }) as SwarmTaskSnapshot;
  return new DeploymentPlanner({
    clusters: { operable: async () => ({ target: {} }) as never },
    swarm: {
      listServices: async () => [service],
      listTasks: async () => [task(1), task(2), task(3), task(4, false)],
      listSwarmNetworks: async () => NETWORKS.map((n) => ({ ...n, driver: 'overlay', scope: 'swarm', internal: false, attachable: false, labels: {}, createdAt: null })),
      distributionInspect: async () => {
        throw new Error('not asked: images are compared by tag');
      },
    },
    registryAuth: async () => null,
  });
}

async function plan(before: string, after: string) {
  const answer = await planner(deployed(file(before))).plan(principal, 'c', { name: 's', compose: file(after), resolveImage: ResolveImage.NEVER });
  return answer.services[0]!;
}

describe(DeploymentPlanner.name, () => {
  const refs = (networks: string, secrets: string, configs: string) => `    networks: [${networks}]\n    secrets: [${secrets}]\n    configs: [${configs}]\n`;

  it('changes nothing when the file is the one deployed (networks by id, secret and config ids filled in by the Engine)', async () => {
    const same = refs('front', 'db', 'site') + '    deploy:\n      replicas: 3\n      update_config: { parallelism: 2, delay: 1s }\n      rollback_config: { parallelism: 1 }\n';
    expect(await plan(same, same)).toMatchObject({ action: 'UNCHANGED', differences: [], tasksToRestart: 0 });
  });

  it('reports a changed networks list by network name, and counts the running tasks it restarts', async () => {
    const service = await plan(refs('front', 'db', 'site'), refs('front, back', 'db', 'site'));
    expect(service).toMatchObject({ action: 'UPDATE', tasksToRestart: 3 });
    expect(service.differences).toEqual([
      { path: 'TaskTemplate.Networks', from: [{ Target: 's_front', Aliases: ['web'] }], to: [{ Target: 's_back', Aliases: ['web'] }, { Target: 's_front', Aliases: ['web'] }] },
    ]);
  });

  it('reports changed secrets and configs lists by name, and counts the running tasks they restart', async () => {
    const service = await plan(refs('front', 'db', 'site'), refs('front', 'db, api', 'extra'));
    expect(service).toMatchObject({ action: 'UPDATE', tasksToRestart: 3 });
    expect(service.differences.map((d) => d.path)).toEqual(['TaskTemplate.ContainerSpec.Configs', 'TaskTemplate.ContainerSpec.Secrets']);
    const [configs, secrets] = service.differences;
    expect(configs).toMatchObject({ from: [expect.objectContaining({ ConfigName: 'site' })], to: [expect.objectContaining({ ConfigName: 'extra' })] });
    expect((secrets!.to as Json[]).map((s) => s.SecretName)).toEqual(['api', 'db']);
    expect(JSON.stringify(service.differences)).not.toMatch(/ConfigID|SecretID/);
  });

  it('reports every update_config and rollback_config knob that changes, restarting no task', async () => {
    const before = '    deploy:\n      update_config: { parallelism: 1, delay: 1s, order: stop-first, monitor: 5s, max_failure_ratio: 0, failure_action: pause }\n      rollback_config: { parallelism: 1 }\n';
    const after = '    deploy:\n      update_config: { parallelism: 2, delay: 3s, order: start-first, monitor: 10s, max_failure_ratio: 0.5, failure_action: rollback }\n      rollback_config: { parallelism: 0, order: start-first, failure_action: continue }\n';
    const service = await plan(before, after);
    expect(service).toMatchObject({ action: 'UPDATE', tasksToRestart: 0 });
    expect(service.differences).toEqual([
      { path: 'RollbackConfig.FailureAction', from: 'pause', to: 'continue' },
      { path: 'RollbackConfig.Order', from: 'stop-first', to: 'start-first' },
      { path: 'RollbackConfig.Parallelism', from: 1, to: 0 },
      { path: 'UpdateConfig.Delay', from: 1e9, to: 3e9 },
      { path: 'UpdateConfig.FailureAction', from: 'pause', to: 'rollback' },
      { path: 'UpdateConfig.MaxFailureRatio', from: 0, to: 0.5 },
      { path: 'UpdateConfig.Monitor', from: 5e9, to: 10e9 },
      { path: 'UpdateConfig.Order', from: 'stop-first', to: 'start-first' },
      { path: 'UpdateConfig.Parallelism', from: 1, to: 2 },
    ]);
  });

  it('reports a knob set back to what the Engine fills in, with the value the Engine will hold', async () => {
    const before = '    deploy:\n      update_config: { order: start-first, failure_action: rollback, max_failure_ratio: 0.3 }\n';
    const service = await plan(before, '    deploy:\n      update_config: { parallelism: 1 }\n');
    expect(service).toMatchObject({ action: 'UPDATE', tasksToRestart: 0 });
    expect(service.differences).toEqual([
      { path: 'UpdateConfig.FailureAction', from: 'rollback', to: 'pause' },
      { path: 'UpdateConfig.MaxFailureRatio', from: 0.3, to: 0 },
      { path: 'UpdateConfig.Order', from: 'start-first', to: 'stop-first' },
    ]);
  });
});
