/**
 * B15: admissions per second under contention: K concurrent QuotaManager.admit calls for one account against a
 * quota of M concurrent instances (the admission path runContainerInstance takes: one transaction holding the
 * account's quota row, `select … for update`, summing the open charges, inserting one), with the quota checked to
 * hold exactly: exactly M admitted, K − M QUOTA_EXCEEDED, and never more than M open charges, also as seen by a
 * poller counting them while the admissions run. Baseline: the same number of plain `insert`s of charges without the
 * lock (autocommit, through a raw pg pool of the same size as the API's), which lets all K in: what the lock costs.
 */
import '../support/setup-env';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DomainError, ErrorCode } from '../../src/common/errors';
import { SetAccountQuotaDocument } from '../generated/graphql';
import { TestServer } from '../support/harness';
import { alternate, Cleanup, progress, rawPool, round, rounded, summarize, type BenchOutcome, type Benchmark } from './bench.support';

const CONCURRENT = 200;
const QUOTA = 50;
const ROUNDS = 5;
const REQUEST = { cpuMillicores: 100, memoryMb: 16, storageMb: 0 };

const openCharges = async (pool: Pool, accountId: string) => Number((await pool.query<{ n: string }>('select count(*) as n from quota_charges where account_id = $1 and released_at is null', [accountId])).rows[0]!.n);

