import 'reflect-metadata';
import { applyServicePatch, scaleSpec, toServiceSpec, type ClusterNames } from '../../src/swarm/service-spec.convert';
import { MountType } from '../../src/containers/container-spec.inputs';
import { SwarmFailureAction, SwarmPublishMode, SwarmServiceModeInput, SwarmUpdateOrder, type SwarmServiceSpecInput } from '../../src/swarm/service.inputs';

const names: ClusterNames = {
  networks: [{ id: 'net-front-0123456789', name: 'front' }, { id: 'net-back-0123456789', name: 'back' }],
  secrets: [{ id: 'sec-db-0123456789', name: 'db_password' }],
  configs: [{ id: 'cfg-nginx-0123456789', name: 'nginx.conf' }],
};
const base = { name: 'web', image: 'fleet/web:v1' } as SwarmServiceSpecInput;
const spec = (extra: Partial<SwarmServiceSpecInput>) => toServiceSpec({ ...base, ...extra } as SwarmServiceSpecInput, names) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('toServiceSpec', () => {
  it('converts every field of the typed input into the Engine ServiceSpec, names resolved to ids', () => {
    const out = spec({
      command: ['/bin/sh', '-c'],
      args: ['exec httpd -f'],
      env: ['A=1', 'EMPTY='],
      labels: { team: 'ops' },
      containerLabels: { tier: 'web' },
      replicas: 3,
      networks: [{ name: 'front', aliases: ['www'] }, { name: 'net-back-0123456789' }],
      ports: [{ target: 80, published: 8080 }, { target: 53, protocol: 'UDP', mode: SwarmPublishMode.HOST }],
      mounts: [{ type: MountType.VOLUME, source: 'data', target: '/data', readOnly: true }, { type: MountType.TMPFS, target: '/tmp' }],
      secrets: [{ name: 'db_password', target: 'db', mode: 0o400 }],
      configs: [{ name: 'nginx.conf', target: '/etc/nginx/nginx.conf', uid: '101' }],
      placement: { constraints: ['node.role==worker'], spreadPreferences: ['node.labels.zone'], maxReplicasPerNode: 2 },
      resources: { limits: { cpus: 0.5, memoryBytes: 64 * 1024 * 1024 }, reservations: { cpus: 0.25, memoryBytes: 32 * 1024 * 1024 } },
      restartPolicy: { delaySeconds: 5, maxAttempts: 3, windowSeconds: 60 },
      updateConfig: { parallelism: 2, delaySeconds: 1.5, failureAction: SwarmFailureAction.ROLLBACK, monitorSeconds: 10, maxFailureRatio: 0.25, order: SwarmUpdateOrder.START_FIRST },
      rollbackConfig: { parallelism: 0, failureAction: SwarmFailureAction.CONTINUE },
      healthcheck: { test: ['CMD', 'wget', '-q', 'http://localhost/'], intervalSeconds: 2, timeoutSeconds: 1, retries: 3, startPeriodSeconds: 1 },
      user: '1000:1000',
      workdir: '/srv',
      stopGracePeriodSeconds: 20,
    });
    expect(out).toEqual({
      Name: 'web',
      Labels: { team: 'ops' },
      Mode: { Replicated: { Replicas: 3 } },
      TaskTemplate: {
        ContainerSpec: {
          Image: 'fleet/web:v1',
          Command: ['/bin/sh', '-c'],
          Args: ['exec httpd -f'],
          Env: ['A=1', 'EMPTY='],
          Labels: { tier: 'web' },
          Mounts: [
            { Type: 'volume', Source: 'data', Target: '/data', ReadOnly: true },
            { Type: 'tmpfs', Target: '/tmp', ReadOnly: false },
          ],
          Secrets: [{ File: { Name: 'db', UID: '0', GID: '0', Mode: 0o400 }, SecretID: 'sec-db-0123456789', SecretName: 'db_password' }],
          Configs: [{ File: { Name: '/etc/nginx/nginx.conf', UID: '101', GID: '0', Mode: 0o444 }, ConfigID: 'cfg-nginx-0123456789', ConfigName: 'nginx.conf' }],
          Healthcheck: { Test: ['CMD', 'wget', '-q', 'http://localhost/'], Interval: 2e9, Timeout: 1e9, Retries: 3, StartPeriod: 1e9 },
          User: '1000:1000',
          Dir: '/srv',
          StopGracePeriod: 20e9,
        },
        Networks: [{ Target: 'net-front-0123456789', Aliases: ['www'] }, { Target: 'net-back-0123456789' }],
        Placement: { Constraints: ['node.role==worker'], Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }], MaxReplicas: 2 },
        Resources: { Limits: { NanoCPUs: 5e8, MemoryBytes: 64 * 1024 * 1024 }, Reservations: { NanoCPUs: 2.5e8, MemoryBytes: 32 * 1024 * 1024 } },
        RestartPolicy: { Condition: 'any', Delay: 5e9, MaxAttempts: 3, Window: 60e9 },
      },
      EndpointSpec: {
        Mode: 'vip',
        Ports: [
          { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
          { Protocol: 'udp', TargetPort: 53, PublishMode: 'host' },
        ],
      },
      UpdateConfig: { Parallelism: 2, Delay: 1.5e9, FailureAction: 'rollback', Monitor: 10e9, MaxFailureRatio: 0.25, Order: 'start-first' },
      RollbackConfig: { Parallelism: 0, FailureAction: 'continue', MaxFailureRatio: 0, Order: 'stop-first' },
    });
  });

  it.each([
    [SwarmServiceModeInput.GLOBAL, { Global: {} }],
    [SwarmServiceModeInput.GLOBAL_JOB, { GlobalJob: {} }],
    [SwarmServiceModeInput.REPLICATED_JOB, { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } }],
    [SwarmServiceModeInput.REPLICATED, { Replicated: { Replicas: 1 } }],
  ])('maps mode %s', (mode, engine) => {
    expect(spec({ mode }).Mode).toEqual(engine);
  });

  it('gives jobs an on-failure restart policy (a job restarting always never completes) and refuses ANY for them', () => {
    expect(spec({ mode: SwarmServiceModeInput.REPLICATED_JOB, replicas: 4 })).toMatchObject({ Mode: { ReplicatedJob: { MaxConcurrent: 4, TotalCompletions: 4 } }, TaskTemplate: { RestartPolicy: { Condition: 'on-failure' } } });
    expect(() => spec({ mode: SwarmServiceModeInput.GLOBAL_JOB, restartPolicy: { condition: 'any' as never } })).toThrow(expect.objectContaining({ details: { field: 'spec.restartPolicy.condition' } }));
  });

  it.each([
    ['an empty name', { name: '' }, 'spec.name'],
    ['a name with a slash', { name: 'a/b' }, 'spec.name'],
    ['no image', { image: ' ' }, 'spec.image'],
    ['negative replicas', { replicas: -1 }, 'spec.replicas'],
    ['replicas on a global service', { mode: SwarmServiceModeInput.GLOBAL, replicas: 2 }, 'spec.replicas'],
    ['an unknown network', { networks: [{ name: 'front' }, { name: 'nowhere' }] }, 'spec.networks[1]'],
    ['an empty alias', { networks: [{ name: 'front', aliases: [''] }] }, 'spec.networks[0].aliases[0]'],
    ['an unknown secret', { secrets: [{ name: 'missing' }] }, 'spec.secrets[0].name'],
    ['an unknown config', { configs: [{ name: 'missing' }] }, 'spec.configs[0].name'],
    ['a secret mode past 0o7777', { secrets: [{ name: 'db_password', mode: 99999 }] }, 'spec.secrets[0].mode'],
    ['a non-numeric uid', { configs: [{ name: 'nginx.conf', uid: 'root' }] }, 'spec.configs[0].uid'],
    ['port 0', { ports: [{ target: 0 }] }, 'spec.ports[0].target'],
    ['a published port past 65535', { ports: [{ target: 80, published: 70000 }] }, 'spec.ports[0].published'],
    ['protocol icmp', { ports: [{ target: 80, protocol: 'icmp' }] }, 'spec.ports[0].protocol'],
    ['a relative mount target', { mounts: [{ type: MountType.VOLUME, source: 'v', target: 'data' }] }, 'spec.mounts[0].target'],
    ['a relative bind source', { mounts: [{ type: MountType.BIND, source: 'etc', target: '/etc' }] }, 'spec.mounts[0].source'],
    ['a source on tmpfs', { mounts: [{ type: MountType.TMPFS, source: 'x', target: '/t' }] }, 'spec.mounts[0].source'],
    ['env without =', { env: ['A=1', 'B'] }, 'spec.env[1]'],
    ['a constraint without an operator', { placement: { constraints: ['node.role'] } }, 'spec.placement.constraints[0]'],
    ['0 cpus', { resources: { limits: { cpus: 0 } } }, 'spec.resources.limits.cpus'],
    ['1 KiB of memory', { resources: { reservations: { memoryBytes: 1024 } } }, 'spec.resources.reservations.memoryBytes'],
    ['a reservation over the limit', { resources: { limits: { memoryBytes: 8 << 20 }, reservations: { memoryBytes: 16 << 20 } } }, 'spec.resources.reservations.memoryBytes'],
    ['a negative update delay', { updateConfig: { delaySeconds: -1 } }, 'spec.updateConfig.delaySeconds'],
    ['a failure ratio of 2', { updateConfig: { maxFailureRatio: 2 } }, 'spec.updateConfig.maxFailureRatio'],
    ['a rollback that rolls back', { rollbackConfig: { failureAction: SwarmFailureAction.ROLLBACK } }, 'spec.rollbackConfig.failureAction'],
    ['a healthcheck test without CMD', { healthcheck: { test: ['wget'] } }, 'spec.healthcheck.test'],
    ['a relative workdir', { workdir: 'srv' }, 'spec.workdir'],
    ['a non-string label', { labels: { n: 1 as never } }, 'spec.labels.n'],
    ['a negative grace period', { stopGracePeriodSeconds: -5 }, 'spec.stopGracePeriodSeconds'],
  ])('refuses %s with BAD_USER_INPUT naming the field', (_what, extra, field) => {
    expect(() => spec(extra as Partial<SwarmServiceSpecInput>)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }));
  });

  it('says which networks the cluster has when a name is unknown', () => {
    expect(() => spec({ networks: [{ name: 'nowhere' }] })).toThrow(/spec.networks\[0\] names no network "nowhere" on this cluster \(swarm-scope networks here: back, front\)/);
  });

  it('attaches the host network by its name (the workload policy, not the converter, judges it)', () => {
    expect(spec({ networks: [{ name: 'host' }] }).TaskTemplate.Networks).toEqual([{ Target: 'host' }]);
  });
});

