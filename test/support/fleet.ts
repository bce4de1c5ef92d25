import Docker from 'dockerode';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The real test fleet made by test/fleet/fleet.sh: addresses, the certificate files and registry credentials it generated. */
export interface Fleet {
  socketEndpoint: string;
  tcpEndpoint: string;
  tlsEndpoint: string;
  tls: { ca: string; cert: string; key: string };
  wrong: { ca: string; cert: string; key: string };
  image: string;
  /** An open registry (no auth, delete enabled), e.g. `127.0.0.1:5000`: the same address from the main daemon, h2 and h3. */
  registry: string;
  /** A registry with basic auth (same reach); push and pull need `{ username, password, serveraddress: address }`. */
  authRegistry: { address: string; username: string; password: string };
}

const ENV_FILE = path.join(process.env.FLEET_STATE_DIR ?? '/var/lib/fleet-test', 'fleet.env');

const FLEET_SCRIPT = path.resolve(__dirname, '../fleet/fleet.sh');

/** fleet.env's keys, each read through `need` (a missing one fails, naming it). A missing fleet is never a reason to skip. */
function readFleetEnv(): { need: (key: string) => string; file: (key: string) => string } {
  if (!existsSync(ENV_FILE)) {
    throw new Error(`The Docker test fleet is not up (${ENV_FILE} missing): run \`npm run fleet -- up\` as root, or .ci/run`);
  }
  const env = Object.fromEntries(
    readFileSync(ENV_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()]),
  ) as Record<string, string>;
  const need = (key: string): string => {
    const value = env[key];
    if (!value) throw new Error(`${ENV_FILE} has no ${key} (a fleet brought up by an older fleet.sh?): run \`npm run fleet -- up\` as root`);
    return value;
  };
  return { need, file: (key: string) => readFileSync(need(key), 'utf8') };
}

/** Reads the fleet description. A missing fleet fails the test run (it is never a reason to skip). */
export function loadFleet(): Fleet {
  const { need, file } = readFleetEnv();
  return {
    socketEndpoint: need('FLEET_SOCKET_ENDPOINT'),
    tcpEndpoint: need('FLEET_TCP_ENDPOINT'),
    tlsEndpoint: need('FLEET_TLS_ENDPOINT'),
    tls: { ca: file('FLEET_TLS_CA'), cert: file('FLEET_TLS_CERT'), key: file('FLEET_TLS_KEY') },
    wrong: { ca: file('FLEET_WRONG_CA'), cert: file('FLEET_WRONG_CERT'), key: file('FLEET_WRONG_KEY') },
    image: need('FLEET_IMAGE'),
    registry: need('FLEET_REGISTRY'),
    authRegistry: { address: need('FLEET_AUTH_REGISTRY'), username: need('FLEET_REGISTRY_USER'), password: need('FLEET_REGISTRY_PASSWORD') },
  };
}

/** The distinctive middle of a PEM body: if it shows up in a response or a log, material leaked. */
export function pemFingerprint(pem: string): string {
  const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
  return body[Math.floor(body.length / 2)]!;
}

/** A dockerode client straight to a fleet host, for a test to act on Docker behind the API's back and to compare. */
export function fleetDocker(fleet: Fleet, which: 'socket' | 'tcp' | 'tls'): Docker {
  if (which === 'socket') return new Docker({ socketPath: new URL(fleet.socketEndpoint).pathname });
  const url = new URL(which === 'tcp' ? fleet.tcpEndpoint : fleet.tlsEndpoint);
  if (which === 'tcp') return new Docker({ protocol: 'http', host: url.hostname, port: Number(url.port) });
  return new Docker({ protocol: 'https', host: url.hostname, port: Number(url.port), ca: fleet.tls.ca, cert: fleet.tls.cert, key: fleet.tls.key });
}