export const b15: Benchmark = {
  id: 'B15',
  title: `admissions per second under contention: ${CONCURRENT} concurrent QuotaManager.admit against a quota of ${QUOTA} vs plain inserts`,
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const server = await TestServer.start({}, { isolatedDatabase: true, logLevel: 'warn' });
      cleanup.add('close the server and drop its database', () => server.close());
      const poolMax = Number(process.env.DATABASE_POOL_MAX ?? 10);
      const pool = rawPool(server.app.orm.config.get('clientUrl')!, cleanup, poolMax);
      // The poller has a connection of its own, so it never waits behind the admissions for one.
      const watcher = rawPool(server.app.orm.config.get('clientUrl')!, cleanup, 1);
      const quotas = server.app.services.quotas;

      const rounds: Array<{ admitted: number; refused: number; other: string[]; openAfter: number; maxOpenSeen: number; polls: number }> = [];
      const rawOpen: number[] = [];
      let account = '';
      const samples = await alternate({
        warmup: 1,
        rounds: ROUNDS,
        // Untimed: a fresh account each sample, with its quota set (ours) or none (the raw inserts have no quota).
        before: async (which) => {
          account = `b15-${randomUUID()}`;
          if (which === 'ours') await server.ok(SetAccountQuotaDocument, { input: { concurrentInstances: QUOTA } }, await server.token({ accountId: account }));
        },
        ours: async () => {
          const accountId = account;
          let done = false;
          let maxOpenSeen = 0;
          let polls = 0;
          const poller = (async () => {
            while (!done) {
              maxOpenSeen = Math.max(maxOpenSeen, await openCharges(watcher, accountId));
              polls++;
            }
          })();
          const results = await Promise.allSettled(Array.from({ length: CONCURRENT }, () => quotas.admit(accountId, randomUUID(), REQUEST)));
          done = true;
          await poller;
          const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof DomainError && r.reason.code === ErrorCode.QUOTA_EXCEEDED).length;
          const admitted = results.filter((r) => r.status === 'fulfilled').length;
          const other = results.filter((r) => r.status === 'rejected' && !(r.reason instanceof DomainError && r.reason.code === ErrorCode.QUOTA_EXCEEDED)).map((r) => String((r as PromiseRejectedResult).reason));
          rounds.push({ admitted, refused, other: other.slice(0, 3), openAfter: await openCharges(watcher, accountId), maxOpenSeen, polls });
        },
        baseline: async () => {
          const accountId = account;
          await Promise.all(Array.from({ length: CONCURRENT }, () =>
            pool.query('insert into quota_charges (id, account_id, holder_id, cpu_millicores, memory_mb, storage_mb, charged_at) values ($1, $2, $3, $4, $5, $6, now())', [randomUUID(), accountId, randomUUID(), REQUEST.cpuMillicores, REQUEST.memoryMb, REQUEST.storageMb]),
          ));
          rawOpen.push(await openCharges(watcher, accountId));
        },
      });
      // For the record: the same locked transaction written by hand on pg (no ORM), so the figures tell the lock's
      // own cost (serialised per account) from the ORM's around it.
      const lockedRaw: number[] = [];
      const lockedRawExact: boolean[] = [];
      for (let r = 0; r < 3; r++) {
        const accountId = `b15-${randomUUID()}`;
        await pool.query('insert into account_quotas (account_id, concurrent_instances, updated_at) values ($1, $2, now())', [accountId, QUOTA]);
        const admitOne = async () => {
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query('insert into account_quotas (account_id, updated_at) values ($1, now()) on conflict do nothing', [accountId]);
            const { rows } = await client.query<{ concurrent_instances: number }>('select concurrent_instances from account_quotas where account_id = $1 for update', [accountId]);
            const open = Number((await client.query<{ n: string }>('select count(*) as n from quota_charges where account_id = $1 and released_at is null', [accountId])).rows[0]!.n);
            if (open + 1 > rows[0]!.concurrent_instances) {
              await client.query('rollback');
              return false;
            }
            await client.query('insert into quota_charges (id, account_id, holder_id, cpu_millicores, memory_mb, storage_mb, charged_at) values ($1, $2, $3, $4, $5, $6, now())', [randomUUID(), accountId, randomUUID(), REQUEST.cpuMillicores, REQUEST.memoryMb, REQUEST.storageMb]);
            await client.query('commit');
            return true;
          } catch (error) {
            await client.query('rollback').catch(() => undefined);
            throw error;
          } finally {
            client.release();
          }
        };
        const began = performance.now();
        const admitted = (await Promise.all(Array.from({ length: CONCURRENT }, admitOne))).filter(Boolean).length;
        lockedRaw.push(performance.now() - began);
        lockedRawExact.push(admitted === QUOTA && (await openCharges(watcher, accountId)) === QUOTA);
      }
      const l = summarize(lockedRaw);
      const timed = rounds.slice(1); // the warm-up pair's round is not counted (its checks are, below)
      const exact = rounds.every((r) => r.admitted === QUOTA && r.refused === CONCURRENT - QUOTA && r.other.length === 0 && r.openAfter === QUOTA && r.maxOpenSeen <= QUOTA);
      const o = summarize(samples.ours);
      const b = summarize(samples.baseline);
      const perSecond = (msTaken: number) => (CONCURRENT / msTaken) * 1000;
      const ratio = o.median / b.median;
      progress(`B15: ours ${round(perSecond(o.median), 0)} decisions/s, raw ${round(perSecond(b.median), 0)} inserts/s; quota exact in every round: ${exact}`);
      return {
        rows: [
          { id: 'B15', what: `${CONCURRENT} concurrent admissions vs quota ${QUOTA}, median of ${o.n}`, ours: `${round(perSecond(o.median), 0)} admissions/s (${round(o.median, 0)} ms)`, baseline: `${round(perSecond(b.median), 0)} inserts/s (${round(b.median, 0)} ms, no lock)`, ratio: round(ratio, 2), target: '— (time ratio, for the record)', met: null },
          { id: 'B15', what: 'the same locked admission hand-written on pg (no ORM)', ours: `${round(perSecond(o.median), 0)} admissions/s`, baseline: `${round(perSecond(l.median), 0)} admissions/s (${round(l.median, 0)} ms)`, ratio: round(o.median / l.median, 2), target: '— (the ORM\'s share, for the record)', met: null },
          { id: 'B15', what: `quota held exactly (${QUOTA} admitted, ${CONCURRENT - QUOTA} QUOTA_EXCEEDED, ≤ ${QUOTA} open)`, ours: `${timed.map((r) => `${r.admitted}/${r.refused}/max ${r.maxOpenSeen}`).join(', ')}`, baseline: `${rawOpen.slice(1).join(', ')} open without the lock`, ratio: null, target: `exactly ${QUOTA} in every round`, met: exact },
        ],
        details: {
          method: `one warm-up pair, then ${ROUNDS} rounds alternating which side goes first, a fresh account per sample. Ours: ${CONCURRENT} QuotaManager.admit calls at once (the API's ORM pool, DATABASE_POOL_MAX ${poolMax}) against concurrentInstances = ${QUOTA}; a poller on its own connection counts the account's open charges throughout. Baseline: ${CONCURRENT} plain inserts into quota_charges at once through a raw pg pool of ${poolMax}. A sample is the wall time until every call settled; admissions/s counts every decision (admitted or refused).`,
          concurrent: CONCURRENT,
          quota: QUOTA,
          ours: rounded(o),
          baseline: rounded(b),
          admissionsPerSecond: { ours: round(perSecond(o.median), 1), raw: round(perSecond(b.median), 1) },
          rounds,
          rawOpenCharges: rawOpen,
          lockedHandWritten: { ...rounded(l), admissionsPerSecond: round(perSecond(l.median), 1), exact: lockedRawExact },
        },
      };
    } finally {
      await cleanup.run();
    }
  },
};
