import { raw, type MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { mapLimit } from '../common/concurrency';
import { Container } from '../containers/container.entity';
import { ContainerState } from '../containers/container.enums';
import type { DockerInventory } from '../docker/docker.inventory';
import type { ContainerUsage } from '../docker/docker.types';
import type { HostCredentials } from '../hosts/host-credentials';
import { DockerHost } from '../hosts/host.entity';
import { seesEndpointDetail } from '../hosts/host-error.view';
import { SEALED_MARKER } from '../sync/scope.entity';
import { HostStatus } from '../hosts/host.enums';
import { diagnoseHost, isFailing, type HostFacts } from '../hosts/host.diagnosis';
import type { Logger } from '../log/logger';
import { storedTlsFacts } from './certificate.facts';
import type { Diagnosis } from './diagnosis.view';
import type { EndpointProbe } from './endpoint.probe';

export interface ContainerHealthCounts {
  total: number;
  running: number;
  healthy: number;
  unhealthy: number;
  starting: number;
  none: number;
}

export interface HostUsage {
  sampledContainers: number;
  cpuPercent: number;
  memoryBytes: number;
  sampledAt: Date;
}

/** Running containers sampled for usage at most; each sample holds a connection ~1 s. */
const MAX_SAMPLED = 64;

/**
 * The seed's HealthMonitor: whether the daemon answers, containers by health (from the synced inventory, one grouped
 * query for any number of hosts), and CPU/memory of running containers sampled live and concurrently.
 */
export class HealthMonitor {
  constructor(
    private readonly deps: {
      orm: MikroORM;
      inventory: DockerInventory;
      credentials: HostCredentials;
      sampleDeadlineMs?: number;
      /** For diagnoses: the endpoint probed step by step, and whether how it fails is told only to privileged callers. */
      probe: EndpointProbe;
      coarseEndpointErrors: boolean;
      logger: Logger;
    },
  ) {}

  /**
   * The host's troubleshooting row: its endpoint probed now when its checks fail (cached briefly), its stored
   * certificates read. The probe's detail goes to the server log when the caller may not see it.
   */
  async diagnose(principal: Principal | null, given: DockerHost): Promise<Diagnosis | null> {
    // A subscription's snapshot carries a marker instead of the sealed TLS material: the row is read again.
    const host = given.encryptedTlsCredentials === SEALED_MARKER ? await this.deps.orm.em.fork().findOneOrFail(DockerHost, { id: given.id, accountId: given.accountId }) : given;
    let stored: HostFacts['stored'];
    let target;
    try {
      target = this.deps.credentials.target(host);
      stored = storedTlsFacts(target.tls);
    } catch (error) {
      stored = { openFailed: (error as Error).message };
    }
    const probe = target && isFailing(host) ? await this.deps.probe.probe(target) : null;
    const coarse = !seesEndpointDetail(principal, this.deps.coarseEndpointErrors);
    if (coarse && probe?.failed) this.deps.logger.info({ hostId: host.id, steps: probe.steps }, 'docker host diagnosis probe');
    return diagnoseHost({ host, stored, probe, coarse });
  }

  async containerCounts(principal: Principal, hostIds: readonly string[]): Promise<Map<string, ContainerHealthCounts>> {
    const rows: Array<{ hostId: string; state: ContainerState; health: string; n: number }> = await this.deps.orm.em
      .fork()
      .createQueryBuilder(Container, 'c')
      .select(['c.host_id', 'c.state', 'c.health', raw('count(*)::int as n')])
      .where({ accountId: principal.accountId, hostId: { $in: [...hostIds] } })
      .groupBy(['c.host_id', 'c.state', 'c.health'])
      .execute('all');
    const counts = new Map(hostIds.map((id) => [id, { total: 0, running: 0, healthy: 0, unhealthy: 0, starting: 0, none: 0 }]));
    for (const row of rows) {
      const c = counts.get(row.hostId);
      if (!c) continue;
      c.total += row.n;
      if (row.state === ContainerState.RUNNING) c.running += row.n;
      const key = row.health.toLowerCase() as 'healthy' | 'unhealthy' | 'starting' | 'none';
      c[key] += row.n;
    }
    return counts;
  }

  /** A live /_ping. Null for a host in maintenance: it is not contacted at all. */
  async reachable(host: DockerHost): Promise<boolean | null> {
    if (host.status === HostStatus.MAINTENANCE) return null;
    try {
      await this.deps.inventory.ping(this.deps.credentials.target(host));
      return true;
    } catch {
      return false;
    }
  }

  /** Usage of the running containers (up to MAX_SAMPLED), all sampled at once. Null unless the host is CONNECTED. */
  async usage(host: DockerHost): Promise<HostUsage | null> {
    if (host.status !== HostStatus.CONNECTED) return null;
    const running = await this.deps.orm.em.fork().find(Container, { hostId: host.id, state: ContainerState.RUNNING }, { limit: MAX_SAMPLED, fields: ['dockerId'] });
    const target = this.deps.credentials.target(host);
    const deadline = this.deps.sampleDeadlineMs ?? 4000;
    const samples = await mapLimit(running, MAX_SAMPLED, (c) => this.deps.inventory.sampleUsage(target, c.dockerId, deadline).catch(() => null));
    const taken = samples.filter((s): s is ContainerUsage => s !== null);
    return {
      sampledContainers: taken.length,
      cpuPercent: taken.reduce((sum, s) => sum + s.cpuPercent, 0),
      memoryBytes: taken.reduce((sum, s) => sum + s.memoryBytes, 0),
      sampledAt: new Date(),
    };
  }
}
