/**
 * B13: from runContainerInstance until a containerInstanceChanged subscriber sees the run RUNNING, against raw
 * dockerode create + start of the same container (image, command, labels, CPU and memory limits) at the same Engine
 * endpoint of the same host (the fleet's swarm worker s4). Ours adds what a run is: the workload policy, the quota
 * charge, the row, the PROVISIONING and RUNNING transitions (each a fenced write) and the publish; it has no Vault
 * token here (vaultDelivery NONE), so the ratio is the API's own overhead on top of the Engine's work.
 */
import '../support/setup-env';
import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { ContainerInstanceChangedDocument, ContainerInstanceStatus, RunContainerInstanceDocument, type ContainerInstanceChangedSubscription } from '../generated/graphql';
import { alternate, Arrivals, Cleanup, ms, progress, round, rounded, summarize, type BenchOutcome, type Benchmark } from './bench.support';
import { instanceBench } from './instance-bench.support';

const ROUNDS = 10;
const TARGET = 1.5;
const WAIT_MS = 30_000;

export const b13: Benchmark = {
  id: 'B13',
  title: 'run-to-running: runContainerInstance until RUNNING is seen vs raw dockerode create+start (s4)',
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const bench = await instanceBench(cleanup);
      const { server, token, hostId, raw } = bench;
      const running = new Arrivals();
      const client = server.wsClient({ authorization: `Bearer ${token}` });
      cleanup.add('close the subscriber', () => client.dispose());
      const iterator = client.iterate({ query: print(ContainerInstanceChangedDocument), variables: { filter: { status: ContainerInstanceStatus.Running } } }) as AsyncIterableIterator<{ data?: ContainerInstanceChangedSubscription }>;
      const seen = (async () => {
        for await (const message of iterator) if (message.data) running.mark(message.data.containerInstanceChanged.id);
      })().catch(() => undefined);
      cleanup.add('end the subscription', async () => {
        await iterator.return?.();
        await seen;
      });
      const tag = randomUUID().slice(0, 8);
      const rawIds: string[] = [];
      const ours = async () => {
        const result = await server.request(RunContainerInstanceDocument, { input: { spec: bench.spec(300), hostId } }, token);
        if (!result.data) throw new Error(`B13: runContainerInstance failed: ${JSON.stringify(result.errors)}`);
        const id = result.data.runContainerInstance.id;
        if ((await running.wait(id, WAIT_MS)) === null) throw new Error(`B13: instance ${id} not RUNNING within ${WAIT_MS} ms`);
      };
      const baseline = async () => {
        const container = await raw.createContainer(bench.rawBody(300, tag));
        await container.start();
        rawIds.push(container.id);
      };
      // Untimed, before each sample: the previous samples' containers gone, so both sides start from the same host.
      const before = async () => {
        await bench.endAll();
        await Promise.all(rawIds.splice(0).map((id) => raw.getContainer(id).remove({ force: true })));
      };
      progress(`B13: ${ROUNDS} rounds alternating (1 warm-up)`);
      const samples = await alternate({ warmup: 1, rounds: ROUNDS, ours, baseline, before, budgetMs: 90_000, minRounds: 5 });
      await before();
      const o = summarize(samples.ours);
      const b = summarize(samples.baseline);
      const ratio = o.median / b.median;
      return {
        rows: [{ id: 'B13', what: `run-to-running, median of ${o.n}`, ours: ms(o.median), baseline: `${ms(b.median)} (dockerode create+start)`, ratio: round(ratio, 2), target: `≤ ${TARGET}x`, met: ratio <= TARGET }],
        details: {
          method: 'one warm-up pair, then rounds alternating which side goes first; before each sample (untimed) every earlier container of both sides is removed. Ours: from sending runContainerInstance (GraphQL over HTTP, direct spec, hostId given, no Vault token) until its containerInstanceChanged(status: RUNNING) message arrives over WebSocket. Baseline: dockerode createContainer + start of the same body at the same endpoint.',
          endpoint: 'the fleet swarm worker s4 at its Engine TCP endpoint',
          container: bench.rawBody(300, 'x'),
          ours: rounded(o),
          baseline: rounded(b),
          overheadMs: round(o.median - b.median, 1),
          stoppedByBudget: samples.stoppedByBudget,
        },
      };
    } finally {
      await cleanup.run();
    }
  },
};
