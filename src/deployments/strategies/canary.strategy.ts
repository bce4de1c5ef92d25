import { InputError } from '../../common/errors';
import type { SwarmServiceSnapshot } from '../../docker/swarm.types';
import { DeploymentStatus, DeploymentStrategyKind } from '../deployment.entity';
import { DeploymentStepKind } from '../deployment-step.entity';
import { lookAtCanary, runAnalysis, type CanaryAnalysisDeps } from './canary.analysis';
import { DEFAULT_STEPS, isPause, saveState, thresholds, validateCanary, type CanaryOptions, type CanaryState } from './canary.steps';
import { storedSpecFor } from './others';
import { routedService } from './routed.options';
import { publishedPortOf, sideSpec } from './side-by-side';
import { applyShaped, plannedServices, waitHealthy, weighted, type SideStrategyDeps } from './side.steps';
import type { DeploymentStrategy, StrategyContext, StrategyOutcome } from './strategy';
import { replicaSplit, routedCanaryReplicas, routerWeights, trafficByVersion, TrafficMode } from './traffic.rules';

export type { CanaryAnalysis, CanaryOptions, CanaryStep } from './canary.steps';

const WATCH_EVERY_MS = 2000;

/**
 * CANARY. The new revision of the routed service runs as `<stack>_<key>-canary` beside the stable `<stack>_<key>`
 * (its own host-mode port `publishedPort`, the stable's DNS aliases), and the steps move traffic to it: behind a
 * router by server weights (the canary scaled to its share, at least one task; the stable untouched), without one by
 * a replica ratio (Argo's nearest whole number: 10 at 10% = 1 canary + 9 stable). All along, the canary's task
 * failures, restarts and unhealthy kills, and through the router the 5xx rate and latency of its requests since the
 * last look (counter deltas), are judged against the thresholds; crossing one aborts: traffic back to the stable, the
 * canary removed, ROLLED_BACK. After the last step the stable service itself is updated to the revision (with the
 * stack's other services, while the canary takes all the traffic), traffic goes back to it and the canary is removed:
 * services[] names `<stack>_<key>` as always, so redeploys and rollbacks see an ordinary stack.
 */
export class CanaryStrategy implements DeploymentStrategy {
  readonly kind = DeploymentStrategyKind.CANARY;
  private readonly now: () => number;
  private readonly watch: CanaryAnalysisDeps;

  constructor(private readonly deps: SideStrategyDeps) {
    this.now = deps.now ?? Date.now;
    this.watch = { sides: deps.sides, routers: deps.routers, now: this.now };
  }

  validate(options: Record<string, unknown>, context: { services: string[] }): void {
    validateCanary(options as CanaryOptions, context.services);
  }

  async run(context: StrategyContext): Promise<StrategyOutcome> {
    const o = context.deployment.options as CanaryOptions;
    for (;;) {
      const s = context.deployment.state as CanaryState;
      const phase = s.phase ?? 'start';
      const ended = phase === 'start' ? await this.start(context, o) : phase === 'steps' ? await this.steps(context, o, s) : phase === 'promote' ? await this.promote(context, o, s) : await this.finalize(context, o, s);
      if (ended) return ended;
    }
  }

  private save(context: StrategyContext, state: CanaryState, ...steps: Parameters<StrategyContext['step']>) {
    return saveState(context, state, ...steps);
  }

