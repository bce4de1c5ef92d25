import { setTimeout as delay } from 'node:timers/promises';
import { DomainError, ErrorCode } from '../common/errors';
import { refused, sendCommand } from './haproxy.cli';
import { parseProcesses, parseServerStats, type HaproxyProcesses, type RuntimeServer } from './haproxy.stats';

export type { RuntimeServer } from './haproxy.stats';
export type ServerAdminState = 'ready' | 'drain' | 'maint';

export interface HaproxyInfo {
  name: string;
  version: string;
  pid: number;
  uptimeSeconds: number;
}

export interface AddServerSpec {
  backend: string;
  name: string;
  address: string;
  port: number;
  weight: number;
  /** Health-check it (the backend's `option httpchk`); off by default. */
  check?: boolean;
}

const silent = (reply: string) => reply.trim() === '';

/**
 * HAProxy's runtime API (the `stats socket ... level admin`) and master CLI (`haproxy -W -S ...`): plain typed answers,
 * no rules. Every call takes the endpoint, so one adapter serves every router. Dynamic servers (`add server`) need a
 * backend whose balance algorithm supports them (roundrobin does) and are lost on reload unless the config has them.
 */
export class HaproxyRuntime {
  constructor(private readonly options: { timeoutMs: number } = { timeoutMs: 3000 }) {}

  /** Sends one command; `ok` says whether the reply means success (else ROUTER_REFUSED with HAProxy's words). */
  async run(endpoint: string, command: string, ok: (reply: string) => boolean = silent): Promise<string> {
    const reply = await sendCommand(endpoint, command, this.options.timeoutMs);
    if (!ok(reply)) throw refused(endpoint, command, reply);
    return reply;
  }

  async info(endpoint: string): Promise<HaproxyInfo> {
    const reply = await this.run(endpoint, 'show info', (r) => /^Name: /m.test(r));
    const field = (key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(reply)?.[1]?.trim() ?? '';
    return { name: field('Name'), version: field('Version'), pid: Number(field('Pid')), uptimeSeconds: Number(field('Uptime_sec')) };
  }

  /** The backend's servers with their live counters (`show stat <backend> 4 -1`: servers only). */
  async servers(endpoint: string, backend: string): Promise<RuntimeServer[]> {
    const reply = await this.run(endpoint, `show stat ${backend} 4 -1`, (r) => r.startsWith('# pxname'));
    return parseServerStats(reply).filter((s) => s.backend === backend);
  }

  /** True when the frontend exists in the running worker and listens (`show stat` status OPEN). */
  async frontendOpen(endpoint: string, frontend: string): Promise<boolean> {
    const reply = await sendCommand(endpoint, `show stat ${frontend} 1 -1`, this.options.timeoutMs);
    return reply.split('\n').some((line) => line.startsWith(`${frontend},FRONTEND,`) && line.includes(',OPEN,'));
  }

  /** Name, address, weight and state of each server (the same source as stats, read the same way). */
  showServers(endpoint: string, backend: string): Promise<RuntimeServer[]> {
    return this.servers(endpoint, backend);
  }

  stats(endpoint: string, backend: string): Promise<RuntimeServer[]> {
    return this.servers(endpoint, backend);
  }

  /** Adds a dynamic server (HAProxy creates it in maintenance) and enables it, so it takes traffic by its weight. */
  async addServer(endpoint: string, spec: AddServerSpec): Promise<void> {
    const id = `${spec.backend}/${spec.name}`;
    await this.run(endpoint, `add server ${id} ${spec.address}:${spec.port} weight ${spec.weight}${spec.check ? ' check' : ''}`, (r) => /New server registered/.test(r));
    if (spec.check) await this.run(endpoint, `enable health ${id}`);
    await this.run(endpoint, `enable server ${id}`);
  }

  async setWeight(endpoint: string, backend: string, name: string, weight: number): Promise<void> {
    await this.run(endpoint, `set server ${backend}/${name} weight ${weight}`);
  }

  async setState(endpoint: string, backend: string, name: string, state: ServerAdminState): Promise<void> {
    await this.run(endpoint, `set server ${backend}/${name} state ${state}`);
  }

  /** Points an existing server elsewhere (HAProxy answers what changed, in words). */
  async setAddress(endpoint: string, backend: string, name: string, address: string, port: number): Promise<void> {
    await this.run(endpoint, `set server ${backend}/${name} addr ${address} port ${port}`, (r) => /changed|no need to change/i.test(r) || silent(r));
  }

  /**
   * Removes a server: HAProxy deletes only one in maintenance with no sessions, so maint, cut what is left, delete.
   * Idle keep-alive connections to it close asynchronously: "still has connections" is retried for a few seconds.
   */
  async delServer(endpoint: string, backend: string, name: string, waitMs = 5000): Promise<void> {
    const id = `${backend}/${name}`;
    await this.setState(endpoint, backend, name, 'maint');
    await this.run(endpoint, `shutdown sessions server ${id}`);
    const deadline = Date.now() + waitMs;
    for (;;) {
      const reply = await sendCommand(endpoint, `del server ${id}`, this.options.timeoutMs);
      if (/Server deleted/.test(reply)) return;
      if (!/connection|in use|queue/i.test(reply) || Date.now() > deadline) throw refused(endpoint, `del server ${id}`, reply);
      await delay(100);
    }
  }

  /** The master's view: its reload count, failed reloads since the last good one, and its workers (newest first). */
  async processes(masterEndpoint: string): Promise<HaproxyProcesses> {
    return parseProcesses(await this.run(masterEndpoint, 'show proc', (r) => /master/.test(r)));
  }

  /**
   * Reloads through the master CLI and waits for the outcome (2.6 answers `reload` with nothing): a new worker that
   * loaded the file, or ROUTER_REFUSED when the master could not load it (the old worker keeps serving).
   */
  async reload(masterEndpoint: string, timeoutMs = 10_000): Promise<HaproxyProcesses> {
    const before = await this.processes(masterEndpoint);
    await sendCommand(masterEndpoint, 'reload', this.options.timeoutMs);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // The master re-executes itself: its socket may refuse for a moment.
      const now = await this.processes(masterEndpoint).catch(() => null);
      if (now && now.reloads > before.reloads) {
        if (now.failed > 0) throw refused(masterEndpoint, 'reload', 'the new configuration did not load (see the HAProxy log); the previous one keeps serving');
        const fresh = now.workers.find((w) => w.reloads === 0 && !before.workers.some((b) => b.pid === w.pid));
        if (fresh) return now;
      }
      if (Date.now() > deadline) throw new DomainError(ErrorCode.ROUTER_REFUSED, `HAProxy at ${masterEndpoint} did not start a new worker within ${timeoutMs} ms of the reload`, { endpoint: masterEndpoint });
      await delay(100);
    }
  }
}
