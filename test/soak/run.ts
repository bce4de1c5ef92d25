/**
 * `npm run soak -- --minutes N [--seed S] [--accounts A] [--faults kind,...] [--every-transition]`: the fault soak. The real server (two
 * processes sharing the soak's own Redis and PostgreSQL) under steady load, while faults are injected one at a time at
 * random; after each fault settles, the invariants are checked and printed. Exits 1 on any violation (or when a
 * service it needs is missing: it never skips). The seed fixes the fault schedule (kinds, targets, hold times); the
 * load's interleaving with it depends on timing.
 */
import '../support/setup-env';
import { waitFor } from '../support/wait';
import { RecoverDockerHostDocument } from '../generated/graphql';
import { FAULT_KINDS, injectFault, type Fault, type FaultKind } from './soak.faults';
import { activityCheck, healthCheck, inventoryCheck, processCheck, subscriberCheck, type CheckContext, type CheckResult } from './soak.invariants';
import { Ledger } from './soak.ledger';
import { Load } from './soak.load';
import { Random } from './soak.random';
import { Subscribers } from './soak.subscribers';
import { SoakWorld } from './soak.world';
import { printFigures, printChecks } from './soak.report';

const log = (line: string) => process.stdout.write(`[soak] ${line}\n`);

function options() {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const number = (flag: string, fallback: number) => {
    const raw = value(flag);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${flag} wants a positive number, got "${raw}"`);
    return parsed;
  };
  return {
    minutes: number('--minutes', 2),
    seed: Math.floor(number('--seed', 1 + Math.floor(Math.random() * 2 ** 31))),
    accounts: Math.floor(number('--accounts', 3)),
    everyTransition: args.includes('--every-transition'),
    kinds: (value('--faults')?.split(',') ?? [...FAULT_KINDS]).map((kind) => {
      if (!(FAULT_KINDS as readonly string[]).includes(kind)) throw new Error(`--faults: unknown kind "${kind}"; known: ${FAULT_KINDS.join(', ')}`);
      return kind as FaultKind;
    }),
  };
}

async function main(): Promise<number> {
  const opts = options();
  log(`seed ${opts.seed} (the same fault schedule again: --seed ${opts.seed}), ${opts.minutes} min, ${opts.accounts} accounts`);
  const faultRandom = new Random(opts.seed);
  const loadRandom = new Random(opts.seed ^ 0x9e3779b9);
  const runId = `${opts.seed.toString(36)}${Date.now().toString(36).slice(-4)}`;
  const world = await SoakWorld.start({ runId, accounts: opts.accounts, tokenTtlSeconds: Math.ceil(opts.minutes * 60 + 1800), log });
  // A stuck phase must not hang CI: the whole run is bounded.
  let phase = 'starting';
  const watchdog = setTimeout(() => {
    log(`the soak overran its time limit during "${phase}": giving up`);
    process.exit(1);
  }, (opts.minutes * 60 + 600) * 1000);
  watchdog.unref();
  const ledger = new Ledger(world, (items) => loadRandom.pick(items));
  const subscribers = new Subscribers(world);
  const load = new Load(world, ledger, loadRandom);
  const faults: Fault[] = [];
  const context: CheckContext = { world, ledger, subscribers, faults, startedAt: Date.now(), everyTransition: opts.everyTransition, judgedMutations: 0, judgedContainers: new Set(), judgedFaults: new Set(), log };
  const results: CheckResult[] = [];
  let recoveries = 0;

  /** Hosts CONNECTED again (a host in ERROR gets the runbook's manual recovery), every subscriber reopened. */
  const settle = async (): Promise<CheckResult> => {
    const violations: string[] = [];
    await waitFor(() => world.live().length === 2, { what: 'both API processes up', timeoutMs: 60_000 }).catch(() => violations.push('an API process did not come back'));
    let statuses = new Map<string, string>();
    await waitFor(async () => {
      statuses = await world.statuses();
      for (const account of world.accounts) {
        for (const hostId of account.hosts.values()) {
          if (statuses.get(hostId) !== 'ERROR') continue;
          log(`host ${hostId} is in ERROR: recoverDockerHost`);
          recoveries++;
          await ledger.mutate(account, RecoverDockerHostDocument, { id: hostId });
        }
      }
      return [...statuses.values()].every((s) => s === 'CONNECTED');
    }, { what: 'every host CONNECTED', timeoutMs: 90_000 }).catch(() => {
      for (const [id, status] of statuses) if (status !== 'CONNECTED') violations.push(`host ${id} (${world.targetOf(id)?.name}) still ${status}`);
    });
    subscribers.ensure();
    return { invariant: '0 settled (hosts CONNECTED)', checked: `${statuses.size} hosts`, violations };
  };

  const checkAll = async (title: string, fault?: Fault) => {
    phase = `checking ${title}`;
    await load.gate.pause();
    const started = Date.now();
    const round = [await settle(), await inventoryCheck(context)];
    if (fault) fault.settledAt = Date.now();
    round.push(await activityCheck(context), await subscriberCheck(context), healthCheck(fault), await processCheck(context));
    results.push(...round);
    printChecks(`${title}, settled and checked in ${((Date.now() - started) / 1000).toFixed(1)} s`, round);
    load.gate.resume();
  };

  try {
    subscribers.ensure();
    load.start();
    await waitFor(() => subscribers.notLive.length === 0, { what: 'every subscriber to receive', timeoutMs: 30_000 }).catch(() => log(`${subscribers.notLive.length} subscribers have received nothing yet`));
    await checkAll('baseline (no fault yet)');
    const deadline = context.startedAt + opts.minutes * 60_000;
    let bag: FaultKind[] = [];
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, faultRandom.between(3_000, 10_000))); // load runs meanwhile
      if (bag.length === 0) bag = faultRandom.shuffle(opts.kinds); // every kind once before any repeats
      phase = `injecting fault ${faults.length + 1}`;
      const fault = await injectFault(world, faultRandom, faults.length + 1, bag.shift()!);
      faults.push(fault);
      await checkAll(`fault ${fault.n}: ${fault.kind} (${fault.detail}), held ${((fault.recoveredAt - fault.injectedAt) / 1000).toFixed(1)} s`, fault);
    }
    await load.stop();
    await checkAll('final (load stopped)');
  } finally {
    await load.stop();
    await subscribers.close();
    const exits = await world.close();
    log(`API process logs in ${world.logDir}`);
    for (const exit of exits) if (exit.code !== 0) results.push({ invariant: '5 no process crashed but the killed', checked: 'graceful stop', violations: [`API process ${exit.name} exited ${exit.code} on SIGTERM`] });
  }
  const logs = world.started.map((instance) => instance.process.stdout() + instance.process.stderr());
  return printFigures({ faults, ledger, subscribers, results, recoveries, seed: opts.seed, logs });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[soak] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
