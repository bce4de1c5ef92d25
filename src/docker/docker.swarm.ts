import type Docker from 'dockerode';
import type { Channel } from '../common/channel';
import { DomainError, ErrorCode } from '../common/errors';
import { swarmError } from './docker.errors';
import { networkFromList } from './docker.mapping';
import type { DockerClientPool, Engine } from './docker.pool';
import { dial, enc, list, orNull, short } from './swarm.engine';
import { collectLogLines, followLogLines, openServiceLogs } from './swarm.logs';
import type { HostTarget, NetworkSnapshot, RegistryAuth } from './docker.types';
import { nodeFromEngine, secretFromEngine, serviceFromEngine, swarmFromInspect, swarmInfoFromInfo, taskFromEngine } from './swarm.mapping';
import type {
  EngineSpec,
  SwarmConfigSnapshot,
  SwarmInfo,
  SwarmInitSpec,
  SwarmInspect,
  SwarmJoinSpec,
  SwarmJoinTokens,
  SwarmLogLine,
  SwarmLogsOptions,
  SwarmNodeSnapshot,
  SwarmSecretSnapshot,
  SwarmServiceSnapshot,
  SwarmTaskSnapshot,
} from './swarm.types';

type Spec = EngineSpec;
/** `key` or `key=value` label filters, all of which must match (the Engine's `label` filter); a stack is one. */
type LabelFilter = { labels?: string[] };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A secret or config to create: data, or (secrets) a driver that holds it; templating as the Engine takes it. */
type DataSpec = { name: string; data?: Buffer | null; labels?: Record<string, string> | null; driver?: { Name?: string; Options?: Record<string, string> } | null; templating?: { Name?: string; Options?: Record<string, string> } | null };

/** Attempts of a read-modify-write at the current version before "update out of sequence" is given up on. */
const MAX_VERSION_ATTEMPTS = 8;
/** Log output kept for a non-following read, as for containers: a GraphQL answer is not a log shipper. */
const MAX_LOG_BYTES = 1024 * 1024;

/**
 * The swarm side of the Engine API, on one manager (or, for init/join/leave/info, on any daemon), through the pooled
 * client. Plain snapshots out, DomainErrors out (NOT_SWARM_MANAGER, QUORUM_LOST, CONFLICT...). Every read-modify-write
 * (service, node, swarm, secret labels) reads the Engine's CURRENT spec, applies the caller's change to it and writes
 * at its Version.Index, again from a fresh read when a concurrent writer got there first ("update out of sequence").
 * Calls go through swarm.engine's `dial` (explicit query and body; see there for dockerode's quirks).
 */
/**
 * Joining, leaving and initialising answer only once the node's swarm component has started or stopped: on the client
 * without docker-modem's socket timeout (the pool's `streaming`), under the call's deadline plus this.
 */
const SWARM_MEMBERSHIP_MS = 30_000;

export class DockerSwarm {
  constructor(private readonly pool: DockerClientPool) {}

  // ---- read side ----

  /** Any daemon: its swarm membership (inactive when it is in none). */
  swarmInfo(target: HostTarget): Promise<SwarmInfo> {
    return this.op(target, 'reading swarm info', async ({ docker }) => swarmInfoFromInfo(await docker.info()));
  }

  /** The swarm's inspect on a manager, join tokens dropped. */
  inspectSwarm(target: HostTarget): Promise<SwarmInspect> {
    return this.op(target, 'inspecting the swarm', async ({ docker }) => swarmFromInspect(await dial(docker, { method: 'GET', path: '/swarm' })));
  }

  listNodes(target: HostTarget): Promise<SwarmNodeSnapshot[]> {
    return this.op(target, 'listing swarm nodes', async ({ docker }) => list(await dial(docker, { method: 'GET', path: '/nodes' })).map(nodeFromEngine));
  }

  /** Null when the node is not (or no longer) in the swarm. */
  inspectNode(target: HostTarget, id: string): Promise<SwarmNodeSnapshot | null> {
    return orNull(this.op(target, `inspecting node ${short(id)}`, async ({ docker }) => nodeFromEngine(await dial(docker, { method: 'GET', path: `/nodes/${enc(id)}` }))));
  }