/** What `docker ps -a` says, in the shape the inventory compares to: name -> state and exit code. */
export async function dockerPsA(docker: Docker): Promise<Record<string, { state: string; exitCode: number | null }>> {
  const rows = await docker.listContainers({ all: true });
  const inspected = await Promise.all(rows.map((row) => docker.getContainer(row.Id).inspect()));
  return Object.fromEntries(
    inspected.map((c) => {
      const state = c.State.Status.toUpperCase();
      return [c.Name.replace(/^\//, ''), { state, exitCode: ['EXITED', 'DEAD', 'RESTARTING'].includes(state) ? c.State.ExitCode : null }];
    }),
  );
}

export type SwarmNodeName = 's1' | 's2' | 's3' | 's4';

export interface SwarmNode {
  name: SwarmNodeName;
  role: 'manager' | 'worker';
  /** Its address on the fleet's swarm bridge (10.210.10.1x), reachable from the root namespace: host-mode ports are here. */
  address: string;
  /** Its Engine endpoint: s1 `https://10.210.10.11:2376` (mutual TLS, the fleet's client certificate), the others plain `tcp://…:2375`. */
  endpoint: string;
  /** Its setup socket, for a test to act behind the API's back (`unix:///var/run/docker-fleet-sN.sock`). */
  socket: string;
}

/** The fleet's real swarm (test/fleet/fleet.sh): three managers (s1 over mutual TLS) and one worker, each a dockerd in its own netns. */
export interface SwarmFleet {
  managerTlsEndpoint: string;
  managerEndpoints: string[];
  workerEndpoint: string;
  nodes: SwarmNode[];
  tls: { ca: string; cert: string; key: string };
  /** On every node: fleet/busybox, and the web images (busybox httpd on 8080 serving their version; `broken` never gets healthy). */
  image: string;
  web: { v1: string; v2: string; broken: string };
  /** The open registry, at the same address from every node. */
  registry: string;
}

/** Reads the swarm part of the fleet (its keys fail loudly when fleet.env was written by a fleet.sh without the swarm). */
export function loadSwarmFleet(): SwarmFleet {
  const { need, file } = readFleetEnv();
  const list = (key: string) => need(key).split(',');
  const names = list('FLEET_SWARM_NODES') as SwarmNodeName[];
  const addresses = list('FLEET_SWARM_ADDRESSES');
  const sockets = list('FLEET_SWARM_SOCKETS');
  const managerEndpoints = list('FLEET_SWARM_MANAGER_ENDPOINTS');
  const workerEndpoint = need('FLEET_SWARM_WORKER_ENDPOINT');
  const [v1, v2, broken] = list('FLEET_WEB_IMAGES') as [string, string, string];
  return {
    managerTlsEndpoint: need('FLEET_SWARM_MANAGER_TLS_ENDPOINT'),
    managerEndpoints,
    workerEndpoint,
    nodes: names.map((name, i) => {
      const endpoint = managerEndpoints.find((e) => new URL(e).hostname === addresses[i]) ?? workerEndpoint;
      return { name, role: managerEndpoints.includes(endpoint) ? 'manager' : 'worker', address: addresses[i]!, endpoint, socket: sockets[i]! };
    }),
    tls: { ca: file('FLEET_TLS_CA'), cert: file('FLEET_TLS_CERT'), key: file('FLEET_TLS_KEY') },
    image: need('FLEET_IMAGE'),
    web: { v1, v2, broken },
    registry: need('FLEET_REGISTRY'),
  };
}

export function swarmNode(swarm: SwarmFleet, name: SwarmNodeName): SwarmNode {
  const node = swarm.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`the fleet's swarm has no node ${name}`);
  return node;
}

/** A dockerode client to one swarm node: through its setup socket (default), or at its own endpoint (s1 with mutual TLS). */
export function swarmDocker(swarm: SwarmFleet, name: SwarmNodeName, via: 'socket' | 'endpoint' = 'socket'): Docker {
  const node = swarmNode(swarm, name);
  if (via === 'socket') return new Docker({ socketPath: new URL(node.socket).pathname });
  const url = new URL(node.endpoint);
  if (url.protocol === 'tcp:') return new Docker({ protocol: 'http', host: url.hostname, port: Number(url.port) });
  return new Docker({ protocol: 'https', host: url.hostname, port: Number(url.port), ca: swarm.tls.ca, cert: swarm.tls.cert, key: swarm.tls.key });
}

function fleetCommand(args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('bash', [FLEET_SCRIPT, ...args], { timeout: timeoutMs }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`fleet.sh ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve();
    });
  });
}

/**
 * Stops swarm nodes' dockerds for real (by pid file; their data stays): e.g. two managers for a quorum-loss test. Always
 * pair with startSwarmNodes (in afterAll too): a later `fleet.sh up` would restart them, a test run would not.
 */
export function stopSwarmNodes(...names: SwarmNodeName[]): Promise<void> {
  return fleetCommand(['swarm-stop', ...names], 60_000);
}

/** Starts stopped swarm nodes again; resolves once the swarm is whole (4 nodes ready, 3 managers reachable, one leader). */
export function startSwarmNodes(...names: SwarmNodeName[]): Promise<void> {
  return fleetCommand(['swarm-start', ...names], 120_000);
}
