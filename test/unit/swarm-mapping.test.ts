import { DomainError, ErrorCode } from '../../src/common/errors';
import { swarmError, toDockerError } from '../../src/docker/docker.errors';
import { parseLine } from '../../src/docker/swarm.logs';
import { nodeFromEngine, secretFromEngine, serviceFromEngine, swarmFromInspect, swarmInfoFromInfo, taskFromEngine } from '../../src/docker/swarm.mapping';

const ODD = [null, undefined, 42, 'text', [], [1, 2], { ID: 7, Spec: 'x', Version: { Index: 'NaN' } }, { Spec: { Labels: { 'a\u0000b': 5, c: null } } }];

describe('swarm mapping', () => {
  it.each(ODD.map((value) => [JSON.stringify(value) ?? String(value), value]))('never throws on %s', (_name, value) => {
    for (const map of [swarmInfoFromInfo, swarmFromInspect, nodeFromEngine, serviceFromEngine, secretFromEngine, (v: unknown) => taskFromEngine(v, false)]) {
      const snapshot = map(value);
      expect(JSON.stringify(snapshot)).not.toMatch(/\\u0000/);
    }
  });

  it('coerces labels to strings, drops zero times and impossible dates, and keeps NUL out', () => {
    const node = nodeFromEngine({
      ID: 'n1',
      Version: { Index: 12 },
      CreatedAt: '0001-01-01T00:00:00Z',
      UpdatedAt: '+275760-09-13T00:00:00.000Z',
      Spec: { Role: 'manager', Availability: 'drain', Labels: { 'zone\u0000': 'a', n: 3 } },
      Description: { Hostname: 'h', Resources: { NanoCPUs: '2000000000', MemoryBytes: 'lots' }, Engine: { EngineVersion: '20.10.24' } },
      Status: { State: 'ready', Addr: '10.0.0.1' },
      ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: '10.0.0.1:2377' },
    });
    expect(node).toMatchObject({ dockerId: 'n1', role: 'manager', availability: 'drain', leader: true, managerReachability: 'reachable', nanoCpus: 2_000_000_000, memoryBytes: null, versionIndex: 12, createdAt: null, updatedAt: null });
    expect(node.labels).toEqual({ 'zone\ufffd': 'a', n: '3' });
    expect(nodeFromEngine({ Spec: { Role: 'worker' } })).toMatchObject({ role: 'worker', managerReachability: null, leader: false });
  });

  it('reads service modes, replicas, stack label, status and published ports', () => {
    const base = { ID: 's', Version: { Index: 3 }, Spec: { Name: 'web', Labels: { 'com.docker.stack.namespace': 'shop' }, TaskTemplate: { ContainerSpec: { Image: 'nginx:1' } } } };
    expect(serviceFromEngine({ ...base, Spec: { ...base.Spec, Mode: { Replicated: {} } } })).toMatchObject({ mode: 'replicated', replicas: 1, stackNamespace: 'shop', image: 'nginx:1', updateState: null, runningTasks: null });
    expect(serviceFromEngine({ ...base, Spec: { ...base.Spec, Mode: { Global: {} } } })).toMatchObject({ mode: 'global', replicas: null });
    expect(serviceFromEngine({ ...base, Spec: { ...base.Spec, Mode: { ReplicatedJob: { MaxConcurrent: 2 } } } })).toMatchObject({ mode: 'replicated-job', replicas: 2 });
    expect(serviceFromEngine({ ...base, Spec: { ...base.Spec, Mode: { GlobalJob: {} } } })).toMatchObject({ mode: 'global-job' });
    const full = serviceFromEngine({
      ...base,
      ServiceStatus: { RunningTasks: 1, DesiredTasks: 3 },
      UpdateStatus: { State: 'rollback_completed', Message: 'rollback completed', StartedAt: '2026-01-01T00:00:00Z' },
      Endpoint: { Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 30000, PublishMode: 'ingress' }, { TargetPort: 53, Protocol: 'udp', PublishMode: 'host' }] },
    });
    expect(full).toMatchObject({ runningTasks: 1, desiredTasks: 3, updateState: 'rollback_completed', updateStartedAt: new Date('2026-01-01T00:00:00Z'), updateCompletedAt: null });
    expect(full.publishedPorts).toEqual([
      { protocol: 'udp', targetPort: 53, publishedPort: null, publishMode: 'host' },
      { protocol: 'tcp', targetPort: 80, publishedPort: 30000, publishMode: 'ingress' },
    ]);
  });

  it('reads a leaderless swarm from /info as quorum lost', () => {
    const error = "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online.";
    expect(swarmInfoFromInfo({ Swarm: { LocalNodeState: 'active', ControlAvailable: true, Error: error, Managers: 0 } })).toMatchObject({ quorumLost: true, error, managers: 0 });
    expect(swarmInfoFromInfo({ Swarm: { LocalNodeState: 'active', ControlAvailable: true, Error: '' } })).toMatchObject({ quorumLost: false, error: null });
  });

  it('drops join tokens from the swarm inspect and data from configs', () => {
    const swarm = swarmFromInspect({ ID: 'c', JoinTokens: { Worker: 'SWMTKN-1-w', Manager: 'SWMTKN-1-m' }, Spec: { Name: 'default' }, Version: { Index: 9 } });
    expect(JSON.stringify(swarm)).not.toContain('SWMTKN');
    expect(swarm).toMatchObject({ id: 'c', versionIndex: 9, spec: { Name: 'default' } });
    const config = secretFromEngine({ ID: 'x', Spec: { Name: 'conf', Data: 'c2VjcmV0' } });
    expect(JSON.stringify(config)).not.toContain('c2VjcmV0');
  });
});

