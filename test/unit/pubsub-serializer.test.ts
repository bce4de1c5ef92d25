import { parse, stringify } from '../../src/pubsub/pubsub';
import { describeStatus } from '../../src/containers/container.status';
import { ContainerHealth, ContainerState } from '../../src/containers/container.enums';

describe('Redis payload serialisation', () => {
  it('keeps Dates as Dates and leaves date-like strings alone', () => {
    const at = new Date('2026-11-25T08:00:00.123Z');
    const round = parse(stringify({ at, nested: { list: [at] }, label: '2026-11-25T08:00:00.123Z', none: null })) as Record<string, unknown>;
    expect(round.at).toEqual(at);
    expect((round.nested as { list: Date[] }).list[0]).toBeInstanceOf(Date);
    expect(round.label).toBe('2026-11-25T08:00:00.123Z');
    expect(round.none).toBeNull();
  });
});

describe('container status text', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  it('reads like docker ps, computed from the stored times', () => {
    const base = { exitCode: null, startedAt: new Date('2026-11-25T09:55:00Z'), finishedAt: new Date('2026-11-25T08:00:00Z') };
    expect(describeStatus({ ...base, state: ContainerState.RUNNING, health: ContainerHealth.HEALTHY }, now)).toBe('Up 5 minutes (healthy)');
    expect(describeStatus({ ...base, state: ContainerState.EXITED, health: ContainerHealth.NONE, exitCode: 1 }, now)).toBe('Exited (1) 2 hours ago');
    expect(describeStatus({ ...base, state: ContainerState.CREATED, health: ContainerHealth.NONE }, now)).toBe('Created');
  });
});
