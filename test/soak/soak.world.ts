import type Docker from 'dockerode';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { DockerHostEnvironment, DockerHostsDocument, RegisterDockerHostDocument } from '../generated/graphql';
import { fleetDocker, loadFleet, type Fleet } from '../support/fleet';
import { newAccountId } from '../support/harness';
import { SYNC_INTERVAL } from '../../src/hosts/host.validation';
import { Instance, instanceToken } from '../support/instances';
import { PrivateDaemon } from '../support/private-daemon';
import { TcpProxy } from '../support/tcp-proxy';
import { OwnPostgres, OwnRedis } from './soak.services';

export type TargetName = 'private' | 'tcp' | 'tls';

/** A daemon the soak's hosts point at, with a direct client (never through the hop) to compare with `docker ps -a`. */
export interface Target {
  name: TargetName;
  docker: Docker;
  endpoint: string;
  /** Only the soak uses it: its whole `docker ps -a` is compared. A shared fleet daemon is compared on the soak's label. */
  owned: boolean;
  daemon?: PrivateDaemon;
  proxy?: TcpProxy;
}

export interface Account {
  name: string;
  id: string;
  token: string;
  /** The account's host id on each target. */
  hosts: Map<TargetName, string>;
}

export type Slot = 'alpha' | 'beta';
const SLOTS: Slot[] = ['alpha', 'beta'];

/**
 * Everything the soak runs on, all its own except the fleet's tcp and tls daemons (shared, reached through a freezable
 * hop): a PostgreSQL and a Redis it may restart, a private dockerd it may kill, and two API processes it may kill.
 */
export class SoakWorld {
  /** Every API process ever started (killed ones too), for the crash check. */
  readonly started: Instance[] = [];
  /** The API processes the soak killed on purpose. */
  readonly killed = new Set<Instance>();
  private readonly current = new Map<Slot, Instance>();

  private constructor(
    readonly runId: string,
    readonly fleet: Fleet,
    readonly pg: OwnPostgres,
    readonly redis: OwnRedis,
    readonly targets: Target[],
    readonly accounts: Account[],
    private readonly databaseUrl: string,
  ) {}

  /** The label every container of this run carries: the soak's share of a shared daemon. */
  get label(): string {
    return `fleet-soak=${this.runId}`;
  }

