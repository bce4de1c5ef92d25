import { InputError } from '../common/errors';
import type { RuntimeServer } from './haproxy.stats';
import { HAPROXY_NAME } from './router.config';
import type { RouteServer } from './router.entity';

export interface BackendServerInput {
  name: string;
  address: string;
  port: number;
  weight: number;
  version?: string | null;
}

/** What moves a backend's live servers to the wanted ones: each step a runtime API call, no reload. */
export interface BackendPlan {
  add: BackendServerInput[];
  /** Kept servers whose weight changes, or that must be put back to ready (drained or in maintenance). */
  reweight: BackendServerInput[];
  /** Kept servers that now point at another address or port (the name is the same). */
  readdress: BackendServerInput[];
  /** Live servers no longer wanted: drained, then removed. */
  remove: string[];
}

const HOST = /^[A-Za-z0-9.:-]{1,253}$/;

/** Checks the wanted servers: HAProxy names, unique; an address and a port; a weight HAProxy takes (0–256). */
export function validateServers(servers: readonly BackendServerInput[]): RouteServer[] {
  const seen = new Set<string>();
  return servers.map((s, i) => {
    const field = `servers[${i}]`;
    if (!HAPROXY_NAME.test(s.name)) throw new InputError(`${field}.name`, 'must be 1–100 letters, digits or -_.:');
    if (seen.has(s.name)) throw new InputError(`${field}.name`, `"${s.name}" is given twice`);
    seen.add(s.name);
    if (!HOST.test(s.address)) throw new InputError(`${field}.address`, 'must be an IP address or a host name');
    if (!Number.isInteger(s.port) || s.port < 1 || s.port > 65535) throw new InputError(`${field}.port`, 'must be 1–65535');
    if (!Number.isInteger(s.weight) || s.weight < 0 || s.weight > 256) throw new InputError(`${field}.weight`, 'must be 0–256');
    return { name: s.name, address: s.address, port: s.port, weight: s.weight, version: s.version ?? null };
  });
}

/** The difference between what HAProxy runs and what is wanted, by server name. */
export function planBackends(live: readonly RuntimeServer[], wanted: readonly BackendServerInput[]): BackendPlan {
  const byName = new Map(live.map((s) => [s.name, s]));
  const wantedNames = new Set(wanted.map((s) => s.name));
  const plan: BackendPlan = { add: [], reweight: [], readdress: [], remove: [] };
  for (const server of wanted) {
    const current = byName.get(server.name);
    if (!current) {
      plan.add.push(server);
      continue;
    }
    if (current.address !== server.address || current.port !== server.port) plan.readdress.push(server);
    if (current.weight !== server.weight || /DRAIN|MAINT/.test(current.status)) plan.reweight.push(server);
  }
  plan.remove = live.filter((s) => !wantedNames.has(s.name)).map((s) => s.name);
  return plan;
}
