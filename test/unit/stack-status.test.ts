import { serviceState, stackState, StackServiceState, StackState } from '../../src/stacks/stack.status';
import { taggedImage, pinnedImage } from '../../src/stacks/stack.image';

const replicated = (replicas: number, updateState: string | null = null) => ({ mode: 'replicated', replicas, desiredTasks: replicas, updateState });
const task = (state: string, upToDate: boolean, error: string | null = null) => ({ state, upToDate, desiredState: state === 'running' ? 'running' : 'shutdown', error });

describe('stack status', () => {
  it('an old failed task (of a replaced spec) does not mark a good deploy failed', () => {
    const judged = serviceState(replicated(2), [task('running', true), task('running', true), task('failed', false, 'task: non-zero exit (1)')]);
    expect(judged).toMatchObject({ state: StackServiceState.CONVERGED, running: 2, desired: 2 });
  });

  it('a rejected task of the current spec does not read as success, even with old tasks still running', () => {
    const judged = serviceState(replicated(2, 'updating'), [task('running', false), task('running', false), task('rejected', true, 'No such image: x:v2')]);
    expect(judged).toMatchObject({ state: StackServiceState.FAILED, running: 0, desired: 2 });
  });

  it('is UPDATING while current tasks come up with none failed, and paused or rolled back updates are not success', () => {
    expect(serviceState(replicated(2, 'updating'), [task('running', true), task('starting', true)]).state).toBe(StackServiceState.UPDATING);
    expect(serviceState(replicated(2, 'paused'), [task('running', true), task('running', true)]).state).toBe(StackServiceState.FAILED);
    expect(serviceState(replicated(1, 'rollback_completed'), [task('running', true)]).state).toBe(StackServiceState.ROLLED_BACK);
    expect(serviceState(replicated(2, 'completed'), [task('running', true), task('running', true)]).state).toBe(StackServiceState.CONVERGED);
  });

  it('a stack is PARTIAL when some services failed, FAILED when all did', () => {
    expect(stackState([StackServiceState.CONVERGED, StackServiceState.FAILED])).toBe(StackState.PARTIAL);
    expect(stackState([StackServiceState.FAILED, StackServiceState.ROLLED_BACK])).toBe(StackState.FAILED);
    expect(stackState([StackServiceState.CONVERGED, StackServiceState.UPDATING])).toBe(StackState.UPDATING);
    expect(stackState([StackServiceState.CONVERGED])).toBe(StackState.CONVERGED);
  });

  it('tags and pins images as moby\'s client does', () => {
    expect(taggedImage('fleet/busybox')).toBe('fleet/busybox:latest');
    expect(taggedImage('docker.io/library/nginx')).toBe('nginx:latest');
    expect(taggedImage('127.0.0.1:5000/app')).toBe('127.0.0.1:5000/app:latest');
    expect(taggedImage('127.0.0.1:5000/app:v1')).toBe('127.0.0.1:5000/app:v1');
    expect(pinnedImage('127.0.0.1:5000/app', 'sha256:abc')).toBe('127.0.0.1:5000/app:latest@sha256:abc');
    const digested = `app@sha256:${'a'.repeat(64)}`;
    expect(taggedImage(digested)).toBe(digested);
    expect(pinnedImage(digested, 'sha256:other')).toBe(digested);
  });
});