  static async start(options: { runId: string; accounts: number; tokenTtlSeconds: number; log: (line: string) => void }): Promise<SoakWorld> {
    // What started so far is stopped again when a later step fails: nothing of a failed start lingers.
    const undo: Array<() => Promise<unknown>> = [];
    try {
      const fleet = loadFleet();
      const pg = await OwnPostgres.start();
      undo.push(() => pg.stop());
      options.log(`PostgreSQL on :${pg.port}`);
      const redis = await OwnRedis.start();
      undo.push(() => redis.stop());
      options.log(`Redis on :${redis.port}`);
      const databaseUrl = await createDatabase(pg.url, 'fleet_soak');
      const daemon = await PrivateDaemon.start({ name: `soak-${process.pid}` });
      undo.push(() => daemon.stop());
      options.log(`private dockerd ${daemon.name}`);
      const hop = async (name: 'tcp' | 'tls'): Promise<Target> => {
        const url = new URL(name === 'tcp' ? fleet.tcpEndpoint : fleet.tlsEndpoint);
        const proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port) });
        undo.push(() => proxy.close());
        // The server certificate names 127.0.0.1 too, so mutual TLS works through the hop.
        const endpoint = name === 'tcp' ? proxy.endpoint : `https://127.0.0.1:${proxy.port}`;
        return { name, docker: fleetDocker(fleet, name), endpoint, owned: false, proxy };
      };
      const targets: Target[] = [{ name: 'private', docker: daemon.docker, endpoint: daemon.endpoint, owned: true, daemon }, await hop('tcp'), await hop('tls')];
      const accounts = await Promise.all(
        Array.from({ length: options.accounts }, async (_, i) => {
          const id = newAccountId();
          return { name: `account${i + 1}`, id, token: await instanceToken(id, options.tokenTtlSeconds), hosts: new Map<TargetName, string>() };
        }),
      );
      const world = new SoakWorld(options.runId, fleet, pg, redis, targets, accounts, databaseUrl);
      undo.push(() => Promise.all(world.live().map(({ instance }) => instance.stop())));
      for (const slot of SLOTS) await world.startInstance(slot); // one after the other: the first one migrates
      options.log(`API processes ${SLOTS.map((s) => world.instance(s)!.url).join(' ')}`);
      for (const account of accounts) for (const target of targets) account.hosts.set(target.name, await world.register(account, target));
      return world;
    } catch (error) {
      for (const step of undo.reverse()) await step().catch(() => undefined);
      throw error;
    }
  }

  instance(slot: Slot): Instance | undefined {
    return this.current.get(slot);
  }

  /** The API processes up now. */
  live(): Array<{ slot: Slot; instance: Instance }> {
    return SLOTS.flatMap((slot) => {
      const instance = this.current.get(slot);
      return instance && instance.process.child.exitCode === null && instance.process.child.signalCode === null ? [{ slot, instance }] : [];
    });
  }

  async startInstance(slot: Slot): Promise<Instance> {
    const instance = await Instance.start(slot, {
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      SYNC_WORKER_ENABLED: 'true',
      SYNC_TICK_SECONDS: '1',
      SYNC_LEASE_SECONDS: '5',
      EVENT_PROBE_SECONDS: '3',
      DOCKER_TIMEOUT_MS: '3000',
    });
    this.started.push(instance);
    this.current.set(slot, instance);
    return instance;
  }

  async killInstance(slot: Slot): Promise<void> {
    const instance = this.current.get(slot)!;
    this.killed.add(instance);
    this.current.delete(slot);
    await instance.kill();
  }

  /** Every soak host's status (host id -> status), read through a live API process. */
  async statuses(): Promise<Map<string, string>> {
    const [up] = this.live();
    if (!up) throw new Error('no API process is up');
    const statuses = new Map<string, string>();
    for (const account of this.accounts) {
      const { dockerHosts } = await up.instance.ok(DockerHostsDocument, { first: 100 }, account.token);
      for (const host of dockerHosts.nodes) statuses.set(host.id, host.status);
    }
    return statuses;
  }

  /** The account's host ids on one target. */
  hostsOn(target: TargetName): string[] {
    return this.accounts.map((a) => a.hosts.get(target)!);
  }

  targetOf(hostId: string): Target | undefined {
    for (const account of this.accounts) for (const [name, id] of account.hosts) if (id === hostId) return this.targets.find((t) => t.name === name);
    return undefined;
  }

  async close(): Promise<Array<{ name: string; code: number | null }>> {
    const exits = await Promise.all(this.live().map(async ({ slot, instance }) => ({ name: slot, code: await instance.stop() })));
    for (const target of this.targets) {
      const mine = await target.docker.listContainers({ all: true, filters: { label: [this.label] } }).catch(() => []);
      await Promise.all(mine.map((c) => target.docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
      await target.proxy?.close();
      await target.daemon?.stop();
    }
    await this.redis.stop();
    await this.pg.stop();
    await this.saveLogs();
    return exits;
  }

  /** Every API process's output, for reading what went wrong after the run. */
  get logDir(): string {
    return path.join(os.tmpdir(), `fleet-soak-${this.runId}`);
  }

  private async saveLogs(): Promise<void> {
    await fs.mkdir(this.logDir, { recursive: true });
    await Promise.all(this.started.map((instance, i) => fs.writeFile(path.join(this.logDir, `${i + 1}-${instance.name}.log`), instance.process.stdout() + instance.process.stderr())));
  }

  private async register(account: Account, target: Target): Promise<string> {
    const input = {
      name: `soak-${target.name}`,
      apiEndpoint: target.endpoint,
      environment: DockerHostEnvironment.Development,
      // Events keep it fresh. The interval is also when a DISCONNECTED host is checked again (nothing retries it
      // sooner), so the shortest one allowed: a host's recovery after a fault takes up to this long.
      syncIntervalSeconds: SYNC_INTERVAL.min,
      ...(target.name === 'tls' ? { tlsCredentials: this.fleet.tls } : {}),
    };
    return (await this.live()[0]!.instance.ok(RegisterDockerHostDocument, { input }, account.token)).registerDockerHost.id;
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
}