describe('applyServicePatch', () => {
  const current = () => ({
    ...toServiceSpec({ ...base, env: ['A=1'], replicas: 2, labels: { keep: 'me' }, networks: [{ name: 'front' }] } as SwarmServiceSpecInput, names),
    // Parts this API has no input for, and what the Engine keeps, must survive a patch.
    TaskTemplate: { ...(toServiceSpec({ ...base, env: ['A=1'], networks: [{ name: 'front' }] } as SwarmServiceSpecInput, names).TaskTemplate as object), ForceUpdate: 3, LogDriver: { Name: 'json-file' } },
  });

  it('replaces only the parts given and keeps the rest as the Engine has it', () => {
    const before = current();
    const after = applyServicePatch(before, { env: ['A=2', 'B=3'], image: 'fleet/web:v2' }, names) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(after.TaskTemplate.ContainerSpec).toMatchObject({ Image: 'fleet/web:v2', Env: ['A=2', 'B=3'] });
    expect(after).toMatchObject({ Name: 'web', Labels: { keep: 'me' }, Mode: { Replicated: { Replicas: 2 } } });
    expect(after.TaskTemplate).toMatchObject({ ForceUpdate: 3, LogDriver: { Name: 'json-file' }, Networks: [{ Target: 'net-front-0123456789' }] });
    // Pure: the spec it was given is untouched (the adapter may apply it again on a fresh read).
    expect((before.TaskTemplate as Record<string, any>).ContainerSpec.Env).toEqual(['A=1']); // eslint-disable-line @typescript-eslint/no-explicit-any
  });

  it('refuses replicas on a global service, naming the field', () => {
    const global = toServiceSpec({ ...base, mode: SwarmServiceModeInput.GLOBAL } as SwarmServiceSpecInput, names);
    expect(() => applyServicePatch(global, { replicas: 3 }, names)).toThrow(expect.objectContaining({ details: { field: 'spec.replicas' } }));
    expect(() => applyServicePatch(global, { image: '' }, names)).toThrow(expect.objectContaining({ details: { field: 'spec.image' } }));
  });
});

describe('scaleSpec', () => {
  it('sets replicas of a replicated service and concurrency of a replicated job; refuses global modes', () => {
    expect(scaleSpec({ Mode: { Replicated: { Replicas: 1 } }, Name: 'x' }, 5)).toEqual({ Mode: { Replicated: { Replicas: 5 } }, Name: 'x' });
    expect(scaleSpec({ Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 6 } } }, 3)).toEqual({ Mode: { ReplicatedJob: { MaxConcurrent: 3, TotalCompletions: 6 } } });
    expect(() => scaleSpec({ Mode: { Global: {} } }, 2)).toThrow(/replicas cannot be set on a global service/);
    expect(() => scaleSpec({ Mode: { GlobalJob: {} } }, 2)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'replicas' } }));
    expect(() => scaleSpec({ Mode: { Replicated: {} } }, 1.5)).toThrow(expect.objectContaining({ details: { field: 'replicas' } }));
  });
});
