/**
 * B10: a rolling update through the deployments ledger, until the deployment is SUCCEEDED, against
 * `docker stack deploy --detach=false` of the same compose file on the same swarm (the fleet's, through s1), and the
 * latency of a deployment step reaching a deploymentProgress subscriber. Each side owns a stack that is put back on v1
 * (untimed) before every sample; the sample is the update to v2 (web ×2, parallelism 1, start-first, monitor 1 s).
 * Ours is timed from the deployStack call until its subscriber receives the final SUCCEEDED step; the CLI from its
 * start until it exits. Rounds alternate which side goes first.
 *
 * Step latency: the time a step reaches the subscriber minus the step's own `at` (stamped when the step is written,
 * before its transaction commits: so it covers the commit, the publish and the WebSocket). Only steps recorded after
 * the subscription had replayed what was stored count (seq above the stepCount read once the first message arrived).
 */
import '../support/setup-env';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { print } from 'graphql';
import { DeployStackDocument, DeploymentDocument, DeploymentProgressDocument, DockerHostEnvironment, RegisterSwarmClusterDocument, type DeploymentProgressSubscription } from '../generated/graphql';
import { loadSwarmFleet, swarmNode } from '../support/fleet';
import { TestServer } from '../support/harness';
import { alternate, Cleanup, ms, progress, rounded, summarize, type BenchOutcome, type Benchmark } from './bench.support';

const run = promisify(execFile);
const ROUNDS = 3;
/** The ledger, the lease and the fenced writes may not make a rollout slower than the docker CLI's own wait. */
const TARGET_RATIO = 1.0;
const TARGET_STEP_P50_MS = 50;
const TARGET_STEP_P95_MS = 200;

const compose = (web: string, busybox: string) => `
services:
  web:
    image: ${web}
    stop_grace_period: 1s
    deploy:
      replicas: 2
      update_config: { parallelism: 1, delay: 0s, order: start-first, monitor: 1s }
      endpoint_mode: dnsrr
    networks: [front]
  worker:
    image: ${busybox}
    command: ["sleep", "3600"]
    stop_grace_period: 1s
    deploy:
      replicas: 1
      update_config: { monitor: 1s }
      endpoint_mode: dnsrr
    networks: [front]
networks:
  front: {}
`;