  private async start(context: StrategyContext, o: CanaryOptions): Promise<StrategyOutcome | null> {
    const { sides, routers } = this.deps;
    const { deployment, target } = context;
    const routed = routedService(plannedServices(context), o, 'canary');
    const stableName = routed.spec.Name;
    const canaryName = `${stableName}-canary`;
    const stable = await sides.service(target, deployment.stack!, stableName);
    const mode = o.routerId ? TrafficMode.ROUTER : TrafficMode.REPLICA_RATIO;
    let routeId: string | null = null;
    if (o.routerId) {
      routeId = (await routers.ensureRoute(context.principal, { routerId: o.routerId, clusterId: deployment.clusterId, stack: deployment.stack!, service: routed.shortName, listenPort: o.listenPort! })).id;
      if (stable && o.publishedPort == null && publishedPortOf(stable.spec, o.targetPort ?? null) != null) throw new InputError('canary.publishedPort', `is required: the stable ${stableName} holds its host port, and the canary needs its own for the router`);
    }
    const total = stable?.replicas ?? 0;
    const applied = await applyShaped(context, (plan, stored) => {
      const planned = plan.services.find((p) => p.spec.Name === stableName)!;
      const spec = storedSpecFor(planned, stored(stableName));
      const revision = spec ? { ...planned, spec } : planned;
      // The first deploy has no stable to compare with: the whole revision, as it is.
      if (!stable || total === 0) return;
      plan.services = [sideSpec(revision, { name: canaryName, role: 'canary', publishedPort: o.publishedPort ?? null, targetPort: o.targetPort ?? null, replicas: 0 })];
    });
    context.applied(applied);
    if (!stable || total === 0) return this.firstDeploy(context, o, { trafficMode: mode, routeId, stable: stableName, key: routed.shortName });
    await this.save(
      context,
      { phase: 'steps', trafficMode: mode, key: routed.shortName, stable: stableName, canary: canaryName, routeId, total, stepIndex: 0, weight: 0, since: new Date(this.now()).toISOString() },
      { kind: DeploymentStepKind.PHASE, service: canaryName, message: `canary ${canaryName} created beside the stable ${stableName} (${total} replicas); traffic by ${mode === TrafficMode.ROUTER ? 'router weights' : 'replica ratio'}`, data: { trafficMode: mode, total } },
    );
    return null;
  }

  private async steps(context: StrategyContext, o: CanaryOptions, s: CanaryState): Promise<StrategyOutcome | null> {
    const steps = o.steps ?? DEFAULT_STEPS;
    for (let i = s.stepIndex ?? 0; i < steps.length; i++) {
      const step = steps[i]!;
      let ended: StrategyOutcome | null = null;
      if (step.setWeight != null) ended = await this.setWeight(context, o, context.deployment.state as CanaryState, step.setWeight);
      else if (isPause(step)) ended = await this.pause(context, o, context.deployment.state as CanaryState, step.pauseSeconds ?? null);
      else if (step.analysis) ended = await this.stopped(context, context.deployment.state as CanaryState, await runAnalysis(this.watch, context, o, step.analysis, i));
      if (ended) return ended;
      await this.save(context, { stepIndex: i + 1, pauseStartedAt: null });
    }
    await this.save(context, { phase: 'promote' });
    return null;
  }

  private async setWeight(context: StrategyContext, o: CanaryOptions, s: CanaryState, weight: number): Promise<StrategyOutcome | null> {
    const { sides, routers } = this.deps;
    const total = s.total!;
    const split = s.trafficMode === TrafficMode.ROUTER ? { canary: weight === 0 ? 0 : routedCanaryReplicas(total, weight), stable: total } : replicaSplit(total, weight);
    const canary = await this.service(context, s.canary!);
    if (!canary) return this.abort(context, s, `the canary ${s.canary} is gone`);
    if ((canary.replicas ?? 0) !== split.canary) await sides.scale(context.principal, context.target, canary, split.canary);
    if (split.canary > 0) {
      const up = await waitHealthy(context, sides, s.canary!, { since: new Date(s.since!), deadlineAt: context.deployment.deadlineAt ?? new Date(this.now() + 600_000), maxFailures: thresholds(o).maxTaskFailures ?? 0, label: 'canary', now: this.now });
      if (up.end === 'abort') return this.abort(context, s, 'aborted by a user');
      if (up.end === 'supersede') return this.abort(context, s, 'superseded', DeploymentStatus.CANCELLED);
      if (up.end === 'failed') return this.abort(context, s, up.why);
    }
    if (s.trafficMode === TrafficMode.ROUTER) {
      const backendsOf = async (service: SwarmServiceSnapshot | null, role: string) => (service ? sides.backends(context.target, service, role, o.targetPort ?? null) : []);
      const stableServers = await backendsOf(await this.service(context, s.stable!), 'stable');
      const canaryServers = await backendsOf(await this.service(context, s.canary!), 'canary');
      const w = routerWeights(stableServers.length, canaryServers.length, weight);
      const servers = [...stableServers.map((b) => ({ ...b, weight: w.stable })), ...canaryServers.map((b) => ({ ...b, weight: w.canary }))];
      await routers.setBackends(context.principal, s.routeId!, servers);
      const counters = trafficByVersion(await routers.routeStats(context.principal, s.routeId!));
      await this.save(
        context,
        { weight, counters },
        { kind: DeploymentStepKind.TRAFFIC, service: s.canary!, message: `traffic to the canary: ${weight}% (${canaryServers.length} server(s) at weight ${w.canary}), stable ${100 - weight}% (${stableServers.length} at ${w.stable})`, data: { trafficMode: s.trafficMode, weight, serverWeights: w, canaryServers: canaryServers.length, stableServers: stableServers.length } },
      );
      return null;
    }
    const stable = await this.service(context, s.stable!);
    if (stable && (stable.replicas ?? 0) !== split.stable) await sides.scale(context.principal, context.target, stable, split.stable);
    await this.save(
      context,
      { weight },
      { kind: DeploymentStepKind.TRAFFIC, service: s.canary!, message: `traffic by replica ratio: ${split.canary} canary + ${split.stable} stable (${weight}% of ${total})`, data: { trafficMode: s.trafficMode, weight, canaryReplicas: split.canary, stableReplicas: split.stable } },
    );
    return null;
  }