  /** With running/desired task counts (`status=true`, API 1.41). */
  listServices(target: HostTarget, filter: LabelFilter = {}): Promise<SwarmServiceSnapshot[]> {
    const query = { status: true, filters: labelFilters(filter) };
    return this.op(target, 'listing services', async ({ docker }) => list(await dial(docker, { method: 'GET', path: '/services', query })).map(serviceFromEngine));
  }

  /** Null when there is no such service. */
  inspectService(target: HostTarget, id: string): Promise<SwarmServiceSnapshot | null> {
    return orNull(this.op(target, `inspecting service ${short(id)}`, async ({ docker }) => serviceFromEngine(await dial(docker, { method: 'GET', path: `/services/${enc(id)}` }))));
  }

  /**
   * Tasks of a service, of a node, or all; `upToDate` from a second list with swarmkit's `_up-to-date=true` filter
   * (tasks whose spec and version match their service's current one), as docker/cli's progress.go judges convergence.
   * The two lists are not one snapshot: a service updated between them reads its tasks as not up to date, which is
   * what the next poll would say anyway.
   */
  listTasks(target: HostTarget, filter: { serviceId?: string | null; nodeId?: string | null } = {}): Promise<SwarmTaskSnapshot[]> {
    const filters: Record<string, string[]> = {};
    if (filter.serviceId) filters.service = [filter.serviceId];
    if (filter.nodeId) filters.node = [filter.nodeId];
    return this.op(target, 'listing tasks', async ({ docker }) => {
      const [all, current] = await Promise.all([
        dial(docker, { method: 'GET', path: '/tasks', query: { filters } }),
        dial(docker, { method: 'GET', path: '/tasks', query: { filters: { ...filters, '_up-to-date': ['true'] } } }),
      ]);
      const upToDate = new Set(list(current).map((t) => String((t as Json)?.ID)));
      return list(all).map((t) => taskFromEngine(t, upToDate.has(String((t as Json)?.ID))));
    });
  }

  listSecrets(target: HostTarget, filter: LabelFilter = {}): Promise<SwarmSecretSnapshot[]> {
    return this.op(target, 'listing secrets', async ({ docker }) => list(await dial(docker, { method: 'GET', path: '/secrets', query: { filters: labelFilters(filter) } })).map(secretFromEngine));
  }

  /** Null when there is no such secret (by id or name). */
  inspectSecret(target: HostTarget, id: string): Promise<SwarmSecretSnapshot | null> {
    return orNull(this.op(target, `inspecting secret ${short(id)}`, async ({ docker }) => secretFromEngine(await dial(docker, { method: 'GET', path: `/secrets/${enc(id)}` }))));
  }

  listConfigs(target: HostTarget, filter: LabelFilter = {}): Promise<SwarmConfigSnapshot[]> {
    return this.op(target, 'listing configs', async ({ docker }) => list(await dial(docker, { method: 'GET', path: '/configs', query: { filters: labelFilters(filter) } })).map(secretFromEngine));
  }

  /** Null when there is no such config (by id or name). */
  inspectConfig(target: HostTarget, id: string): Promise<SwarmConfigSnapshot | null> {
    return orNull(this.op(target, `inspecting config ${short(id)}`, async ({ docker }) => secretFromEngine(await dial(docker, { method: 'GET', path: `/configs/${enc(id)}` }))));
  }

  /** Networks at swarm scope (overlays, ingress), in the host inventory's network shape. */
  listSwarmNetworks(target: HostTarget, filter: LabelFilter = {}): Promise<NetworkSnapshot[]> {
    return this.op(target, 'listing swarm networks', async ({ docker }) =>
      list(await dial(docker, { method: 'GET', path: '/networks', query: { filters: { ...labelFilters(filter), scope: ['swarm'] } } }))
        .map((n) => networkFromList(n as Json))
        .filter((n) => n.scope === 'swarm'),
    );
  }

