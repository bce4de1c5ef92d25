/**
 * B7: SQL statements per operation of the nested swarm fleet read (SwarmFleetDocument: clusters × services × tasks)
 * for 2 × 5 × 4 and for 20 × 50 × 10, seeded as rows and read through the real HTTP endpoint. The count must not grow
 * with the fleet.
 */
import '../support/setup-env';
import { SwarmFleetDocument } from '../generated/graphql';
import { TestServer, newAccountId } from '../support/harness';
import { recordStatements, seedSwarm } from '../support/inventory-fixtures';
import { Cleanup, progress, round, rounded, summarize, timed, type BenchOutcome, type Benchmark } from './bench.support';

const SIZES = [
  { clusters: 2, services: 5, tasks: 4 },
  { clusters: 20, services: 50, tasks: 10 },
] as const;
const REPEATS = 3;
type Size = (typeof SIZES)[number];
const label = (s: Size) => `${s.clusters}x${s.services}x${s.tasks}`;

export const b7: Benchmark = {
  id: 'B7',
  title: 'SQL statements per nested swarm read (clusters x services x tasks), 2x5x4 vs 20x50x10',
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const server = await TestServer.start({}, { isolatedDatabase: true, logLevel: 'warn' });
      cleanup.add('close the server and drop its database', () => server.close());
      const measured = new Map<Size, { counts: number[]; statements: string[]; ms: number[]; clusters: number; services: number; tasks: number }>();
      for (const size of SIZES) {
        const accountId = newAccountId();
        progress(`B7: seeding ${label(size)} (clusters x services x tasks)`);
        await seedSwarm(server.app.orm, { accountId, ...size });
        const token = await server.token({ accountId });
        const variables = { clusters: size.clusters, services: size.services, tasks: size.tasks };
        const entry = { counts: [] as number[], statements: [] as string[], ms: [] as number[], clusters: 0, services: 0, tasks: 0 };
        // One untimed warm-up (schema caches, prepared metadata), then counted repeats: the count must be stable too.
        await server.ok(SwarmFleetDocument, variables, token);
        for (let i = 0; i < REPEATS; i++) {
          const { ms, value } = await timed(() => recordStatements(server.app.orm, () => server.ok(SwarmFleetDocument, variables, token)));
          entry.counts.push(value.statements.length);
          entry.statements = value.statements;
          entry.ms.push(ms);
          const clusters = value.result.swarmClusters.nodes;
          entry.clusters = clusters.length;
          entry.services = clusters.reduce((n, c) => n + c.services.nodes.length, 0);
          entry.tasks = clusters.reduce((n, c) => n + c.services.nodes.reduce((m, s) => m + s.tasks.nodes.length, 0), 0);
        }
        const expected = { clusters: size.clusters, services: size.clusters * size.services, tasks: size.clusters * size.services * size.tasks };
        if (entry.clusters !== expected.clusters || entry.services !== expected.services || entry.tasks !== expected.tasks) {
          throw new Error(`B7: asked for ${JSON.stringify(expected)}, got ${JSON.stringify({ clusters: entry.clusters, services: entry.services, tasks: entry.tasks })}`);
        }
        measured.set(size, entry);
      }
      const small = measured.get(SIZES[0])!;
      const large = measured.get(SIZES[1])!;
      const stable = [small, large].every((m) => m.counts.every((c) => c === m.counts[0]));
      const ratio = large.counts[0]! / small.counts[0]!;
      return {
        rows: [
          {
            id: 'B7',
            what: `SQL stmts/op, ${label(SIZES[1])} vs ${label(SIZES[0])}`,
            ours: `${large.counts[0]} stmts (${large.tasks} tasks)`,
            baseline: `${small.counts[0]} stmts (${small.tasks} tasks)`,
            ratio,
            target: 'identical (1.00)',
            met: ratio === 1 && stable,
          },
        ],
        details: {
          document: 'SwarmFleetDocument (test/operations/swarm-fleet.graphql) with first: clusters / services / tasks, over HTTP',
          method: `seedSwarm rows (test/support/inventory-fixtures.ts); recordStatements (knex query events of the app's ORM) around one HTTP operation; one warm-up, then ${REPEATS} counted repeats per size`,
          graphqlMaxCost: 'the default (5000): the cost rule weighs the selection, not the `first` arguments, so 20 x 50 x 10 passes it',
          stableAcrossRepeats: stable,
          sizes: Object.fromEntries(
            SIZES.map((size) => {
              const m = measured.get(size)!;
              return [
                label(size),
                {
                  returned: { clusters: m.clusters, services: m.services, tasks: m.tasks },
                  statementCounts: m.counts,
                  msPerOperation: rounded(summarize(m.ms)),
                  statements: m.statements.map((sql) => (sql.length > 400 ? `${sql.slice(0, 400)}… (${sql.length} chars)` : sql)),
                },
              ];
            }),
          ),
          ratio: round(ratio),
        },
      };
    } finally {
      await cleanup.run();
    }
  },
};