  /** A timed pause, or (null) one until promoteDeployment (PAUSED); the thresholds are watched all the while. */
  private async pause(context: StrategyContext, o: CanaryOptions, s: CanaryState, seconds: number | null): Promise<StrategyOutcome | null> {
    const started = s.pauseStartedAt ? new Date(s.pauseStartedAt).getTime() : this.now();
    if (!s.pauseStartedAt) await this.save(context, { pauseStartedAt: new Date(started).toISOString() });
    if (seconds === null && context.deployment.status !== DeploymentStatus.PAUSED) await context.pause(`canary at ${s.weight ?? 0}%: waiting for promoteDeployment`);
    let lastLook = this.now();
    for (;;) {
      const asked = await context.requested();
      if (asked === 'abort') return this.abort(context, s, 'aborted by a user');
      if (asked === 'supersede') return this.abort(context, s, 'superseded', DeploymentStatus.CANCELLED);
      if (asked === 'promote') break;
      if (seconds !== null && this.now() >= started + seconds * 1000) break;
      if (this.now() - lastLook >= WATCH_EVERY_MS) {
        lastLook = this.now();
        const crossed = await this.stopped(context, s, await lookAtCanary(this.watch, context, s, thresholds(o), null));
        if (crossed) return crossed;
      }
      await context.tick(500);
    }
    if (context.deployment.status === DeploymentStatus.PAUSED) await context.resume(`promoted: the canary goes on from ${s.weight ?? 0}%`);
    else if (context.deployment.requested) await context.save({ requested: null });
    return null;
  }

  /** A stop found while watching the canary aborts it; none goes on. */
  private async stopped(context: StrategyContext, s: CanaryState, stop: { why: string; status?: DeploymentStatus.CANCELLED } | null): Promise<StrategyOutcome | null> {
    return stop ? this.abort(context, s, stop.why, stop.status) : null;
  }

  /** All steps passed: all traffic on the canary, then the stable updated to the revision (finalize). */
  private async promote(context: StrategyContext, o: CanaryOptions, s: CanaryState): Promise<StrategyOutcome | null> {
    if ((s.weight ?? 0) < 100) {
      const ended = await this.setWeight(context, o, s, 100);
      if (ended) return ended;
    }
    await this.save(context, { phase: 'finalize', since: s.since }, { kind: DeploymentStepKind.PHASE, service: s.stable!, message: `canary passed: updating the stable ${s.stable} to revision ${context.deployment.revision}` });
    return null;
  }

