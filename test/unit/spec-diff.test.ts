import { specDifferences } from '../../src/deployments/spec.diff';

describe(specDifferences.name, () => {
  it('names each changed leaf by its path, and treats absent, null, empty and Engine defaults as not set', () => {
    const running = { Name: 'a', Labels: {}, TaskTemplate: { ContainerSpec: { Image: 'web:v1', Isolation: 'default', Env: ['A=1'] }, Runtime: 'container' }, Mode: { Replicated: { Replicas: 2 } } };
    const planned = { Name: 'a', TaskTemplate: { ContainerSpec: { Image: 'web:v2', Env: ['A=1', 'B=2'] } }, Mode: { Replicated: { Replicas: 2 } }, UpdateConfig: null };
    const defaults = { 'TaskTemplate.ContainerSpec.Isolation': 'default', 'TaskTemplate.Runtime': 'container' };
    expect(specDifferences(running, planned, { defaults })).toEqual([
      { path: 'TaskTemplate.ContainerSpec.Env', from: ['A=1'], to: ['A=1', 'B=2'] },
      { path: 'TaskTemplate.ContainerSpec.Image', from: 'web:v1', to: 'web:v2' },
    ]);
  });

  it('skips ignored paths and finds keys only one side sets', () => {
    expect(specDifferences({ TaskTemplate: { ForceUpdate: 3 }, Mode: { Global: {} } }, { Mode: { Replicated: { Replicas: 1 } } }, { ignore: (p) => p === 'TaskTemplate.ForceUpdate' })).toEqual([{ path: 'Mode.Replicated.Replicas', from: null, to: 1 }]);
    expect(specDifferences({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