  /** A service's log lines so far (all its tasks, each line with its task and node), capped at 1 MiB. */
  async serviceLogs(target: HostTarget, id: string, options: SwarmLogsOptions = {}): Promise<{ lines: SwarmLogLine[]; truncated: boolean }> {
    const doing = `reading logs of service ${short(id)}`;
    const opened = await this.op(target, doing, (engine) => openServiceLogs(engine, id, options, false));
    return collectLogLines(opened, MAX_LOG_BYTES, doing);
  }

  /** New log lines of a service's tasks as they are written, until the consumer stops or the service goes. */
  async followServiceLogs(target: HostTarget, id: string, options: Omit<SwarmLogsOptions, 'tail'> = {}): Promise<Channel<SwarmLogLine>> {
    const doing = `following logs of service ${short(id)}`;
    const opened = await this.op(target, doing, (engine) => openServiceLogs(engine, id, { since: options.since ?? new Date(), timestamps: options.timestamps, tail: null }, true));
    return followLogLines(opened);
  }

  /** A network by name or id (any scope), or null: a stack's external networks must exist at scope swarm. */
  inspectNetwork(target: HostTarget, idOrName: string): Promise<NetworkSnapshot | null> {
    return orNull(this.op(target, `inspecting network ${short(idOrName)}`, async ({ docker }) => networkFromList((await dial(docker, { method: 'GET', path: `/networks/${enc(idOrName)}` })) as Json)));
  }

  /**
   * What the image's registry says it is now (`GET /distribution/{name}/json`, asked of the manager, which contacts
   * the registry): its digest and platforms. docker/cli's QueryRegistry pins a service's image with this.
   */
  distributionInspect(target: HostTarget, image: string, options: { registryAuth?: RegistryAuth | null } = {}): Promise<{ digest: string; platforms: Array<{ os: string; architecture: string }> }> {
    return this.op(target, `resolving image ${image}`, async ({ docker }) => {
      const answer = ((await dial(docker, { method: 'GET', path: `/distribution/${image.split('/').map(enc).join('/')}/json`, auth: options.registryAuth })) ?? {}) as Json;
      const platforms = list(answer.Platforms).map((p) => ({ os: String((p as Json)?.os ?? ''), architecture: String((p as Json)?.architecture ?? '') }));
      return { digest: String(answer.Descriptor?.digest ?? ''), platforms };
    });
  }

  // ---- write side ----

  /** Makes this daemon the first manager of a new swarm; answers its node id. */
  initSwarm(target: HostTarget, spec: SwarmInitSpec): Promise<string> {
    const body = {
      AdvertiseAddr: spec.advertiseAddr,
      ListenAddr: spec.listenAddr ?? '0.0.0.0:2377',
      ForceNewCluster: Boolean(spec.forceNewCluster),
      Spec: spec.spec ?? {},
      ...(spec.defaultAddrPool?.length ? { DefaultAddrPool: spec.defaultAddrPool } : {}),
      ...(spec.dataPathPort ? { DataPathPort: spec.dataPathPort } : {}),
    };
    // The Engine answers the node id as a JSON string.
    return this.op(target, 'initialising a swarm', async ({ streaming }) => String(await dial(streaming, { method: 'POST', path: '/swarm/init', body })), undefined, { extraMs: SWARM_MEMBERSHIP_MS });
  }

  /**
   * The swarm's join tokens. INTERNAL USE ONLY: for joinSwarm on another daemon. Never log them, store them, put them
   * in an error or return them through the API; they let anyone add a node (a manager token: take the swarm over).
   */
  joinTokens(target: HostTarget): Promise<SwarmJoinTokens> {
    return this.op(target, 'reading join tokens', async ({ docker }) => {
      const tokens = ((await dial(docker, { method: 'GET', path: '/swarm' })) as Json)?.JoinTokens ?? {};
      return { worker: String(tokens.Worker ?? ''), manager: String(tokens.Manager ?? '') };
    });
  }

