import { ActivitiesDocument, ContainersDocument } from '../generated/graphql';
import { waitFor } from '../support/wait';
import { HEALTH_BOUND_MS, type Fault } from './soak.faults';
import type { ApiContainer, Ledger, SentMutation } from './soak.ledger';
import type { SubscriberSession, Subscribers } from './soak.subscribers';
import type { SoakWorld } from './soak.world';

export interface CheckResult {
  invariant: string;
  checked: string;
  violations: string[];
}

/** What the checks need, and what they remember between rounds (each mutation and container is judged once). */
export interface CheckContext {
  world: SoakWorld;
  ledger: Ledger;
  subscribers: Subscribers;
  faults: Fault[];
  startedAt: number;
  /** `--every-transition`: each answered transition (not just the final state) is owed to subscribers. */
  everyTransition: boolean;
  judgedMutations: number;
  judgedContainers: Set<string>;
  judgedFaults: Set<number>;
  log: (line: string) => void;
}

/** (1) Every host's inventory equals `docker ps -a` on its daemon, ids and states (a shared daemon: the soak's label). */
export async function inventoryCheck({ world, log }: CheckContext): Promise<CheckResult> {
  const violations: string[] = [];
  const started = Date.now();
  let hosts = 0;
  for (const account of world.accounts) {
    for (const target of world.targets) {
      const hostId = account.hosts.get(target.name)!;
      const label = target.owned ? undefined : world.label;
      let [expected, actual, first] = ['', '', ''];
      const since = Date.now();
      hosts++;
      await waitFor(async () => {
        const rows = await target.docker.listContainers({ all: true, ...(label ? { filters: { label: [label] } } : {}) });
        expected = canonical(rows.map((r) => [r.Id, r.State.toUpperCase()]));
        const up = world.live()[0]!.instance;
        const { containers } = await up.ok(ContainersDocument, { filter: { hostId, label }, first: 500 }, account.token);
        actual = canonical(containers.nodes.map((c) => [c.dockerId, c.state]));
        if (expected !== actual) first ||= `inventory ${actual} but docker ps -a ${expected}`;
        return expected === actual;
      }, { what: 'the inventory to equal docker ps -a', timeoutMs: 60_000 }).then(() => {
        // Events keep it within milliseconds: a slow catch-up is worth reading even when it comes.
        if (Date.now() - since > 5_000) log(`${account.name}/${target.name}: inventory equal only after ${((Date.now() - since) / 1000).toFixed(1)} s; at first ${first}`);
      }, () => {
        violations.push(`${account.name}/${target.name}: inventory ${actual} but docker ps -a ${expected}`);
      });
    }
  }
  return { invariant: '1 inventory = docker ps -a', checked: `${hosts} hosts, equal after ${((Date.now() - started) / 1000).toFixed(1)} s`, violations };
}

/**
 * (2) Every mutation has exactly one activity row, matched by request id. Owed exactly one: a mutation that was
 * answered while PostgreSQL was up. A request that died with its connection (its process was killed) may have run
 * or not: at most one. One overlapping a PostgreSQL restart may find no database to write to: at most one, and a
 * missing row must have been logged as lost ("activity not recorded"), never silently gone.
 */
export async function activityCheck(context: CheckContext): Promise<CheckResult> {
  const { world, ledger, faults } = context;
  const rows = new Map<string, number>();
  for (const account of world.accounts) {
    let after: string | null | undefined;
    do {
      const { activities } = await world.live()[0]!.instance.ok(ActivitiesDocument, { filter: { since: new Date(context.startedAt).toISOString() }, first: 500, after }, account.token);
      for (const row of activities.nodes) if (row.requestId) rows.set(row.requestId, (rows.get(row.requestId) ?? 0) + 1);
      after = activities.pageInfo.hasNextPage ? activities.pageInfo.endCursor : undefined;
    } while (after);
  }
  const pgWindows = faults.filter((f) => f.kind === 'postgres-restart').map(windowOf);
  const violations: string[] = [];
  const judged = ledger.mutations.slice(context.judgedMutations);
  context.judgedMutations = ledger.mutations.length;
  let [duringPgCount, unanswered] = [0, 0];
  for (const m of judged) {
    const count = rows.get(m.requestId) ?? 0;
    const duringPg = pgWindows.some((w) => overlaps(w, [m.startedAt, m.endedAt]));
    if (duringPg) duringPgCount++;
    if (!m.answered) unanswered++;
    if (count > 1) violations.push(`${describe(m)}: ${count} activity rows`);
    else if (count === 0 && m.answered && !duringPg) violations.push(`${describe(m)}: answered, no activity row`);
    else if (count === 0 && m.answered && duringPg && !m.instance.process.stdout().includes(`"requestId":"${m.requestId}"`)) {
      violations.push(`${describe(m)}: no activity row, and its loss was not logged`);
    }
  }
  const known = new Set(ledger.mutations.map((m) => m.requestId));
  for (const [requestId] of rows) if (requestId.startsWith(`soak-${world.runId}-`) && !known.has(requestId)) violations.push(`activity row for ${requestId}, which the soak never sent`);
  return { invariant: '2 one activity row per mutation', checked: `${judged.length} mutations (${unanswered} unanswered, ${duringPgCount} during a PostgreSQL restart)`, violations };
}

