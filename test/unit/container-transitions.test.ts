import { ContainerState } from '../../src/containers/container.enums';
import { containerTransitions, eventsByContainer, replayEvents, toldBefore, type ContainerPoint, type Transition } from '../../src/containers/container.transitions';
import type { EngineEvent } from '../../src/docker/docker.types';

const T0 = 1_796_000_000_000; // ms
/** A container event `ms` milliseconds after T0, as the stream sends it (nanoseconds). */
const event = (action: string, ms: number, attributes: Record<string, string> = {}): EngineEvent => ({
  type: 'container',
  action,
  actorId: 'c1',
  attributes: { name: 'job', image: 'fleet/busybox:latest', ...attributes },
  timeNano: (BigInt(T0 + ms) * 1_000_000n + 123n).toString(),
});
const at = (ms: number) => new Date(T0 + ms);
const steps = (transitions: Transition[]) => transitions.map((t) => [t.previousState, t.removed ? 'removed' : t.state]);
const RUN_RM = [event('create', 0), event('attach', 1), event('start', 160), event('die', 185, { exitCode: '3' }), event('destroy', 200)];

describe('container transitions from events', () => {
  it('turns a whole docker run --rm seen in one batch into created, running, exited with its code, removed', () => {
    const history = replayEvents(null, RUN_RM);
    expect(steps(history.transitions)).toEqual([
      [null, 'CREATED'],
      ['CREATED', 'RUNNING'],
      ['RUNNING', 'EXITED'],
      ['EXITED', 'removed'],
    ]);
    expect(history.transitions[2]).toMatchObject({ at: at(185), point: { state: 'EXITED', exitCode: 3, startedAt: at(160), finishedAt: at(185) } });
    expect(history.transitions[3]!.point).toMatchObject({ state: 'EXITED', exitCode: 3 });
    expect(history).toMatchObject({ last: null, destroyed: true });
    // Nothing is stored for it afterwards, and nothing more is said.
    expect(containerTransitions(history, null)).toHaveLength(4);
  });

  it('never dates a step before the one subscribers were told of in an earlier write (Docker\'s times may disagree by 1 ms)', () => {
    // Told RUNNING, dated by the inspect's StartedAt; the container that exited at once is then found EXITED with a
    // FinishedAt a millisecond earlier than that StartedAt (seen on the fleet under load).
    const running: ContainerPoint = { ...replayEvents(null, RUN_RM.slice(0, 1)).last!, state: ContainerState.RUNNING, startedAt: at(358) };
    const exited: ContainerPoint = { ...running, state: ContainerState.EXITED, exitCode: 3, finishedAt: at(357) };
    const [step] = containerTransitions(toldBefore(running), exited, at(400));
    expect(steps([step!])).toEqual([['RUNNING', 'EXITED']]);
    expect(step!.at.getTime()).toBeGreaterThanOrEqual(at(358).getTime());
  });

  it('continues from the stored row across batches, so previousState chains', () => {
    const first = replayEvents(null, RUN_RM.slice(0, 3));
    expect(steps(first.transitions)).toEqual([[null, 'CREATED'], ['CREATED', 'RUNNING']]);
    const stored: ContainerPoint = first.last!;
    expect(steps(replayEvents(stored, RUN_RM.slice(3)).transitions)).toEqual([['RUNNING', 'EXITED'], ['EXITED', 'removed']]);
  });

  it('says nothing twice when a read-back already stored the state an event announces', () => {
    // createContainer and startContainer read the container back before the events were applied.
    const stored: ContainerPoint = { state: ContainerState.RUNNING, exitCode: null, startedAt: at(160), finishedAt: null };
    const history = replayEvents(stored, [event('create', 0), event('start', 160)]);
    expect(history.transitions).toEqual([]);
    expect(containerTransitions(history, stored)).toEqual([]);
  });

  it('skips the events a listing that saw the container later already covers, and goes on with the newer ones', () => {
    // The listing found it EXITED (finished at 185); the stream then brings create, start, die and a new start.
    const stored: ContainerPoint = { state: ContainerState.EXITED, exitCode: 3, startedAt: at(160), finishedAt: at(185) };
    const history = replayEvents(stored, [event('create', 0), event('start', 160), event('die', 185, { exitCode: '3' }), event('start', 900)]);
    expect(steps(history.transitions)).toEqual([['EXITED', 'RUNNING']]);
    expect(history.last).toMatchObject({ state: 'RUNNING', startedAt: at(900), exitCode: null, finishedAt: at(185) });
  });

  it('maps pause and unpause, and lets kill and oom wait for the die that follows them', () => {
    const running: ContainerPoint = { state: ContainerState.RUNNING, exitCode: null, startedAt: at(0), finishedAt: null };
    const history = replayEvents(running, [event('pause', 10), event('unpause', 20), event('kill', 30, { signal: '9' }), event('oom', 31), event('die', 32, { exitCode: '137' })]);
    expect(steps(history.transitions)).toEqual([['RUNNING', 'PAUSED'], ['PAUSED', 'RUNNING'], ['RUNNING', 'EXITED']]);
    expect(history.last!.exitCode).toBe(137);
  });

  it('publishes a restart as exited then running again', () => {
    const running: ContainerPoint = { state: ContainerState.RUNNING, exitCode: null, startedAt: at(0), finishedAt: null };
    const history = replayEvents(running, [event('kill', 100, { signal: '15' }), event('die', 110, { exitCode: '143' }), event('stop', 111), event('start', 150), event('restart', 151)]);
    expect(steps(history.transitions)).toEqual([['RUNNING', 'EXITED'], ['EXITED', 'RUNNING']]);
    expect(history.transitions[0]!.point!.exitCode).toBe(143);
  });

  it('ends where the stored row is when an inspect saw further than the events', () => {
    const running: ContainerPoint = { state: ContainerState.RUNNING, exitCode: null, startedAt: at(0), finishedAt: null };
    const history = replayEvents(running, [event('die', 50, { exitCode: '1' })]);
    const restarting: ContainerPoint = { state: ContainerState.RESTARTING, exitCode: 1, startedAt: at(0), finishedAt: at(50) };
    const transitions = containerTransitions(history, restarting, at(60));
    expect(steps(transitions)).toEqual([['RUNNING', 'EXITED'], ['EXITED', 'RESTARTING']]);
    // Dated by Docker's finish time, and never before the step it follows.
    expect(transitions[1]).toMatchObject({ point: null, at: at(50) });
  });

  it('announces nothing for a container whose beginning it never saw', () => {
    // A listing removed it already (and said so); its late die and destroy are old news.
    expect(replayEvents(null, [event('die', 185, { exitCode: '3' }), event('destroy', 200)]).transitions).toEqual([]);
  });

  it('publishes one step per change when no event named the container (a listing or a read-back)', () => {
    const exited: ContainerPoint = { state: ContainerState.EXITED, exitCode: 0, startedAt: at(0), finishedAt: at(5) };
    const running: ContainerPoint = { state: ContainerState.RUNNING, exitCode: null, startedAt: at(7), finishedAt: null };
    const found = containerTransitions(toldBefore(null), running, at(99));
    expect(steps(found)).toEqual([[null, 'RUNNING']]);
    expect(found[0]!.at).toEqual(at(7)); // when Docker started it, not when the listing saw it
    expect(steps(containerTransitions(toldBefore(exited), exited))).toEqual([]);
    expect(steps(containerTransitions(toldBefore(exited), null))).toEqual([['EXITED', 'removed']]);
  });

  it('groups a batch per container in stream order, leaving out exec events and those a resumed stream replays up to the checkpoint', () => {
    const other = { ...event('start', 165), actorId: 'c2' };
    const batch = [event('create', 0), event('start', 160), other, event('exec_start: sh', 170), { ...event('connect', 171), type: 'network' }, event('die', 185)];
    const grouped = eventsByContainer(batch, batch[1]!.timeNano);
    expect([...grouped.keys()]).toEqual(['c2', 'c1']);
    expect(grouped.get('c1')!.map((e) => e.action)).toEqual(['die']);
    expect(eventsByContainer(batch, null).get('c1')!.map((e) => e.action)).toEqual(['create', 'start', 'die']);
  });

  it('adds the run a read-back or inspect found already over: known created, found exited with a start time', () => {
    // startContainer of a container that exits at once: its read-back sees it exited before the start event is applied.
    const created: ContainerPoint = { state: ContainerState.CREATED, exitCode: null, startedAt: null, finishedAt: null };
    const exited: ContainerPoint = { state: ContainerState.EXITED, exitCode: 3, startedAt: at(160), finishedAt: at(185) };
    const found = containerTransitions(toldBefore(created), exited, at(300));
    expect(steps(found)).toEqual([['CREATED', 'RUNNING'], ['RUNNING', 'EXITED']]);
    expect(found.map((t) => t.at)).toEqual([at(160), at(185)]);
    expect(found[0]!.point).toMatchObject({ state: 'RUNNING', exitCode: null, finishedAt: null });
    // The events that follow are old news then.
    expect(replayEvents(exited, [event('start', 160), event('die', 185, { exitCode: '3' })]).transitions).toEqual([]);
    // A first listing of a long-stopped container says just that it exists, stopped.
    expect(steps(containerTransitions(toldBefore(null), exited))).toEqual([[null, 'EXITED']]);
  });
});