  /** Joins this daemon to a swarm (as worker or manager, by the token). The token is kept out of any error. */
  joinSwarm(target: HostTarget, spec: SwarmJoinSpec): Promise<void> {
    const body = { RemoteAddrs: spec.remoteAddrs, JoinToken: spec.joinToken, AdvertiseAddr: spec.advertiseAddr, ListenAddr: spec.listenAddr ?? '0.0.0.0:2377' };
    return this.op(target, `joining the swarm at ${spec.remoteAddrs.join(', ')}`, async ({ streaming }) => void (await dial(streaming, { method: 'POST', path: '/swarm/join', body })), [spec.joinToken], { extraMs: SWARM_MEMBERSHIP_MS });
  }

  /** Leaves the swarm; a manager needs `force` (and then takes its raft membership with it: quorum is the caller's rule). */
  leaveSwarm(target: HostTarget, force: boolean): Promise<void> {
    // The Engine answers once the node has left: it stops its tasks and its swarm component first (seconds).
    return this.op(target, 'leaving the swarm', async ({ streaming }) => void (await dial(streaming, { method: 'POST', path: '/swarm/leave', query: { force } })), undefined, { extraMs: SWARM_MEMBERSHIP_MS });
  }

  /** Changes the swarm's spec from its current one (and rotates join tokens if asked). */
  updateSwarm(target: HostTarget, mutate: (spec: Spec) => Spec, options: { rotateWorkerToken?: boolean; rotateManagerToken?: boolean } = {}): Promise<void> {
    return this.atCurrentVersion(target, 'updating the swarm', {
      read: async (docker) => (await dial(docker, { method: 'GET', path: '/swarm' })) as Json,
      write: async (docker, version, spec) =>
        void (await dial(docker, {
          method: 'POST',
          path: '/swarm/update',
          query: { version, rotateWorkerToken: Boolean(options.rotateWorkerToken), rotateManagerToken: Boolean(options.rotateManagerToken) },
          body: spec,
        })),
      mutate,
    });
  }

  /** Creates a service from an Engine ServiceSpec; answers its id and the Engine's warnings (e.g. an unpinned image). */
  createService(target: HostTarget, spec: Spec, options: { registryAuth?: RegistryAuth | null } = {}): Promise<{ id: string; warnings: string[] }> {
    return this.op(target, `creating service ${String(spec.Name ?? '')}`.trim(), async ({ docker }) => {
      const answer = ((await dial(docker, { method: 'POST', path: '/services/create', body: spec, auth: options.registryAuth })) ?? {}) as Json;
      return { id: String(answer.ID ?? answer.Id ?? ''), warnings: list(answer.Warnings).map(String) };
    });
  }

  /**
   * Updates a service: `mutate` gets the CURRENT spec (a copy of the Engine's, not a snapshot's) and returns the new
   * one, written at the current Version.Index; on "update out of sequence" (a concurrent writer, or swarm moving the
   * version on its own) it is read and applied again. `rollback: 'previous'` is `docker service rollback` (swarmkit
   * swaps Spec and PreviousSpec; the body is the current spec). `forceUpdate` bumps TaskTemplate.ForceUpdate, which
   * replaces every task even with the spec otherwise unchanged. Answers the Engine's warnings.
   */
  updateService(
    target: HostTarget,
    id: string,
    mutate: (spec: Spec) => Spec,
    options: { rollback?: 'previous'; registryAuth?: RegistryAuth | null; forceUpdate?: boolean } = {},
  ): Promise<{ warnings: string[] }> {
    return this.atCurrentVersion(target, options.rollback ? `rolling back service ${short(id)}` : `updating service ${short(id)}`, {
      read: async (docker) => (await dial(docker, { method: 'GET', path: `/services/${enc(id)}` })) as Json,
      mutate: (spec) => {
        const next = options.rollback ? spec : mutate(spec);
        if (options.forceUpdate) {
          const template = (next.TaskTemplate ??= {}) as Json;
          template.ForceUpdate = (Number(template.ForceUpdate) || 0) + 1;
        }
        return next;
      },
      write: async (docker, version, spec) => {
        const query: Record<string, unknown> = { version };
        if (options.rollback) query.rollback = options.rollback;
        // Without new credentials, the ones the service was created with stay in use.
        if (!options.registryAuth) query.registryAuthFrom = options.rollback ? 'previous-spec' : 'spec';
        const answer = ((await dial(docker, { method: 'POST', path: `/services/${enc(id)}/update`, query, body: spec, auth: options.registryAuth })) ?? {}) as Json;
        return { warnings: list(answer.Warnings).map(String) };
      },
    });
  }