/**
 * (3) No subscriber gets a foreign account's message, and none misses what it is owed. Owed to a session: every
 * container its account made through the API and removed (answered) while that session was provably receiving (from
 * its first message) and stayed open, with Redis up throughout (no Redis fault overlapping the container's life). The
 * final state (`removed`) must arrive; with `everyTransition`, every answered transition must.
 */
export async function subscriberCheck(context: CheckContext): Promise<CheckResult> {
  const { ledger, subscribers, faults } = context;
  const violations: string[] = [];
  for (const session of subscribers.sessions) {
    const own = new Set(session.account.hosts.values());
    const foreign = session.containers.filter((c) => !own.has(c.message.hostId)).length + session.hosts.filter((h) => !own.has(h.message.id)).length;
    if (foreign > 0) violations.push(`${name(session)}: ${foreign} messages about another account's hosts`);
    const instanceUp = session.instance.process.child.exitCode === null && session.instance.process.child.signalCode === null;
    if (!session.open && instanceUp && session.endReason !== 'closed by the soak') violations.push(`${name(session)}: ended while its process was up (${session.endReason})`);
  }
  const redisWindows = faults.filter((f) => f.kind === 'redis-restart').map(windowOf);
  const due = [...ledger.containers.values()].filter((c) => c.removedAt !== undefined && !context.judgedContainers.has(c.id));
  let owed = 0;
  let missedTransitions = 0;
  for (const container of due) {
    context.judgedContainers.add(container.id);
    if (redisWindows.some((w) => overlaps(w, [container.createdAt, container.removedAt!]))) continue;
    for (const session of subscribers.sessions.filter((s) => isOwed(s, container, faults))) {
      owed++;
      const got = (transition: string) => session.containers.some((c) => c.message.container.id === container.id && (transition === 'removed' ? c.message.removed : !c.message.removed && c.message.state === transition));
      // Delivery is asynchronous (through Redis from the process that published): a short bounded wait, not a sleep.
      const final = await waitFor(() => got('removed'), { timeoutMs: 5_000 }).catch(() => false);
      if (!final) violations.push(`${name(session)}: never got the removal of ${container.target} container ${container.id}`);
      const missing = container.transitions.filter((t) => !got(t.transition)).map((t) => t.transition);
      missedTransitions += missing.length;
      if (context.everyTransition && missing.length > 0) violations.push(`${name(session)}: missed ${missing.join(', ')} of ${container.target} container ${container.id}`);
    }
  }
  const hostChanges = await hostChangeCheck(context, violations);
  const note = context.everyTransition ? '' : `, ${missedTransitions} intermediate transitions not seen (not owed without --every-transition)`;
  return { invariant: '3 subscribers: nothing foreign, nothing owed missed', checked: `${subscribers.sessions.length} sessions, ${owed} owed finals, ${hostChanges} owed host outages${note}`, violations };
}

/**
 * Part of (3): a host a fault cut off is owed to every session of its account that was receiving before the fault
 * and stayed open until it settled: a dockerHostChanged leaving CONNECTED, and a later one back to CONNECTED. A host
 * that never left CONNECTED is invariant 4's violation, not counted again here.
 */
