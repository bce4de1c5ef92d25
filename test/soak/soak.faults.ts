import { waitFor } from '../support/wait';
import type { Random } from './soak.random';
import type { Slot, SoakWorld, TargetName } from './soak.world';

export const FAULT_KINDS = ['dockerd-kill', 'hop-freeze', 'postgres-restart', 'redis-restart', 'api-kill'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * How long a host may stay CONNECTED while its daemon cannot be reached (invariant 4). The world runs with
 * EVENT_PROBE_SECONDS=3 and DOCKER_TIMEOUT_MS=3000: a dead daemon ends the event stream at once, a frozen hop is found
 * by the probe of a quiet stream (at most two probe periods, 6 s), then the failing sync takes one Docker timeout
 * (3 s); plus a sync tick (1 s) and the poll here. 15 s is that with room to spare on two busy cores.
 */
export const HEALTH_BOUND_MS = 15_000;

export interface Fault {
  n: number;
  kind: FaultKind;
  detail: string;
  injectedAt: number;
  /** When the fault was undone (daemon restarted, hop thawed, service or process back). */
  recoveredAt: number;
  /** When the settle phase found everything caught up again; the fault's window ends here. */
  settledAt?: number;
  /** Hosts it cut off (dockerd and hop faults): those must leave CONNECTED within HEALTH_BOUND_MS. */
  hostIds: string[];
  /** Hosts that stayed CONNECTED past the bound while cut off. */
  stayedConnected: string[];
  /** How long after the injection every cut-off host had left CONNECTED. */
  leftConnectedMs?: number;
  slot?: Slot;
}

/** Injects one fault, holds it a random while (and until the cut-off hosts have left CONNECTED), and undoes it. */
export async function injectFault(world: SoakWorld, random: Random, n: number, kind: FaultKind): Promise<Fault> {
  const fault: Fault = { n, kind, detail: '', injectedAt: Date.now(), recoveredAt: 0, hostIds: [], stayedConnected: [] };
  const hold = (min: number, max: number) => new Promise((resolve) => setTimeout(resolve, random.between(min, max)));
  switch (kind) {
    case 'dockerd-kill': {
      const target = world.targets.find((t) => t.name === 'private')!;
      fault.hostIds = world.hostsOn('private');
      fault.detail = `SIGKILL dockerd ${target.daemon!.name}`;
      await target.daemon!.kill();
      await expectDisconnected(world, fault);
      await hold(500, 5000);
      await target.daemon!.restart();
      break;
    }
    case 'hop-freeze': {
      const name: TargetName = random.pick(['tcp', 'tls'] as const);
      const proxy = world.targets.find((t) => t.name === name)!.proxy!;
      fault.hostIds = world.hostsOn(name);
      fault.detail = `froze the ${name} hop`;
      proxy.freeze();
      await expectDisconnected(world, fault);
      await hold(500, 4000);
      proxy.thaw();
      break;
    }
    case 'postgres-restart': {
      const mode = random.pick(['fast', 'immediate'] as const);
      fault.detail = `pg_ctl restart -m ${mode}`;
      await world.pg.restart(mode);
      break;
    }
    case 'redis-restart': {
      fault.detail = 'SIGKILL redis-server, start again';
      await world.redis.kill();
      await hold(200, 3000);
      await world.redis.launch();
      break;
    }
    case 'api-kill': {
      const slot = random.pick(world.live().map((l) => l.slot));
      fault.slot = slot;
      fault.detail = `SIGKILL API process ${slot}`;
      await world.killInstance(slot);
      await hold(500, 3000);
      await world.startInstance(slot);
      break;
    }
  }
  fault.recoveredAt = Date.now();
  return fault;
}

/** Invariant 4 while the fault holds: each cut-off host leaves CONNECTED within the bound. */
async function expectDisconnected(world: SoakWorld, fault: Fault): Promise<void> {
  const deadline = fault.injectedAt + HEALTH_BOUND_MS;
  let statuses = new Map<string, string>();
  await waitFor(async () => {
    statuses = await world.statuses();
    return fault.hostIds.every((id) => statuses.get(id) !== 'CONNECTED');
  }, { timeoutMs: Math.max(0, deadline - Date.now()) }).then(
    () => (fault.leftConnectedMs = Date.now() - fault.injectedAt),
    () => undefined,
  );
  fault.stayedConnected = fault.hostIds.filter((id) => statuses.get(id) === 'CONNECTED');
}