  removeService(target: HostTarget, id: string): Promise<void> {
    return this.op(target, `removing service ${short(id)}`, async ({ docker }) => void (await dial(docker, { method: 'DELETE', path: `/services/${enc(id)}` })));
  }

  /** Changes a node's spec (availability, role, labels) from its current one, at its current version. */
  updateNode(target: HostTarget, id: string, mutate: (spec: Spec) => Spec): Promise<void> {
    return this.atCurrentVersion(target, `updating node ${short(id)}`, {
      read: async (docker) => (await dial(docker, { method: 'GET', path: `/nodes/${enc(id)}` })) as Json,
      write: async (docker, version, spec) => void (await dial(docker, { method: 'POST', path: `/nodes/${enc(id)}/update`, query: { version }, body: spec })),
      mutate,
    });
  }

  /** Removes a node from the swarm; a node still up (or a manager) needs `force`. Quorum is the caller's rule. */
  removeNode(target: HostTarget, id: string, force: boolean): Promise<void> {
    return this.op(target, `removing node ${short(id)}`, async ({ docker }) => void (await dial(docker, { method: 'DELETE', path: `/nodes/${enc(id)}`, query: { force } })));
  }

  /**
   * Creates a swarm-scope network (a stack's: overlay unless the spec names another driver). The manager gives it
   * scope swarm; CheckDuplicate as docker/cli's client sends it to daemons older than API 1.44.
   */
  createNetwork(target: HostTarget, spec: { Name: string; Driver: string; Labels?: Record<string, string>; Options?: Record<string, string>; Internal?: boolean; Attachable?: boolean; IPAM?: unknown }): Promise<string> {
    return this.op(target, `creating network ${spec.Name}`, async ({ docker }) => String(((await dial(docker, { method: 'POST', path: '/networks/create', body: { CheckDuplicate: true, ...spec } })) as Json)?.Id ?? ''));
  }

  removeNetwork(target: HostTarget, id: string): Promise<void> {
    return this.op(target, `removing network ${short(id)}`, async ({ docker }) => void (await dial(docker, { method: 'DELETE', path: `/networks/${enc(id)}` })));
  }

  /**
   * docker stack deploy's update of an existing secret or config: the whole new spec (labels AND data) at the
   * current version. Docker compares the data and refuses a change ("only updates to Labels are allowed"): that
   * refusal is how a changed secret is found, since a secret's data is never read back.
   */
  replaceDataSpec(target: HostTarget, kind: 'secrets' | 'configs', id: string, spec: { labels: Record<string, string>; data?: Buffer | null }): Promise<void> {
    return this.atCurrentVersion(target, `updating ${kind.slice(0, -1)} ${short(id)}`, {
      read: async (docker) => (await dial(docker, { method: 'GET', path: `/${kind}/${enc(id)}` })) as Json,
      write: async (docker, version, next) => void (await dial(docker, { method: 'POST', path: `/${kind}/${enc(id)}/update`, query: { version }, body: next })),
      mutate: (current) => ({ ...current, Labels: spec.labels, ...(spec.data ? { Data: spec.data.toString('base64') } : {}) }),
    });
  }

  /** The data goes to the Engine base64-encoded and is never read back (the Engine does not return it). */
  createSecret(target: HostTarget, spec: DataSpec): Promise<string> {
    return this.createData(target, 'secrets', spec);
  }

  /** Secret data cannot change in Docker ("only updates to Labels are allowed"): rotation is a new secret. */
  updateSecretLabels(target: HostTarget, id: string, labels: Record<string, string>): Promise<void> {
    return this.updateDataLabels(target, 'secrets', id, labels);
  }

