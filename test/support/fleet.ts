import Docker from 'dockerode';
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

/** Reads the fleet description. A missing fleet fails the test run (it is never a reason to skip). */
export function loadFleet(): Fleet {
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
  const file = (key: string) => readFileSync(need(key), 'utf8');
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