  private async finalize(context: StrategyContext, o: CanaryOptions, s: CanaryState): Promise<StrategyOutcome> {
    const { sides, routers } = this.deps;
    const since = new Date(this.now());
    await applyShaped(context, (plan, stored) => {
      const index = plan.services.findIndex((p) => p.spec.Name === s.stable);
      const spec = storedSpecFor(plan.services[index]!, stored(s.stable!));
      if (spec) plan.services[index] = { ...plan.services[index]!, spec };
    });
    const names = plannedServices(context).map((p) => p.spec.Name);
    const watched = await context.tools.watch(context, names, { deadlineAt: new Date(this.now() + 600_000), since, allowAbort: false });
    if (watched.end !== 'converged') return { status: DeploymentStatus.FAILED, reason: `the canary passed, but updating the stable ${s.stable} did not converge (${'message' in watched ? watched.message : watched.end}); the canary ${s.canary} keeps serving` };
    if (s.trafficMode === TrafficMode.ROUTER) {
      const stable = await this.service(context, s.stable!);
      const servers = await weighted(context, sides, [{ service: stable, role: 'stable', weight: 1 }], o.targetPort ?? null);
      await routers.setBackends(context.principal, s.routeId!, servers);
      await context.step({ kind: DeploymentStepKind.TRAFFIC, service: s.stable!, message: `traffic to the updated stable ${s.stable}: 100% over ${servers.length} server(s); the canary drained`, data: { trafficMode: s.trafficMode, weight: 0 } });
    }
    await sides.remove(context.target, await this.service(context, s.canary!));
    await context.step({ kind: DeploymentStepKind.REPLICAS, service: s.canary!, message: `canary ${s.canary} removed`, data: { replicas: 0 } });
    await this.ledger(context);
    return { status: DeploymentStatus.SUCCEEDED, reason: null };
  }

  /** Traffic back to the stable (its replicas as they were), the canary removed. */
  private async abort(context: StrategyContext, s: CanaryState, why: string, status: DeploymentStatus.ROLLED_BACK | DeploymentStatus.CANCELLED = DeploymentStatus.ROLLED_BACK): Promise<StrategyOutcome> {
    const { sides, routers } = this.deps;
    const stable = await this.service(context, s.stable!);
    const o = context.deployment.options as CanaryOptions;
    if (s.trafficMode === TrafficMode.ROUTER) {
      const servers = await weighted(context, sides, [{ service: stable, role: 'stable', weight: 1 }], o.targetPort ?? null);
      await routers.setBackends(context.principal, s.routeId!, servers);
      await context.step({ kind: DeploymentStepKind.TRAFFIC, service: s.stable!, message: `traffic back to the stable ${s.stable}: 100% over ${servers.length} server(s)`, data: { trafficMode: s.trafficMode, weight: 0 } });
    } else if (stable && (stable.replicas ?? 0) !== s.total) {
      await sides.scale(context.principal, context.target, stable, s.total!);
      await context.step({ kind: DeploymentStepKind.TRAFFIC, service: s.stable!, message: `traffic by replica ratio: 0 canary + ${s.total} stable`, data: { trafficMode: s.trafficMode, weight: 0, canaryReplicas: 0, stableReplicas: s.total } });
    }
    await sides.remove(context.target, await this.service(context, s.canary!));
    await context.step({ kind: DeploymentStepKind.PHASE, service: s.canary!, message: `canary ${s.canary} removed: ${why}` });
    await this.ledger(context);
    return { status, reason: `canary aborted: ${why}; the stable ${s.stable} kept serving` };
  }

  private async firstDeploy(context: StrategyContext, o: CanaryOptions, s: CanaryState): Promise<StrategyOutcome> {
    const up = await waitHealthy(context, this.deps.sides, s.stable!, { since: new Date(this.now() - 60_000), deadlineAt: context.deployment.deadlineAt ?? new Date(this.now() + 600_000), maxFailures: 3, label: 'first version', now: this.now });
    if (up.end !== 'healthy') return { status: DeploymentStatus.FAILED, reason: `the first version did not come up (${'why' in up ? up.why : up.end}); there is no earlier one to return to` };
    if (s.trafficMode === TrafficMode.ROUTER) {
      const servers = await weighted(context, this.deps.sides, [{ service: await this.service(context, s.stable!), role: 'stable', weight: 1 }], o.targetPort ?? null);
      await this.deps.routers.setBackends(context.principal, s.routeId!, servers);
      await context.step({ kind: DeploymentStepKind.TRAFFIC, service: s.stable!, message: `traffic to ${s.stable}: 100% over ${servers.length} server(s) (the first version)`, data: { trafficMode: s.trafficMode } });
    }
    await this.save(context, s);
    await this.ledger(context);
    return { status: DeploymentStatus.SUCCEEDED, reason: null };
  }

  private service(context: StrategyContext, name: string) {
    return this.deps.sides.service(context.target, context.deployment.stack!, name);
  }

  private async ledger(context: StrategyContext): Promise<void> {
    const back = await context.tools.readBack(context.target, context.deployment.stack!);
    await context.save({ services: back.services.map((x) => ({ ...x, outcome: 'CONVERGED' })), digests: back.digests });
  }
}