export const b10: Benchmark = {
  id: 'B10',
  title: 'rolling update until SUCCEEDED: deployStack vs docker stack deploy --detach=false; step -> deploymentProgress subscriber (real fleet swarm)',
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    const tag = randomUUID().slice(0, 6);
    try {
      const swarm = loadSwarmFleet();
      const socket = swarmNode(swarm, 's1').socket;
      const dir = mkdtempSync(path.join(tmpdir(), 'b10-'));
      cleanup.add('remove the compose files', async () => rmSync(dir, { recursive: true, force: true }));
      const texts = { v1: compose(swarm.web.v1, swarm.image), v2: compose(swarm.web.v2, swarm.image) };
      const files = { v1: path.join(dir, 'v1.yml'), v2: path.join(dir, 'v2.yml') };
      writeFileSync(files.v1, texts.v1);
      writeFileSync(files.v2, texts.v2);
      const docker = (...args: string[]) => run('docker', ['-H', socket, ...args], { env: { ...process.env, DOCKER_CLI_HINTS: 'false' }, timeout: 120_000 });

      const server = await TestServer.start({ SYNC_WORKER_ENABLED: 'true' }, { isolatedDatabase: true, logLevel: 'warn' });
      cleanup.add('close the server and drop its database', () => server.close());
      const token = await server.token();
      const { registerSwarmCluster: cluster } = await server.ok(RegisterSwarmClusterDocument, { input: { name: `b10-${tag}`, environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } }, token);
      if (cluster.status !== 'CONNECTED') throw new Error(`B10: the fleet swarm registered as ${cluster.status}: ${cluster.lastError}`);
      const client = server.wsClient({ authorization: `Bearer ${token}` });
      cleanup.add('close the subscriber', () => client.dispose());

      const names = { ours: `b10${tag}o`, baseline: `b10${tag}c` };
      cleanup.add('remove the stacks this run made', async () => {
        for (const name of Object.values(names)) await docker('stack', 'rm', name).catch(() => undefined);
      });

      /** Per measured rollout (the warm-up's first, dropped at the end): each live step's latency. */
      const perRollout: number[][] = [];
      /** deployStack, then its progress until the final status: resolves with that status. */
      const deploy = async (version: 'v1' | 'v2', measure: boolean): Promise<string> => {
        const deployed = await server.request(DeployStackDocument, { clusterId: cluster.id, input: { name: names.ours, compose: texts[version] } }, token);
        if (deployed.errors?.length) throw new Error(`B10: deployStack failed: ${JSON.stringify(deployed.errors)}`);
        const id = deployed.data!.deployStack.deployment.id;
        const received: Array<{ seq: number; at: number; receivedAt: number }> = [];
        let replayedUpTo: Promise<number> | undefined;
        const iterator = client.iterate({ query: print(DeploymentProgressDocument), variables: { id } }) as AsyncIterableIterator<{ data?: DeploymentProgressSubscription; errors?: unknown[] }>;
        let final = 'none';
        for await (const message of iterator) {
          const receivedAt = Date.now();
          if (message.errors?.length) throw new Error(`B10: deploymentProgress failed: ${JSON.stringify(message.errors)}`);
          const step = message.data!.deploymentProgress;
          received.push({ seq: step.seq, at: new Date(step.at).getTime(), receivedAt });
          // Everything stored when the server replayed is at or below this count: what comes above it came live.
          replayedUpTo ??= server.ok(DeploymentDocument, { id }, token).then((r) => r.deployment.stepCount);
          if (step.kind === 'STATUS' && ['SUCCEEDED', 'FAILED', 'ROLLED_BACK', 'CANCELLED'].includes(step.status)) {
            final = step.status;
            break;
          }
        }
        if (measure) {
          const floor = await replayedUpTo!;
          perRollout.push(received.filter((r) => r.seq > floor).map((r) => r.receivedAt - r.at));
        }
        return final;
      };
      const expectSucceeded = (status: string) => {
        if (status !== 'SUCCEEDED') throw new Error(`B10: the rollout ended ${status}`);
      };

      const samples = await alternate({
        warmup: 1,
        rounds: ROUNDS,
        // Untimed: the side's stack back on v1 and converged (a revision of ours; the CLI waits for it as well).
        before: async (which) => {
          if (which === 'ours') expectSucceeded(await deploy('v1', false));
          else await docker('stack', 'deploy', '--detach=false', '-c', files.v1, names.baseline);
        },
        ours: async () => expectSucceeded(await deploy('v2', true)),
        baseline: async () => {
          await docker('stack', 'deploy', '--detach=false', '-c', files.v2, names.baseline);
        },
      });
      const ours = summarize(samples.ours);
      const cli = summarize(samples.baseline);
      const timedRollouts = perRollout.slice(1); // the warm-up pair's rollout is not counted
      const steps = summarize(timedRollouts.flat());
      const ratio = ours.p50 / cli.p50;
      progress(`B10: ours ${ms(ours.p50)} vs CLI ${ms(cli.p50)} (p50); step -> subscriber p50 ${ms(steps.p50)} p95 ${ms(steps.p95)} over ${steps.n} steps`);
      return {
        rows: [
          { id: 'B10', what: 'rolling update v1->v2 until SUCCEEDED, p50', ours: ms(ours.p50), baseline: `${ms(cli.p50)} (docker stack deploy --detach=false)`, ratio, target: `≤ ${TARGET_RATIO.toFixed(2)}x`, met: ratio <= TARGET_RATIO },
          { id: 'B10', what: `step -> deploymentProgress subscriber p50 / p95 (${steps.n} live steps)`, ours: `${ms(steps.p50)} / ${ms(steps.p95)}`, baseline: '— (vs the step\'s own at)', ratio: null, target: `<= ${TARGET_STEP_P50_MS} / ${TARGET_STEP_P95_MS} ms`, met: steps.n > 0 && steps.p50 <= TARGET_STEP_P50_MS && steps.p95 <= TARGET_STEP_P95_MS },
        ],
        details: {
          method: 'one warm-up pair, then rounds alternating which side goes first; before each sample (untimed) the side\'s own stack is put back on v1 and converged; the sample is the update to v2 (ours: deployStack until its deploymentProgress subscriber receives SUCCEEDED; CLI: docker stack deploy --detach=false until it exits)',
          compose: texts.v2,
          ours: rounded(ours),
          cli: rounded(cli),
          stepToSubscriber: rounded(steps),
          liveStepsPerRollout: timedRollouts.map((r) => r.length),
          note: 'ours polls the rollout every 1 s (RolloutTools.watch), a poll cut short by the stack\'s service events from the swarm event stream (ChangeWaker: Swarm emits updatestate.new=completed), and answers SUCCEEDED once the tasks of the new spec run and Swarm\'s update completed; the CLI holds convergence for each service\'s update monitor (1 s) before it exits. A step\'s `at` is stamped before its transaction commits.',
          stoppedByBudget: samples.stoppedByBudget,
        },
      };
    } finally {
      await cleanup.run();
    }
  },
};
