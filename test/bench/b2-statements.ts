/**
 * B2: SQL statements per operation of the nested fleet query (FleetInventoryDocument) for 10 hosts and for 500 hosts
 * of 10 containers each, through the real HTTP endpoint. The count must not grow with the fleet.
 */
import '../support/setup-env';
import { FleetInventoryDocument } from '../generated/graphql';
import { TestServer, newAccountId } from '../support/harness';
import { recordStatements, seedInventory } from '../support/inventory-fixtures';
import { Cleanup, progress, round, rounded, summarize, timed, type BenchOutcome, type Benchmark } from './bench.support';

const SIZES = [10, 500] as const;
const CONTAINERS = 10;
const REPEATS = 3;

export const b2: Benchmark = {
  id: 'B2',
  title: 'SQL statements per nested fleet query, 10 vs 500 hosts',
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const server = await TestServer.start({}, { isolatedDatabase: true, logLevel: 'warn' });
      cleanup.add('close the server and drop its database', () => server.close());
      const measured: Record<number, { counts: number[]; statements: string[]; ms: number[]; hosts: number; containersPerHost: number }> = {};
      for (const n of SIZES) {
        const accountId = newAccountId();
        progress(`B2: seeding ${n} hosts x ${CONTAINERS} containers`);
        await seedInventory(server.app.orm, { accountId, hosts: n, containers: CONTAINERS });
        const token = await server.token({ accountId });
        const entry = { counts: [] as number[], statements: [] as string[], ms: [] as number[], hosts: 0, containersPerHost: 0 };
        // One untimed warm-up (schema caches, prepared metadata), then counted repeats: the count must be stable too.
        await server.ok(FleetInventoryDocument, { first: n, containers: CONTAINERS }, token);
        for (let i = 0; i < REPEATS; i++) {
          const { ms, value } = await timed(() => recordStatements(server.app.orm, () => server.ok(FleetInventoryDocument, { first: n, containers: CONTAINERS }, token)));
          entry.counts.push(value.statements.length);
          entry.statements = value.statements;
          entry.ms.push(ms);
          entry.hosts = value.result.dockerHosts.nodes.length;
          entry.containersPerHost = value.result.dockerHosts.nodes[0]?.containers.nodes.length ?? 0;
        }
        if (entry.hosts !== n) throw new Error(`B2: asked for ${n} hosts, got ${entry.hosts}`);
        measured[n] = entry;
      }
      const small = measured[SIZES[0]]!;
      const large = measured[SIZES[1]]!;
      const stable = [small, large].every((m) => m.counts.every((c) => c === m.counts[0]));
      const ratio = large.counts[0]! / small.counts[0]!;
      return {
        rows: [
          {
            id: 'B2',
            what: `SQL stmts/op, N=${SIZES[1]} vs N=${SIZES[0]} hosts`,
            ours: `${large.counts[0]} stmts (N=${SIZES[1]})`,
            baseline: `${small.counts[0]} stmts (N=${SIZES[0]})`,
            ratio,
            target: 'identical (1.00)',
            met: ratio === 1 && stable,
          },
        ],
        details: {
          document: 'FleetInventoryDocument (test/operations/inventory.graphql) with first: N, containers: 10, over HTTP',
          method: `recordStatements (knex query events of the app's ORM) around one HTTP operation; one warm-up, then ${REPEATS} counted repeats per size`,
          stableAcrossRepeats: stable,
          sizes: Object.fromEntries(
            SIZES.map((n) => [
              `N=${n}`,
              {
                hosts: measured[n]!.hosts,
                containersPerHostReturned: measured[n]!.containersPerHost,
                statementCounts: measured[n]!.counts,
                msPerOperation: rounded(summarize(measured[n]!.ms)),
                statements: measured[n]!.statements.map((sql) => (sql.length > 400 ? `${sql.slice(0, 400)}… (${sql.length} chars)` : sql)),
              },
            ]),
          ),
          ratio: round(ratio),
        },
      };
    } finally {
      await cleanup.run();
    }
  },
};