describe(swarmError.name, () => {
  const engine = (statusCode: number, message: string) =>
    toDockerError(Object.assign(new Error(`(HTTP code ${statusCode})`), { statusCode, json: { message } }), { endpoint: 'unix:///x.sock', tls: false });

  it.each([
    [503, 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.', ErrorCode.NOT_SWARM_MANAGER],
    [503, "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state.", ErrorCode.NOT_SWARM_MANAGER],
    [503, "The swarm does not have a leader. It's possible that too few managers are online.", ErrorCode.QUORUM_LOST],
    [500, 'rpc error: code = DeadlineExceeded desc = context deadline exceeded', ErrorCode.QUORUM_LOST],
    [500, 'rpc error: code = Unknown desc = update out of sequence', ErrorCode.CONFLICT],
    [500, 'service does not have a previous spec', ErrorCode.CONFLICT],
    [404, 'service x not found', ErrorCode.NOT_FOUND],
    [400, 'bad spec', ErrorCode.BAD_USER_INPUT],
  ])('maps %i "%s"', (status, message, code) => {
    const mapped = swarmError(engine(status, message), 'doing it') as DomainError;
    expect(mapped.code).toBe(code);
    expect(mapped.details.statusCode).toBe(status);
    expect(mapped.message).toBe(`doing it: ${message}`);
  });

  it('keeps a join token out of the message', () => {
    const mapped = swarmError(engine(500, 'join failed for token SWMTKN-1-abc'), 'joining', ['SWMTKN-1-abc']) as DomainError;
    expect(JSON.stringify({ m: mapped.message, d: mapped.details })).not.toContain('SWMTKN-1-abc');
  });
});

describe(parseLine.name, () => {
  it('takes the details off a service log line, with or without a timestamp', () => {
    const details = 'com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t%2F1';
    expect(parseLine('stdout', `${details} hello world`, false)).toEqual({ stream: 'stdout', line: 'hello world', taskId: 't/1', nodeId: 'n1' });
    expect(parseLine('stderr', `2026-01-01T00:00:00.000000000Z ${details} oops`, true)).toEqual({ stream: 'stderr', line: '2026-01-01T00:00:00.000000000Z oops', taskId: 't/1', nodeId: 'n1' });
    expect(parseLine('stdout', 'no details here', false)).toEqual({ stream: 'stdout', line: 'no details here', taskId: null, nodeId: null });
    expect(parseLine('stdout', `${details}`, false)).toMatchObject({ line: '', taskId: 't/1' });
    expect(parseLine('stdout', 'a=%zz bad escape', false)).toMatchObject({ line: 'bad escape' });
  });
});