  removeSecret(target: HostTarget, id: string): Promise<void> {
    return this.removeData(target, 'secrets', id);
  }

  createConfig(target: HostTarget, spec: DataSpec): Promise<string> {
    return this.createData(target, 'configs', spec);
  }

  updateConfigLabels(target: HostTarget, id: string, labels: Record<string, string>): Promise<void> {
    return this.updateDataLabels(target, 'configs', id, labels);
  }

  removeConfig(target: HostTarget, id: string): Promise<void> {
    return this.removeData(target, 'configs', id);
  }

  private createData(target: HostTarget, kind: 'secrets' | 'configs', spec: DataSpec): Promise<string> {
    const body = {
      Name: spec.name,
      Labels: spec.labels ?? {},
      ...(spec.data ? { Data: spec.data.toString('base64') } : {}),
      ...(spec.driver ? { Driver: spec.driver } : {}),
      ...(spec.templating ? { Templating: spec.templating } : {}),
    };
    return this.op(target, `creating ${kind.slice(0, -1)} ${spec.name}`, async ({ docker }) => String(((await dial(docker, { method: 'POST', path: `/${kind}/create`, body })) as Json)?.ID ?? ''));
  }

  /**
   * The update must carry the spec as it is, data included for a config (moby compares it and refuses a change) —
   * read from the Engine and sent straight back, never kept. A secret's inspect has no data, and its update needs none.
   */
  private updateDataLabels(target: HostTarget, kind: 'secrets' | 'configs', id: string, labels: Record<string, string>): Promise<void> {
    return this.atCurrentVersion(target, `updating labels of ${kind.slice(0, -1)} ${short(id)}`, {
      read: async (docker) => (await dial(docker, { method: 'GET', path: `/${kind}/${enc(id)}` })) as Json,
      write: async (docker, version, spec) => void (await dial(docker, { method: 'POST', path: `/${kind}/${enc(id)}/update`, query: { version }, body: spec })),
      mutate: (spec) => ({ ...spec, Labels: labels }),
    });
  }

  private removeData(target: HostTarget, kind: 'secrets' | 'configs', id: string): Promise<void> {
    return this.op(target, `removing ${kind.slice(0, -1)} ${short(id)}`, async ({ docker }) => void (await dial(docker, { method: 'DELETE', path: `/${kind}/${enc(id)}` })));
  }

  /**
   * Read-modify-write at the object's current Version.Index. Each attempt is a fresh read, so a concurrent writer's
   * change is kept and ours applied on top of it; only "update out of sequence" is retried (bounded, with a short
   * jittered pause so two writers do not collide again in lockstep).
   */
  private async atCurrentVersion<R>(
    target: HostTarget,
    doing: string,
    steps: { read: (docker: Docker) => Promise<Json>; mutate: (spec: Spec) => Spec; write: (docker: Docker, version: number, spec: Spec) => Promise<R> },
  ): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.op(target, doing, ({ docker }) => steps.read(docker));
      const version = Number(current?.Version?.Index);
      if (!Number.isFinite(version)) throw new DomainError(ErrorCode.DOCKER_API_ERROR, `${doing}: the Engine's inspect has no Version.Index`);
      const spec = steps.mutate(structuredClone((current.Spec ?? {}) as Spec));
      try {
        return await this.op(target, doing, ({ docker }) => steps.write(docker, version, spec));
      } catch (error) {
        const outOfSequence = error instanceof DomainError && error.details.outOfSequence === true;
        if (!outOfSequence || attempt >= MAX_VERSION_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80 * attempt));
      }
    }
  }

  private async op<T>(target: HostTarget, doing: string, fn: (engine: Engine) => Promise<T>, secrets?: string[], options: { extraMs?: number } = {}): Promise<T> {
    try {
      return await this.pool.run(target, fn, options);
    } catch (error) {
      throw swarmError(error, doing, secrets);
    }
  }
}

function labelFilters(filter: LabelFilter): Record<string, string[]> {
  return filter.labels?.length ? { label: filter.labels } : {};
}
