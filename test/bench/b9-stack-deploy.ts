/**
 * B9: a stack deployed through the API until converged, against `docker stack deploy --detach=false` of the same
 * compose file on the same swarm (the fleet's, through s1), alternating which goes first. Ours is timed from the
 * deployStack call until swarmStack answers CONVERGED (every service's running tasks of its current spec equal its
 * replicas), polled every 100 ms with the live sync on; the CLI from its start until it exits (it waits for the same
 * convergence, then holds it for the services' update monitor: set to 1 s in the file, on both sides). Each stack is
 * removed (and its network gone from every node), untimed, before the next side runs.
 */
import '../support/setup-env';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DeployStackDocument, DockerHostEnvironment, RegisterSwarmClusterDocument, SwarmStackDocument } from '../generated/graphql';
import { loadSwarmFleet, swarmDocker, swarmNode } from '../support/fleet';
import { TestServer } from '../support/harness';
import { waitFor } from '../support/wait';
import { alternate, Cleanup, ms, progress, rounded, summarize, type BenchOutcome, type Benchmark } from './bench.support';

const run = promisify(execFile);
const ROUNDS = 3;
/** What the API may add over the CLI for the same deploy: it converges no slower than the docker CLI's own wait. */
const TARGET_RATIO = 1.0;

const compose = (image: string, web: string) => `
services:
  web:
    image: ${web}
    deploy:
      replicas: 2
      update_config: { monitor: 1s }
      endpoint_mode: dnsrr
    networks: [front]
  worker:
    image: ${image}
    command: ["sleep", "3600"]
    stop_grace_period: 1s
    deploy:
      replicas: 2
      update_config: { monitor: 1s }
      endpoint_mode: dnsrr
    networks: [front]
networks:
  front: {}
`;

export const b9: Benchmark = {
  id: 'B9',
  title: 'stack deploy until converged: deployStack vs docker stack deploy --detach=false (real fleet swarm)',
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    const tag = randomUUID().slice(0, 6);
    try {
      const swarm = loadSwarmFleet();
      const s1 = swarmDocker(swarm, 's1');
      const socket = swarmNode(swarm, 's1').socket;
      const dir = mkdtempSync(path.join(tmpdir(), 'b9-'));
      cleanup.add('remove the compose file', async () => rmSync(dir, { recursive: true, force: true }));
      const file = path.join(dir, 'stack.yml');
      const text = compose(swarm.image, swarm.web.v1);
      writeFileSync(file, text);
      const docker = (...args: string[]) => run('docker', ['-H', socket, ...args], { env: { ...process.env, DOCKER_CLI_HINTS: 'false' }, timeout: 120_000 });

      const server = await TestServer.start({ SYNC_WORKER_ENABLED: 'true' }, { isolatedDatabase: true, logLevel: 'warn' });
      cleanup.add('close the server and drop its database', () => server.close());
      const token = await server.token();
      const { registerSwarmCluster: cluster } = await server.ok(RegisterSwarmClusterDocument, { input: { name: `b9-${tag}`, environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } }, token);
      if (cluster.status !== 'CONNECTED') throw new Error(`B9: the fleet swarm registered as ${cluster.status}: ${cluster.lastError}`);

      const names: string[] = [];
      cleanup.add('remove the stacks this run made', async () => {
        for (const name of names) await docker('stack', 'rm', name).catch(() => undefined);
      });
      /** Gone from the swarm, services and network alike (a network lingers on nodes until its tasks are gone). */
      const gone = (name: string) =>
        waitFor(async () => (await s1.listServices({ filters: { label: [`com.docker.stack.namespace=${name}`] } })).length === 0 && (await s1.listNetworks({ filters: { label: [`com.docker.stack.namespace=${name}`] } })).length === 0, { what: `stack ${name} gone`, timeoutMs: 60_000 });
      let round = 0;
      const next = () => {
        const name = `b9${tag}${round++}`;
        names.push(name);
        return name;
      };
      const polls: number[] = [];
      let last: string | undefined;
      /** Untimed, before each side: the stack the previous side made is removed and gone from every node. */
      const clear = async () => {
        if (!last) return;
        await docker('stack', 'rm', last);
        await gone(last);
        last = undefined;
      };
      const samples = await alternate({
        warmup: 1,
        rounds: ROUNDS,
        before: clear,
        ours: async () => {
          const name = (last = next());
          const deployed = await server.request(DeployStackDocument, { clusterId: cluster.id, input: { name, compose: text } }, token);
          if (deployed.errors?.length) throw new Error(`B9: deployStack failed: ${JSON.stringify(deployed.errors)}`);
          let n = 0;
          await waitFor(async () => {
            n++;
            return (await server.ok(SwarmStackDocument, { clusterId: cluster.id, name }, token)).swarmStack.status === 'CONVERGED';
          }, { what: `stack ${name} converged`, timeoutMs: 120_000 });
          polls.push(n);
        },
        baseline: async () => {
          await docker('stack', 'deploy', '--detach=false', '-c', file, (last = next()));
        },
      });
      await clear();
      const ours = summarize(samples.ours);
      const cli = summarize(samples.baseline);
      const ratio = ours.p50 / cli.p50;
      progress(`B9: ours ${ms(ours.p50)} vs CLI ${ms(cli.p50)} (p50)`);
      return {
        rows: [
          { id: 'B9', what: 'stack deploy until converged, p50', ours: ms(ours.p50), baseline: `${ms(cli.p50)} (docker stack deploy --detach=false)`, ratio, target: `≤ ${TARGET_RATIO.toFixed(2)}x`, met: ratio <= TARGET_RATIO },
        ],
        details: {
          method: 'one warm-up pair, then rounds alternating which side goes first; each side deploys a fresh stack (web fleet/web:v1 ×2 + worker fleet/busybox ×2 on an overlay network, update monitor 1 s), timed until converged (ours: swarmStack CONVERGED, polled; CLI: until it exits); the previous stack is removed and gone, untimed, before each side',
          compose: text,
          ours: rounded(ours),
          cli: rounded(cli),
          oursPollsToConverged: polls,
          note: 'the CLI holds convergence for each service\'s update monitor (1 s here) before it exits; ours answers CONVERGED as soon as the running tasks of the current spec equal the replicas',
          stoppedByBudget: samples.stoppedByBudget,
        },
      };
    } finally {
      await cleanup.run();
    }
  },
};
