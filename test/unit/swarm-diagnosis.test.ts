import 'reflect-metadata';
import { HostStatus } from '../../src/hosts/host.enums';
import { StackServiceState, StackState } from '../../src/stacks/stack.status';
import { diagnoseStack } from '../../src/stacks/stack.diagnosis';
import type { StackServiceView, StackTaskProblem, StackView } from '../../src/stacks/stack.view';
import { diagnoseCluster, managerEndpoint, type DiagnosedCluster, type ManagerFacts } from '../../src/swarm/cluster.diagnosis';
import type { SwarmService } from '../../src/swarm/service.entity';
import type { SwarmTask } from '../../src/swarm/task.entity';

const cluster = (over: Partial<DiagnosedCluster> = {}): DiagnosedCluster => ({ status: HostStatus.CONNECTED, hasQuorum: true, managerCount: 3, managersReachable: 3, lastError: null, lastErrorCode: null, lastCheckedAt: null, ...over });
const manager = (n: number, reachability: string, failure?: string | null): ManagerFacts => ({
  node: { dockerId: `node${n}`, hostname: `m${n}`, managerAddr: `10.0.0.${n}:2377`, managerReachability: reachability, state: 'ready', leader: n === 1 },
  ...(failure === undefined ? {} : { engine: { endpoint: `tcp://10.0.0.${n}:2375`, failure } }),
});

describe(diagnoseCluster.name, () => {
  it('names the managers down from their Engines asked now when quorum is lost (the last listing is stale), the majority needed and the steps in order', () => {
    // The listing was taken before m1 stopped: it still says reachable; its Engine does not answer.
    const d = diagnoseCluster(cluster({ hasQuorum: false, managersReachable: 1, lastErrorCode: 'QUORUM_LOST', lastError: 'no leader' }), [manager(1, 'reachable', 'connect ECONNREFUSED'), manager(2, 'unreachable', 'connect ECONNREFUSED'), manager(3, 'reachable', null)]);
    expect(d).toMatchObject({
      symptom: 'lost Swarm quorum',
      cause: 'manager nodes < majority: 1 of 3 managers up, quorum needs 2; down: m1 (10.0.0.1:2377), m2 (10.0.0.2:2377)',
      firstAction: expect.stringMatching(/^Bring back 1 of the down managers \(start dockerd on m1, m2\)/),
      mutations: [],
    });
    expect(d!.steps![0]).toMatch(/on a healthy manager \(m3 at tcp:\/\/10\.0\.0\.3:2375\), run `docker swarm init --force-new-cluster --advertise-addr 10\.0\.0\.3`/);
    expect(d!.steps![1]).toMatch(/^Then demote and remove the dead managers \(demoteSwarmNode, removeSwarmNode/);
    expect(d!.evidence).toContain('manager m1 (10.0.0.1:2377), node node1: Engine at tcp://10.0.0.1:2375 does not answer now (connect ECONNREFUSED); last listing: reachable, leader');
  });

  it('trusts the fresh listing while quorum holds, warning that one more loss loses it', () => {
    // m2's Engine twin does not answer (it listens elsewhere), but raft reaches it: not down.
    const d = diagnoseCluster(cluster({ managersReachable: 2 }), [manager(1, 'reachable', null), manager(2, 'reachable', 'refused'), manager(3, 'unreachable', 'refused')]);
    expect(d).toMatchObject({ symptom: 'swarm managers down', cause: 'm3 (10.0.0.3:2377) is not reachable: 2 of 3 managers up, quorum needs 2: one more loss and quorum is lost', mutations: ['demoteSwarmNode', 'removeSwarmNode'] });
    expect(diagnoseCluster(cluster(), [manager(1, 'reachable', null), manager(2, 'reachable'), manager(3, 'reachable')])).toBeNull();
  });

  it('derives each manager\'s Engine endpoint from its raft address and the registered endpoint', () => {
    expect(managerEndpoint({ managerAddr: '10.0.0.2:2377' }, 'tcp://10.0.0.2:2375')).toBe('tcp://10.0.0.2:2375');
    expect(managerEndpoint({ managerAddr: '10.0.0.3:2377' }, 'https://10.0.0.2:2376')).toBe('https://10.0.0.3:2376');
    expect(managerEndpoint({ managerAddr: '10.0.0.3:2377' }, 'unix:///var/run/docker.sock')).toBeNull();
  });
});

const task = (over: Partial<SwarmTask>): SwarmTask => ({ dockerId: 'task-running-0001', serviceId: 'svc', nodeId: 'n1', state: 'running', upToDate: true, ...over }) as SwarmTask;
const problem = (over: Partial<StackTaskProblem>): StackTaskProblem => ({ taskId: 'task-failed-00001', nodeId: 'n4', nodeHostname: 'worker-4', state: 'rejected', error: 'No such image: app:v1', imagePull: true, image: 'app:v1', ...over });
const service = (over: Partial<StackServiceView>): StackServiceView => ({ name: 'st_app', shortName: 'app', service: { image: 'app:v1@sha256:abc' } as SwarmService, mode: 'global', status: StackServiceState.FAILED, running: 3, desired: 4, updateState: null, problems: [], tasks: [], ...over });
const stack = (services: StackServiceView[]): StackView => ({ clusterId: 'c', name: 'st', status: StackState.FAILED, services, networks: [], secrets: [], configs: [], hint: null });

describe(diagnoseStack.name, () => {
  it('lists the failing tasks per node and answers an image pull failure with prePullImage', () => {
    const d = diagnoseStack(stack([service({ problems: [problem({ taskId: 'aaaaaaaaaaaa0000' }), problem({ taskId: 'bbbbbbbbbbbb0000' })], tasks: [task({ nodeId: 'n1' }), task({ nodeId: 'n2' }), task({ nodeId: 'n3' })] })]));
    expect(d).toMatchObject({
      symptom: 'stack deploy fails with "service convergence"',
      cause: 'image pull failure on node worker-4 (n4): app:v1 (running on 3 other nodes: the image is there, not on these)',
      firstAction: 'Pre-pull app:v1 on every node (prePullImage); check registry auth (setRegistryCredential) if a node is refused',
      mutations: ['prePullImage'],
    });
    expect(d!.evidence).toEqual(['service st_app: FAILED, 3 of 4 running', 'node worker-4 (n4): app task aaaaaaaaaaaa rejected: No such image: app:v1; app task bbbbbbbbbbbb rejected: No such image: app:v1']);
  });

  it('names other failures with their errors, and is null while converging or converged', () => {
    const d = diagnoseStack(stack([service({ problems: [problem({ imagePull: false, state: 'failed', error: 'task: non-zero exit (1)' })] })]));
    expect(d).toMatchObject({ cause: 'tasks of the current spec fail on worker-4 (n4): task: non-zero exit (1)', mutations: ['deployStack', 'rollbackStack'] });
    expect(diagnoseStack(stack([service({ status: StackServiceState.UPDATING })]))).toBeNull();
    expect(diagnoseStack(stack([service({ status: StackServiceState.CONVERGED })]))).toBeNull();
  });
});
