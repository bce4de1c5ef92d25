/**
 * B1: the nested fleet read, executed in-process against our schema (type-graphql resolvers, DataLoaders, MikroORM)
 * versus bare graphql-js: an SDL schema with hand-written root resolvers reading the same rows with `pg`, batched by
 * hand (hosts, then one window-function query for every host's first containers and one grouped count).
 */
import '../support/setup-env';
import { randomUUID } from 'node:crypto';
import { buildSchema as buildSdlSchema, execute, parse, type ExecutionResult } from 'graphql';
import type { Pool } from 'pg';
import { buildAppSchema } from '../../src/graphql/schema';
import { buildContext } from '../../src/graphql/context';
import { createExecutor } from '../../src/graphql/executor';
import { TestServer, newAccountId } from '../support/harness';
import { seedInventory } from '../support/inventory-fixtures';
import { Cleanup, alternate, progress, rawPool, round, rounded, summarize, type BenchOutcome, type Benchmark } from './bench.support';

const HOSTS = 50;
const CONTAINERS = 25;
const OPS_PER_SAMPLE = 5;
const WARMUP = 8;
const ROUNDS = 30;
const TARGET = 1.0;

const QUERY = /* GraphQL */ `
  query B1 {
    dockerHosts(first: 50) {
      nodes {
        id
        name
        status
        containers(first: 25) {
          totalCount
          nodes { id name state image createdAt }
        }
      }
    }
  }
`;

const BASELINE_SDL = /* GraphQL */ `
  enum DockerHostStatus { PENDING CONNECTED DISCONNECTED ERROR MAINTENANCE }
  enum ContainerState { CREATED RUNNING PAUSED RESTARTING EXITED REMOVING DEAD }
  type Container { id: ID! name: String! state: ContainerState! image: String! createdAt: String! }
  type ContainerConnection { totalCount: Int! nodes: [Container!]! }
  type DockerHost { id: ID! name: String! status: DockerHostStatus! containers(first: Int): ContainerConnection! }
  type DockerHostConnection { nodes: [DockerHost!]! }
  type Query { dockerHosts(first: Int): DockerHostConnection! }
`;

interface Slice {
  totalCount: number;
  nodes: Array<{ id: string; name: string; state: string; image: string; createdAt: string }>;
}

/** The hand-written server: graphql-js's default resolver calls these functions on the parent objects. */
function baselineRoot(pool: Pool) {
  return {
    async dockerHosts({ first }: { first?: number | null }, ctx: { accountId: string; slices: Map<number, Promise<Map<string, Slice>>> }) {
      const { rows } = await pool.query<{ id: string; name: string; status: string }>(
        'select id, name, status from docker_hosts where account_id = $1 order by name asc, id asc limit $2',
        [ctx.accountId, first ?? 50],
      );
      const ids = rows.map((r) => r.id);
      // Hand batching: the first host's `containers` runs both queries for every host, the others reuse them.
      const slicesOf = (n: number) => {
        let pending = ctx.slices.get(n);
        if (!pending) ctx.slices.set(n, (pending = loadSlices(pool, ctx.accountId, ids, n)));
        return pending;
      };
      return {
        nodes: rows.map((r) => ({
          id: r.id,
          name: r.name,
          status: r.status.toUpperCase(),
          containers: async ({ first: n }: { first?: number | null }) => (await slicesOf(n ?? 50)).get(r.id) ?? { totalCount: 0, nodes: [] },
        })),
      };
    },
  };
}

async function loadSlices(pool: Pool, accountId: string, hostIds: string[], first: number): Promise<Map<string, Slice>> {
  const [ranked, counts] = await Promise.all([
    pool.query<{ id: string; host_id: string; name: string; state: string; image: string; created_at: Date }>(
      `select id, host_id, name, state, image, created_at from (
         select id, host_id, name, state, image, created_at,
                row_number() over (partition by host_id order by name asc, id asc) as rank
           from containers where account_id = $1 and host_id = any($2::uuid[])
       ) ranked where rank <= $3 order by host_id, rank`,
      [accountId, hostIds, first],
    ),
    pool.query<{ host_id: string; total: number }>(
      'select host_id, count(*)::int as total from containers where account_id = $1 and host_id = any($2::uuid[]) group by host_id',
      [accountId, hostIds],
    ),
  ]);
  const slices = new Map<string, Slice>(hostIds.map((id) => [id, { totalCount: 0, nodes: [] }]));
  for (const row of counts.rows) slices.get(row.host_id)!.totalCount = row.total;
  for (const row of ranked.rows) {
    slices.get(row.host_id)!.nodes.push({ id: row.id, name: row.name, state: row.state, image: row.image, createdAt: row.created_at.toISOString() });
  }
  return slices;
}

function check(result: ExecutionResult, who: string): void {
  if (result.errors?.length) throw new Error(`${who}: ${JSON.stringify(result.errors)}`);
}