async function hostChangeCheck(context: CheckContext, violations: string[]): Promise<number> {
  let owed = 0;
  for (const fault of context.faults.filter((f) => f.settledAt !== undefined && !context.judgedFaults.has(f.n))) {
    context.judgedFaults.add(fault.n);
    const sessions = context.subscribers.sessions.filter((s) => s.liveAt !== undefined && s.liveAt < fault.injectedAt && (s.endedAt === undefined || s.endedAt > fault.settledAt!));
    for (const session of sessions) {
      const own = new Set(session.account.hosts.values());
      for (const hostId of fault.hostIds.filter((id) => own.has(id) && !fault.stayedConnected.includes(id))) {
        owed++;
        const outcome = () => {
          const after = session.hosts.filter((h) => h.message.id === hostId && h.at >= fault.injectedAt);
          const down = after.findIndex((h) => h.message.status !== 'CONNECTED');
          if (down < 0) return 'never reported leaving CONNECTED';
          return after.slice(down).some((h) => h.message.status === 'CONNECTED') ? 'ok' : 'never reported CONNECTED again';
        };
        const result = await waitFor(() => outcome() === 'ok', { timeoutMs: 5_000 }).then(() => 'ok', () => outcome());
        if (result !== 'ok') violations.push(`${name(session)}: host ${hostId} ${result} (${fault.detail})`);
      }
    }
  }
  return owed;
}

/** (4) No host stays CONNECTED while its syncs fail (measured while each fault held). */
export function healthCheck(fault: Fault | undefined): CheckResult {
  const violations = (fault?.stayedConnected ?? []).map((id) => `host ${id} stayed CONNECTED for ${HEALTH_BOUND_MS / 1000} s: ${fault!.detail}`);
  const left = fault?.leftConnectedMs === undefined ? '' : `, all left CONNECTED within ${(fault.leftConnectedMs / 1000).toFixed(1)} s`;
  return { invariant: '4 no host CONNECTED while cut off', checked: `${fault?.hostIds.length ?? 0} hosts cut off${left}`, violations };
}

const CRASH = /unhandledRejection|uncaughtException|UnhandledPromiseRejection|^fatal:|FATAL ERROR|"level":60/m;

/** (5) No process crashed except the ones killed: exit codes, crash traces in their output, the soak's own services. */
export async function processCheck({ world }: CheckContext): Promise<CheckResult> {
  const violations: string[] = [];
  for (const instance of world.started) {
    const { child } = instance.process;
    const gone = child.exitCode !== null || child.signalCode !== null;
    if (gone && !world.killed.has(instance)) violations.push(`API process ${instance.name} exited (${child.exitCode ?? child.signalCode}): ${instance.process.stderr().slice(-500)}`);
    const output = instance.process.stdout() + instance.process.stderr();
    const crash = CRASH.exec(output);
    if (crash) violations.push(`API process ${instance.name}: "${output.slice(Math.max(0, crash.index - 200), crash.index + 300)}"`);
  }
  if (world.redis.crashed) violations.push('redis-server died without being killed');
  const daemon = world.targets.find((t) => t.daemon)!.daemon!;
  if (!daemon.running) violations.push(`private dockerd ${daemon.name} is not running`);
  if (!(await world.pg.ready())) violations.push('the soak PostgreSQL is not accepting connections');
  return { invariant: '5 no process crashed but the killed', checked: `${world.started.length} API processes, dockerd, PostgreSQL, Redis`, violations };
}

/**
 * A session is owed a container when it provably received before the container was made: a message after its start,
 * and after the last Redis restart that settled before then (a message through Redis proves its subscription is back).
 */
function isOwed(session: SubscriberSession, container: ApiContainer, faults: Fault[]): boolean {
  const redisBack = Math.max(0, ...faults.filter((f) => f.kind === 'redis-restart' && f.settledAt! <= container.createdAt).map((f) => f.settledAt!));
  return (
    session.account.id === container.accountId &&
    session.containers.some((m) => m.at >= redisBack && m.at <= container.createdAt) &&
    (session.endedAt === undefined || session.endedAt > container.removedAt! + 5_000)
  );
}

function windowOf(fault: Fault): [number, number] {
  return [fault.injectedAt, fault.settledAt ?? Date.now()];
}

function overlaps([a1, a2]: [number, number], [b1, b2]: [number, number]): boolean {
  return a1 <= b2 && b1 <= a2;
}

function canonical(pairs: string[][]): string {
  return JSON.stringify(pairs.sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

function describe(m: SentMutation): string {
  return `${m.action} ${m.requestId} on ${m.slot} (${m.answered ? (m.ok ? 'ok' : (m.errorCode ?? 'error')) : 'no answer'})`;
}

function name(session: SubscriberSession): string {
  return `subscriber ${session.account.name}@${session.slot}`;
}
