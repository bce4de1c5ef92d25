import type { EngineEvent } from '../docker/docker.types';
import { ContainerState } from './container.enums';

/** Where a container stands: its state and the values that go with it. */
export interface ContainerPoint {
  state: ContainerState;
  exitCode: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** One step a subscriber sees. `point` null: the stored row as it is (a step found by comparing, not by an event). */
export interface Transition {
  previousState: ContainerState | null;
  state: ContainerState;
  removed: boolean;
  at: Date;
  point: ContainerPoint | null;
}

/** What a batch's events did to one container. */
export interface History {
  transitions: Transition[];
  /** Where the events leave it, as subscribers know it; null once removed (or never known). */
  last: ContainerPoint | null;
  /** A destroy event was seen. */
  destroyed: boolean;
}

/**
 * Replays a container's events (in stream order) from what subscribers were last told, `prior` (the stored row, or
 * null when it has none). An event the prior row already covers produced no step: the row was written by a read-back
 * or a listing that saw the container after that event (Docker sets StartedAt/FinishedAt before it logs start/die, so
 * an event no later than the row's latest time is older news; a create is covered by the row existing at all). A step
 * to the state subscribers already have is no step. Kill and oom change nothing by themselves: the die that follows does.
 */
export function replayEvents(prior: ContainerPoint | null, events: readonly EngineEvent[]): History {
  const transitions: Transition[] = [];
  const seenUntil = latestTime(prior);
  let last = prior;
  let destroyed = false;
  for (const event of events) {
    const at = new Date(eventMs(event));
    if (event.action === 'destroy') {
      destroyed = true;
      if (last) transitions.push({ previousState: last.state, state: ContainerState.REMOVING, removed: true, at, point: last });
      last = null;
      continue;
    }
    if (prior && (event.action === 'create' || at.getTime() <= seenUntil)) continue;
    const next = step(last, event, at);
    if (!next || (last && next.state === last.state)) continue;
    // Nothing known before it but a step other than create: its beginning was missed (a listing removed it meanwhile).
    if (!last && event.action !== 'create') continue;
    transitions.push({ previousState: last?.state ?? null, state: next.state, removed: false, at, point: next });
    last = next;
  }
  return { transitions, last, destroyed };
}

/** What subscribers were last told of a container no event named in this batch: the stored row (null: none). */
export function toldBefore(prior: ContainerPoint | null): History {
  return { transitions: [], last: prior, destroyed: false };
}

/**
 * Every step from what subscribers were told to what is stored now (`stored`, null when no row is): the events'
 * steps, then one more when the stored row is elsewhere than they left it (an inspect saw further, say RESTARTING; or,
 * with no events, a listing or read-back found a new state), or a removal when the row is gone. A step found that way
 * is dated by Docker's own start or finish time where it has one (what the event would have said), else `now`.
 */
export function containerTransitions(history: History, stored: ContainerPoint | null, now = new Date()): Transition[] {
  const steps = [...history.transitions];
  const { last } = history;
  // No step is dated before the one subscribers were last told of, in this write or an earlier one: Docker's own times
  // (an inspect's StartedAt, a die event's time) can disagree by a millisecond for a container that exits at once.
  const after = () => steps.at(-1)?.at.getTime() ?? latestTime(last);
  if (stored === null) {
    if (last) steps.push({ previousState: last.state, state: ContainerState.REMOVING, removed: true, at: now, point: last });
    return steps;
  }
  let known = last?.state ?? null;
  // Known stopped, found stopped again (or paused) with a later start: it ran in between, and that was a step too. A
  // container that exits at once is often found exited by the read-back or inspect that follows its start.
  const startedAt = stored.startedAt?.getTime() ?? -Infinity;
  if (known !== null && !UP.has(known) && stored.state !== ContainerState.RUNNING && startedAt > latestTime(last)) {
    const point = { ...stored, state: ContainerState.RUNNING, exitCode: null, finishedAt: last?.finishedAt ?? null };
    steps.push({ previousState: known, state: ContainerState.RUNNING, removed: false, at: new Date(Math.max(startedAt, after())), point });
    known = ContainerState.RUNNING;
  }
  if (stored.state !== known) {
    const at = new Date(Math.max(stampOf(stored)?.getTime() ?? now.getTime(), after()));
    steps.push({ previousState: known, state: stored.state, removed: false, at, point: null });
  }
  return steps;
}

const UP = new Set([ContainerState.RUNNING, ContainerState.PAUSED, ContainerState.RESTARTING]);

/** The latest of a point's own times: what it says about the container's history reaches that far. */
function latestTime(point: ContainerPoint | null): number {
  return point ? Math.max(point.startedAt?.getTime() ?? -Infinity, point.finishedAt?.getTime() ?? -Infinity) : -Infinity;
}

function stampOf(point: ContainerPoint): Date | null {
  if (point.state === ContainerState.RUNNING) return point.startedAt;
  if (point.state === ContainerState.EXITED || point.state === ContainerState.DEAD || point.state === ContainerState.RESTARTING) return point.finishedAt;
  return null;
}

/**
 * Each container's events, in stream order. Those up to the checkpoint were applied before (a resumed stream replays
 * the checkpoint's own): their steps were published then.
 */
export function eventsByContainer(events: EngineEvent[], checkpoint: string | null | undefined): Map<string, EngineEvent[]> {
  const applied = BigInt(checkpoint ?? -1);
  const byContainer = new Map<string, EngineEvent[]>();
  for (const event of events) {
    if (event.type !== 'container' || event.action.startsWith('exec_') || BigInt(event.timeNano) <= applied) continue;
    const list = byContainer.get(event.actorId) ?? [];
    byContainer.set(event.actorId, list);
    list.push(event);
  }
  return byContainer;
}

function step(from: ContainerPoint | null, event: EngineEvent, at: Date): ContainerPoint | null {
  const base: ContainerPoint = from ?? { state: ContainerState.CREATED, exitCode: null, startedAt: null, finishedAt: null };
  switch (event.action) {
    case 'create':
      return { state: ContainerState.CREATED, exitCode: null, startedAt: null, finishedAt: null };
    case 'start':
      return { ...base, state: ContainerState.RUNNING, exitCode: null, startedAt: at };
    case 'unpause':
      return { ...base, state: ContainerState.RUNNING };
    case 'pause':
      return { ...base, state: ContainerState.PAUSED };
    case 'die':
      return { ...base, state: ContainerState.EXITED, exitCode: exitCodeOf(event), finishedAt: at };
    default:
      return null;
  }
}

function exitCodeOf(event: EngineEvent): number | null {
  const code = Number.parseInt(event.attributes.exitCode ?? '', 10);
  return Number.isFinite(code) ? code : null;
}

function eventMs(event: EngineEvent): number {
  return Number(BigInt(event.timeNano) / 1_000_000n);
}
