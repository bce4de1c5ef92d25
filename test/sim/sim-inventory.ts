/**
 * The simulated engine's inventory: a seeded generator of containers, images, networks and volumes whose shapes follow
 * Docker Engine 20.10 (API 1.41). Identity (ids, names, labels, states, ports) is deterministic per seed; timestamps are
 * anchored to the moment of generation, because Docker's `Status` text ("Up 5 minutes") is relative to now.
 */

/** mulberry32: small, fast and good enough to make plausible inventories from a seed. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `length` lowercase hex digits (Docker ids are 64). */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += ((this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead';
export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

export interface SimImage {
  id: string; // sha256:<64 hex>
  repo: string;
  /** null for a dangling image (its tag moved to a newer pull): RepoTags ['<none>:<none>']. */
  tag: string | null;
  /** What containers created from it were asked to run: the tag it had. */
  ref: string;
  digest: string;
  createdS: number;
  size: number;
  labels: Record<string, string> | null;
  kind: ImageKind;
}

export interface SimNetwork {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null';
  created: string;
  subnet: string | null;
  gateway: string | null;
  labels: Record<string, string>;
  /** Next host number to hand out (IPs are never reused within a run, which is fine for a simulation). */
  nextHost: number;
}

export interface SimVolume {
  name: string;
  createdAt: string;
  labels: Record<string, string> | null;
  size: number;
}

export interface SimEndpoint {
  network: SimNetwork;
  ip: string;
  mac: string;
  endpointId: string;
}

export interface SimMount {
  type: 'volume' | 'bind';
  source: string;
  destination: string;
  volume?: SimVolume;
  rw: boolean;
}

export interface SimContainer {
  id: string;
  name: string; // without Docker's leading slash
  image: SimImage;
  cmd: string[];
  entrypoint: string[] | null;
  env: string[];
  labels: Record<string, string>;
  createdMs: number;
  state: ContainerState;
  exitCode: number;
  oomKilled: boolean;
  pid: number;
  /** null: never started (Docker shows 0001-01-01T00:00:00Z). */
  startedAtMs: number | null;
  finishedAtMs: number | null;
  /** null: the image has no HEALTHCHECK. */
  health: HealthStatus | null;
  failingStreak: number;
  exposed: number[];
  /** Host port per exposed port, for the published ones (HostConfig.PortBindings; bound only while running). */
  published: Map<number, number>;
  networkMode: string;
  endpoints: SimEndpoint[];
  mounts: SimMount[];
  /** Sub-millisecond digits for Docker's nanosecond timestamps, so ISO strings look like the daemon's. */
  nanos: string;
  /** The list row serialised around its Status (which depends on the clock); cleared on every change. */
  rowParts?: [string, string];
}

export interface ImageKind {
  repo: string;
  /** The compose service name such an image usually runs as. */
  service: string;
  tags: string[];
  entrypoint: string[] | null;
  cmd: string[];
  ports: number[];
  healthcheck: string[] | null;
}

const IMAGE_KINDS: ImageKind[] = [
  imageKind('nginx', 'web', ['1.25', '1.25.3-alpine', 'stable'], ['/docker-entrypoint.sh'], ['nginx', '-g', 'daemon off;'], [80], null),
  imageKind('postgres', 'db', ['16', '15.5', '16-alpine'], ['docker-entrypoint.sh'], ['postgres'], [5432], ['CMD-SHELL', 'pg_isready -U postgres']),
  imageKind('redis', 'cache', ['7.2', '7-alpine'], ['docker-entrypoint.sh'], ['redis-server'], [6379], ['CMD', 'redis-cli', 'ping']),
  imageKind('registry.example.com/shop/api', 'api', ['1.14.2', '1.15.0'], null, ['node', 'dist/main.js'], [3000], ['CMD', 'wget', '-qO-', 'http://localhost:3000/healthz']),
  imageKind('registry.example.com/shop/worker', 'worker', ['1.14.2'], null, ['python', '-m', 'worker'], [], null),
  imageKind('traefik', 'proxy', ['v2.10', 'v3.0'], ['/entrypoint.sh'], ['traefik'], [80, 443], null),
  imageKind('grafana/grafana', 'grafana', ['10.2.2'], ['/run.sh'], [], [3000], null),
  imageKind('prom/prometheus', 'prometheus', ['v2.48.0'], ['/bin/prometheus'], ['--config.file=/etc/prometheus/prometheus.yml'], [9090], null),
  imageKind('rabbitmq', 'queue', ['3.12-management'], ['docker-entrypoint.sh'], ['rabbitmq-server'], [5672, 15672], ['CMD', 'rabbitmq-diagnostics', '-q', 'ping']),
  imageKind('busybox', 'job', ['1.36'], null, ['sh'], [], null),
];
const PROJECTS = ['shop', 'billing', 'auth', 'search', 'metrics', 'ingest', 'cms', 'chat', 'mail', 'reports', 'gateway', 'ledger'];
const ADJECTIVES = ['admiring', 'brave', 'clever', 'eager', 'focused', 'gifted', 'happy', 'jolly', 'keen', 'nifty', 'quirky', 'zen'];
const SURNAMES = ['turing', 'hopper', 'lovelace', 'knuth', 'ritchie', 'thompson', 'liskov', 'dijkstra', 'hamilton', 'shannon'];
const EXIT_CODES = [0, 0, 0, 1, 1, 2, 137, 143, 127, 255];
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const DAY_S = 86_400;

export interface InventorySizes {
  containers: number;
  images: number;
  networks: number;
  volumes: number;
}

export interface NewContainer {
  name?: string;
  /** A RepoTag of a generated image; any other reference becomes a new image. */
  image?: string;
  labels?: Record<string, string>;
}

/** Docker prints times as RFC 3339 with nanoseconds; Date only has milliseconds, so pad with stored digits. */
export function isoNano(ms: number | null, nanos: string): string {
  return ms === null ? '0001-01-01T00:00:00Z' : new Date(ms).toISOString().replace('Z', `${nanos}Z`);
}

export class Inventory {
  readonly images: SimImage[] = [];
  readonly networks: SimNetwork[] = [];
  readonly volumes: SimVolume[] = [];
  /** Newest first: the order `GET /containers/json` answers in. */
  readonly containers: SimContainer[] = [];
  readonly byId = new Map<string, SimContainer>();
  readonly byName = new Map<string, SimContainer>();
  private readonly projects: string[] = [];
  private readonly serviceCounters = new Map<string, number>();
  /** Names handed out during generation, before the containers are indexed by add(). */
  private readonly pendingNames = new Set<string>();
  private nextHostPort = 8000;

  constructor(
    readonly rng: Rng,
    private readonly nowMs: number,
  ) {}

  generate(sizes: InventorySizes): void {
    const daemonStart = isoNano(this.nowMs - 3 * DAY_S * 1000, '123456');
    this.networks.push(this.network('bridge', 'bridge', daemonStart, 0, {}), this.network('host', 'host', daemonStart, -1, {}));
    this.networks.push(this.network('none', 'null', daemonStart, -1, {}));
    for (let i = 0; i < sizes.networks; i++) {
      const project = PROJECTS[i % PROJECTS.length] + (i < PROJECTS.length ? '' : String(Math.floor(i / PROJECTS.length)));
      this.projects.push(project);
      const labels = { 'com.docker.compose.network': 'default', 'com.docker.compose.project': project, 'com.docker.compose.version': '2.21.0' };
      this.networks.push(this.network(`${project}_default`, 'bridge', isoNano(this.nowMs - this.ageS() * 1000, '000000'), i + 1, labels));
    }
    // Containers are made from images: with containers asked for, there is at least one image.
    const imageCount = sizes.containers > 0 ? Math.max(1, sizes.images) : sizes.images;
    for (let i = 0; i < imageCount; i++) this.images.push(this.image(i));
    for (let i = 0; i < sizes.volumes; i++) this.volumes.push(this.volume(i));

    const generated: SimContainer[] = [];
    for (let i = 0; i < sizes.containers; i++) generated.push(this.generatedContainer());
    generated.sort((a, b) => b.createdMs - a.createdMs);
    for (const c of generated) this.add(c, 'end');
  }

  add(container: SimContainer, where: 'start' | 'end'): void {
    if (where === 'start') this.containers.unshift(container);
    else this.containers.push(container);
    this.byId.set(container.id, container);
    this.byName.set(container.name, container);
  }

  remove(container: SimContainer): void {
    this.containers.splice(this.containers.indexOf(container), 1);
    this.byId.delete(container.id);
    this.byName.delete(container.name);
  }

  /** Docker's lookup order: full id, then name (with or without the slash), then a unique id prefix. */
  find(ref: string): SimContainer | 'ambiguous' | undefined {
    const exact = this.byId.get(ref) ?? this.byName.get(ref.replace(/^\//, ''));
    if (exact || !/^[0-9a-f]+$/.test(ref)) return exact;
    let found: SimContainer | undefined;
    for (const c of this.containers) {
      if (!c.id.startsWith(ref)) continue;
      if (found) return 'ambiguous';
      found = c;
    }
    return found;
  }

  /** A container as `docker create` leaves it: state created, never started. */
  newContainer(options: NewContainer, nowMs: number): SimContainer {
    const image = this.images.find((i) => i.tag !== null && i.ref === options.image) ?? this.imageFor(options.image);
    const name = options.name ?? this.uniqueName(`${this.rng.pick(ADJECTIVES)}_${this.rng.pick(SURNAMES)}`);
    const c = this.baseContainer(name, image, { ...options.labels }, nowMs);
    const bridge = this.networks[0];
    c.networkMode = 'default';
    c.endpoints = [this.endpoint(bridge)];
    return c;
  }

  allocateHostPort(): number {
    return this.nextHostPort++;
  }

  private generatedContainer(): SimContainer {
    const rng = this.rng;
    const image = rng.pick(this.images);
    const compose = this.projects.length > 0 && rng.next() < 0.65;
    let c: SimContainer;
    const ageS = this.ageS();
    const createdMs = this.nowMs - ageS * 1000 - rng.int(0, 999);
    if (compose) {
      const project = rng.pick(this.projects);
      const service = image.kind.service;
      const key = `${project}-${service}`;
      const number = (this.serviceCounters.get(key) ?? 0) + 1;
      this.serviceCounters.set(key, number);
      c = this.baseContainer(this.uniqueName(`${key}-${number}`), image, composeLabels(project, service, number, rng), createdMs);
      c.networkMode = `${project}_default`;
      c.endpoints = [this.endpoint(this.networks.find((n) => n.name === c.networkMode)!)];
    } else {
      c = this.baseContainer(this.uniqueName(`${rng.pick(ADJECTIVES)}_${rng.pick(SURNAMES)}`), image, {}, createdMs);
      // `docker run` without --network records "default" and attaches to bridge; a few use the host's stack.
      const host = rng.next() < 0.08;
      c.networkMode = host ? 'host' : 'default';
      c.endpoints = [this.endpoint(this.networks[host ? 1 : 0])];
    }
    if (c.networkMode !== 'host') {
      for (const port of c.exposed) if (rng.next() < 0.5) c.published.set(port, this.allocateHostPort());
    }
    if (this.volumes.length > 0 && rng.next() < 0.45) {
      const volume = rng.pick(this.volumes);
      c.mounts.push({ type: 'volume', source: volumeMountpoint(volume), destination: '/data', volume, rw: true });
    }
    if (rng.next() < 0.15) c.mounts.push({ type: 'bind', source: `/srv/${c.name}/config`, destination: '/etc/app', rw: rng.next() < 0.5 });
    this.assignState(c, ageS);
    return c;
  }

  private assignState(c: SimContainer, ageS: number): void {
    const rng = this.rng;
    const r = rng.next();
    const state: ContainerState = r < 0.7 ? 'running' : r < 0.72 ? 'paused' : r < 0.73 ? 'restarting' : r < 0.93 ? 'exited' : r < 0.97 ? 'created' : 'dead';
    c.state = state;
    if (state === 'created') return;
    const hasHealth = c.image.kind.healthcheck !== null;
    if (state === 'running' || state === 'paused') {
      // Mostly long-running, some restarted seconds ago (those are still in "health: starting").
      const upS = Math.min(ageS - 1, rng.next() < 0.1 ? rng.int(2, 40) : rng.int(60, Math.max(60, ageS)));
      c.startedAtMs = this.nowMs - upS * 1000;
      if (upS < ageS - 10 && rng.next() < 0.5) c.finishedAtMs = c.startedAtMs - rng.int(1, 60) * 1000;
      c.pid = rng.int(1200, 99_999);
      if (hasHealth) c.health = upS < 30 ? 'starting' : rng.next() < 0.85 ? 'healthy' : 'unhealthy';
      if (c.health === 'unhealthy') c.failingStreak = rng.int(3, 50);
      return;
    }
    c.startedAtMs = c.createdMs + rng.int(200, 5000);
    c.finishedAtMs = rng.int(c.startedAtMs, this.nowMs - 1000);
    if (state === 'restarting') {
      // Docker's restart loop: Running and Restarting are both true, no pid, last exit code shown.
      c.exitCode = 1;
      c.finishedAtMs = this.nowMs - rng.int(1, 20) * 1000;
    } else if (state === 'exited') {
      c.exitCode = rng.pick(EXIT_CODES);
      c.oomKilled = c.exitCode === 137 && rng.next() < 0.3;
    } else {
      c.exitCode = 137;
    }
    // Stopping a container stops its health monitor, which moby marks unhealthy "for compatibility reasons".
    if (hasHealth) c.health = 'unhealthy';
  }

  private baseContainer(name: string, image: SimImage, labels: Record<string, string>, createdMs: number): SimContainer {
    const kind = image.kind;
    return {
      id: this.rng.hex(64),
      name,
      image,
      cmd: kind.cmd,
      entrypoint: kind.entrypoint,
      env: [PATH_ENV, `APP_NAME=${name}`],
      labels,
      createdMs,
      state: 'created',
      exitCode: 0,
      oomKilled: false,
      pid: 0,
      startedAtMs: null,
      finishedAtMs: null,
      health: null,
      failingStreak: 0,
      exposed: kind.ports,
      published: new Map(),
      networkMode: 'default',
      endpoints: [],
      mounts: [],
      nanos: String(this.rng.int(0, 999_999)).padStart(6, '0'),
    };
  }

  private image(i: number): SimImage {
    const kind = IMAGE_KINDS[i % IMAGE_KINDS.length];
    const round = Math.floor(i / IMAGE_KINDS.length);
    const tag = kind.tags[round % kind.tags.length] + (round < kind.tags.length ? '' : `-r${round}`);
    const labels = this.rng.next() < 0.4 ? { 'org.opencontainers.image.version': tag, 'org.opencontainers.image.vendor': 'Example' } : null;
    return {
      id: `sha256:${this.rng.hex(64)}`,
      repo: kind.repo,
      // One image in twenty lost its tag to a newer pull: dangling, but containers may still run on it.
      tag: i % 20 === 19 ? null : tag,
      ref: `${kind.repo}:${tag}`,
      digest: `sha256:${this.rng.hex(64)}`,
      createdS: Math.floor(this.nowMs / 1000) - this.rng.int(3 * DAY_S, 400 * DAY_S),
      size: this.rng.int(4_000_000, 900_000_000),
      labels,
      kind,
    };
  }

  private imageFor(ref: string | undefined): SimImage {
    const image = this.image(this.images.length);
    if (ref) {
      // A tag is what follows the last colon, unless that colon belongs to a registry port ("registry:5000/app").
      const colon = ref.lastIndexOf(':');
      const tagged = colon > ref.lastIndexOf('/');
      Object.assign(image, { repo: tagged ? ref.slice(0, colon) : ref, tag: tagged ? ref.slice(colon + 1) : 'latest', ref });
    }
    this.images.push(image);
    return image;
  }

  private volume(i: number): SimVolume {
    const createdAt = new Date(this.nowMs - this.ageS() * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const size = this.rng.int(0, 5_000_000_000);
    // Anonymous volumes (VOLUME in a Dockerfile) are named by a random id and carry no labels.
    if (i % 4 === 3 || this.projects.length === 0) return { name: this.rng.hex(64), createdAt, labels: null, size };
    const project = this.projects[i % this.projects.length];
    const round = Math.floor(i / this.projects.length);
    const purpose = ['data', 'db', 'uploads', 'cache'][round % 4] + (round < 4 ? '' : String(round));
    const labels = { 'com.docker.compose.project': project, 'com.docker.compose.volume': purpose, 'com.docker.compose.version': '2.21.0' };
    return { name: `${project}_${purpose}`, createdAt, labels, size };
  }

  private network(name: string, driver: SimNetwork['driver'], created: string, index: number, labels: Record<string, string>): SimNetwork {
    // bridge is 172.17/16 as on every daemon; user networks get 10.<i>.0.0/16 so thousands of containers fit.
    const prefix = index === 0 ? '172.17' : index > 0 ? `10.${index % 256}` : null;
    return {
      id: this.rng.hex(64),
      name,
      driver,
      created,
      subnet: prefix && `${prefix}.0.0/16`,
      gateway: prefix && `${prefix}.0.1`,
      labels,
      nextHost: 2,
    };
  }

  private endpoint(network: SimNetwork): SimEndpoint {
    if (!network.gateway) return { network, ip: '', mac: '', endpointId: this.rng.hex(64) };
    const host = network.nextHost++;
    const ip = network.gateway.replace(/\d+\.\d+$/, `${(host >> 8) & 255}.${host & 255}`);
    // Docker derives the MAC from the IPv4 address: 02:42 followed by its four octets.
    const mac = ['02', '42', ...ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0'))].join(':');
    return { network, ip, mac, endpointId: this.rng.hex(64) };
  }

  /** Ages spread log-uniformly from a minute to four months, as on a host that has run for a while. */
  private ageS(): number {
    return Math.round(60 * Math.exp(this.rng.next() * Math.log((120 * DAY_S) / 60)));
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let n = 2; this.byName.has(name) || this.pendingNames.has(name); n++) name = `${base}${n}`;
    this.pendingNames.add(name);
    return name;
  }
}

function imageKind(repo: string, service: string, tags: string[], entrypoint: string[] | null, cmd: string[], ports: number[], healthcheck: string[] | null): ImageKind {
  return { repo, service, tags, entrypoint, cmd, ports, healthcheck };
}

export function volumeMountpoint(volume: SimVolume): string {
  return `/var/lib/docker/volumes/${volume.name}/_data`;
}

function composeLabels(project: string, service: string, number: number, rng: Rng): Record<string, string> {
  return {
    'com.docker.compose.config-hash': rng.hex(64),
    'com.docker.compose.container-number': String(number),
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.project': project,
    'com.docker.compose.project.config_files': `/srv/${project}/compose.yaml`,
    'com.docker.compose.project.working_dir': `/srv/${project}`,
    'com.docker.compose.service': service,
    'com.docker.compose.version': '2.21.0',
  };
}
