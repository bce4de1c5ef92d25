import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../src/auth/principal';
import { NotFoundError } from '../../../src/common/errors';
import type { HostTarget } from '../../../src/docker/docker.types';
import type { EngineSpec } from '../../../src/docker/swarm.types';
import type { SwarmCluster } from '../../../src/swarm/cluster.entity';
import { modeOf } from '../../../src/swarm/service-spec.convert';
import type { ServiceManagerDeps } from '../../../src/swarm/service.manager';
import { SwarmService } from '../../../src/swarm/service.entity';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface EngineService {
  spec: Json;
  previousSpec: Json | null;
  version: number;
}

/**
 * A manager's service API in memory, with swarmkit's versioning: an update is written at the version it read, and a
 * write at a stale version is refused and read again (the adapter's "update out of sequence" retry), so concurrent
 * read-modify-writes interleave as on a real swarm. `log` records every Engine call.
 */
export class FakeSwarmServices {
  readonly services = new Map<string, EngineService>();
  readonly log: string[] = [];
  networks = [{ dockerId: 'net-front', name: 'front' }];
  secrets = [{ dockerId: 'sec-db', name: 'db' }];
  warnings: string[] = [];
  outOfSequenceRetries = 0;

  async createService(_target: HostTarget, spec: EngineSpec) {
    const id = `svc-${randomUUID().slice(0, 8)}`;
    this.log.push(`create ${String(spec.Name)}`);
    this.services.set(id, { spec: structuredClone(spec) as Json, previousSpec: null, version: 1 });
    return { id, warnings: this.warnings };
  }

  async updateService(_target: HostTarget, id: string, mutate: (spec: EngineSpec) => EngineSpec, options: { rollback?: 'previous'; forceUpdate?: boolean } = {}) {
    for (;;) {
      const current = this.services.get(id);
      if (!current) throw new NotFoundError('service', id);
      const read = current.version;
      let next = options.rollback ? structuredClone(current.spec) : mutate(structuredClone(current.spec));
      if (options.forceUpdate) next = { ...next, TaskTemplate: { ...(next.TaskTemplate as Json), ForceUpdate: (Number((next.TaskTemplate as Json)?.ForceUpdate) || 0) + 1 } };
      // Let any other writer run between the read and the write, as two API calls would.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.services.get(id)?.version !== read) {
        this.outOfSequenceRetries++;
        continue;
      }
      this.log.push(options.rollback ? `rollback ${id}` : `update ${id}`);
      if (options.rollback) {
        if (!current.previousSpec) throw new Error('service does not have a previous spec');
        this.services.set(id, { spec: current.previousSpec, previousSpec: current.spec, version: read + 1 });
      } else this.services.set(id, { spec: next as Json, previousSpec: current.spec, version: read + 1 });
      return { warnings: this.warnings };
    }
  }

  async removeService(_target: HostTarget, id: string) {
    this.log.push(`remove ${id}`);
    if (!this.services.delete(id)) throw new NotFoundError('service', id);
  }

  async inspectService(_target: HostTarget, id: string) {
    const service = this.services.get(id);
    return service ? ({ dockerId: id, spec: service.spec, previousSpec: service.previousSpec } as never) : null;
  }

  async listSwarmNetworks() {
    this.log.push('list networks');
    return this.networks as never[];
  }

  async listSecrets() {
    this.log.push('list secrets');
    return this.secrets as never[];
  }

  async listConfigs() {
    this.log.push('list configs');
    return [];
  }

  async serviceLogs() {
    return { lines: [], truncated: false };
  }

  async followServiceLogs() {
    return null as never;
  }
}

/** Everything the ServiceManager needs, the swarm in memory; one cluster `c1` of account `acct-a`. */
export function serviceManagerOnFakes(policy: ServiceManagerDeps['policy']) {
  const swarm = new FakeSwarmServices();
  const rows = new Map<string, SwarmService>();
  const cluster = { id: 'c1', accountId: 'acct-a', name: 'prod' } as SwarmCluster;
  const target = { hostId: 'c1', apiEndpoint: 'tcp://manager:2375' } as HostTarget;
  const refreshes: string[][] = [];
  const deps: ServiceManagerDeps = {
    clusters: {
      async operable(principal: Principal, id: string) {
        if (id !== cluster.id || principal.accountId !== cluster.accountId) throw new NotFoundError('SwarmCluster', id);
        return { cluster, target };
      },
    },
    queries: {
      async one(principal: Principal, _kind: string, id: string) {
        const row = rows.get(id);
        if (!row || row.accountId !== principal.accountId) throw new NotFoundError('SwarmService', id);
        // A copy, as a database read gives: the manager sees the row as it was when it asked.
        return Object.assign(new SwarmService(), structuredClone({ ...row })) as never;
      },
      async byDockerIds(_principal: Principal, _kind: string, clusterId: string, dockerIds: readonly string[]) {
        return [...rows.values()].filter((r) => r.clusterId === clusterId && dockerIds.includes(r.dockerId)) as never;
      },
    },
    swarm,
    // The sync records what the swarm has, as the cluster's relist does.
    sync: {
      async refresh(_scopeId: string, what: { kinds?: string[] }) {
        refreshes.push(what.kinds ?? []);
        for (const [dockerId, engine] of swarm.services) {
          const row = [...rows.values()].find((r) => r.dockerId === dockerId) ?? Object.assign(new SwarmService(), { id: randomUUID(), accountId: cluster.accountId, clusterId: cluster.id, dockerId });
          Object.assign(row, { name: engine.spec.Name, mode: modeOf(engine.spec), replicas: engine.spec.Mode?.Replicated?.Replicas ?? null, spec: engine.spec, previousSpec: engine.previousSpec, versionIndex: engine.version });
          rows.set(row.id, row);
        }
        for (const [id, row] of rows) if (!swarm.services.has(row.dockerId)) rows.delete(id);
        return {} as never;
      },
    },
    policy,
    registries: { authFor: async () => null },
  };
  return { deps, swarm, rows, refreshes, cluster };
}