export const b1: Benchmark = {
  id: 'B1',
  title: 'nested fleet read, in-process execute: our schema vs bare graphql-js + pg',
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const server = await TestServer.start({}, { isolatedDatabase: true, logLevel: 'warn' });
      cleanup.add('close the server and drop its database', () => server.close());
      const { app } = server;
      const accountId = newAccountId();
      progress(`B1: seeding ${HOSTS} hosts x ${CONTAINERS} containers`);
      await seedInventory(app.orm, { accountId, hosts: HOSTS, containers: CONTAINERS });

      const document = parse(QUERY);
      const schema = await buildAppSchema(app.services.pubsub);
      // The executor the HTTP server runs queries with (graphql-jit, compiled once per document).
      const executeOurs = createExecutor(schema);
      const principal = await app.services.tokens.verify(await server.token({ accountId }));
      const ours = async () => {
        const contextValue = buildContext({ services: app.services, logger: app.logger, requestId: randomUUID(), auth: { principal, authError: null } });
        const result = await executeOurs({ document, contextValue });
        check(result, 'ours');
        return result;
      };

      const pool = rawPool(server.app.orm.config.get('clientUrl')!, cleanup);
      const baselineSchema = buildSdlSchema(BASELINE_SDL);
      const root = baselineRoot(pool);
      const baseline = async () => {
        const result = await execute({ schema: baselineSchema, document, rootValue: root, contextValue: { accountId, slices: new Map() } });
        check(result, 'baseline');
        return result;
      };

      // Both must answer the same thing, or the comparison means nothing.
      const [a, b] = [JSON.stringify(await ours()), JSON.stringify(await baseline())];
      if (a !== b) throw new Error('B1: our answer and the baseline answer differ');
      const answer = JSON.parse(a) as { data: { dockerHosts: { nodes: Array<{ containers: { nodes: unknown[] } }> } } };
      const shape = { hosts: answer.data.dockerHosts.nodes.length, containersPerHost: answer.data.dockerHosts.nodes[0]?.containers.nodes.length ?? 0 };

      progress(`B1: ${WARMUP} warm-up and ${ROUNDS} timed rounds of ${OPS_PER_SAMPLE} operations each, alternating`);
      const batch = (fn: () => Promise<unknown>) => async () => {
        for (let i = 0; i < OPS_PER_SAMPLE; i++) await fn();
      };
      const samples = await alternate({ warmup: WARMUP, rounds: ROUNDS, ours: batch(ours), baseline: batch(baseline) });
      const perOp = { ours: summarize(samples.ours.map((x) => x / OPS_PER_SAMPLE)), baseline: summarize(samples.baseline.map((x) => x / OPS_PER_SAMPLE)) };
      const opsPerSecond = { ours: 1000 / perOp.ours.median, baseline: 1000 / perOp.baseline.median };
      const ratio = opsPerSecond.ours / opsPerSecond.baseline;
      return {
        rows: [
          {
            id: 'B1',
            what: `nested read ${shape.hosts}x${shape.containersPerHost}, ops/s`,
            ours: `${opsPerSecond.ours.toFixed(1)} ops/s`,
            baseline: `${opsPerSecond.baseline.toFixed(1)} ops/s`,
            ratio,
            target: `>= ${TARGET}x`,
            met: ratio >= TARGET,
          },
        ],
        details: {
          query: QUERY.replace(/\s+/g, ' ').trim(),
          seeded: { hosts: HOSTS, containersPerHost: CONTAINERS },
          answerShape: shape,
          method: `one pre-parsed document executed (no HTTP, no validation, for both): ours by the server's executor (graphql-jit, compiled once), the baseline by graphql-js execute(), sequential; ${WARMUP} warm-up + ${ROUNDS} timed rounds alternating which side goes first; a sample is ${OPS_PER_SAMPLE} operations back to back; ops/s = 1000 / median ms per operation`,
          baseline: 'graphql-js buildSchema SDL + root resolvers; pg Pool (max 10) on the same database; 3 statements: hosts, one row_number() window query for all hosts, one grouped count; selects only the columns the query asks for',
          ours: 'buildAppSchema + buildContext per operation (fresh DataLoaders), executed by createExecutor (graphql-jit); 2 statements: hosts page (findPage; no count, totalCount is not selected), one window query for every host\'s first containers and its total (row_number() and count(*) over the host, slicesByHost), selecting the columns asked for',
          opsPerSecond: { ours: round(opsPerSecond.ours, 1), baseline: round(opsPerSecond.baseline, 1) },
          ratio: round(ratio),
          msPerOperation: { ours: rounded(perOp.ours), baseline: rounded(perOp.baseline) },
          msPerSample: { ours: rounded(summarize(samples.ours)), baseline: rounded(summarize(samples.baseline)) },
        },
      };
    } finally {
      await cleanup.run();
    }
  },
};
