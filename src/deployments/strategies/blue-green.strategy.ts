import { InputError } from '../../common/errors';
import type { SwarmServiceSnapshot } from '../../docker/swarm.types';
import { DeploymentStatus, DeploymentStrategyKind } from '../deployment.entity';
import { DeploymentStepKind } from '../deployment-step.entity';
import { checkNumber, checkPort, routedService, validateRouted, type RoutedOptions } from './routed.options';
import { publishedPortOf, replicasOf, sideSpec } from './side-by-side';
import { applyShaped, defaultProbe, plannedServices, waitHealthy, weighted, type SideStrategyDeps } from './side.steps';
import type { DeploymentStrategy, StrategyContext, StrategyOutcome } from './strategy';
import { storedSpecFor, restoreOthers } from './others';
import { TrafficMode } from './traffic.rules';

export interface BlueGreenOptions extends RoutedOptions {
  /** A second router port that reaches green only, from the moment it is healthy (Argo's previewService). */
  previewPort?: number | null;
  /** An HTTP GET every green task must answer 2xx/3xx to before the switch. */
  probePath?: string | null;
  /** Switch as soon as green is healthy (default true, as Argo); false waits for promoteDeployment (PAUSED). */
  autoPromotionEnabled?: boolean | null;
  /** With auto-promotion: how long green must stay healthy before the switch (default 0). */
  autoPromoteSeconds?: number | null;
  /** How long blue keeps its replicas after the switch, for an instant rollback (default 30). */
  scaleDownDelaySeconds?: number | null;
  /** Failed green tasks tolerated while it comes up (default 2). */
  maxTaskFailures?: number | null;
}

type Phase = 'deploy' | 'health' | 'promote' | 'switch' | 'grace' | 'scale-down';

interface BlueGreenState {
  phase?: Phase;
  trafficMode?: TrafficMode;
  /** The compose key and the two swarm services: blue serves now, green is the revision. */
  key?: string;
  blue?: string | null;
  green?: string;
  routeId?: string | null;
  previewRouteId?: string | null;
  /** The compose file's network aliases of the routed service (moved at the switch without a router). */
  aliases?: Record<string, string[]>;
  /** Whether the stack deploy changed services other than green (restored on an abort). */
  othersChanged?: boolean;
  since?: string;
  healthySince?: string;
  switchedAt?: string;
}

/** A color by swarm service name: the compose file's name is blue, `<name>-green` green; the live one alternates. */
export const colorOf = (name: string) => (name.endsWith('-green') ? 'green' : 'blue');

/**
 * BLUE_GREEN. The routed service's new revision runs as a second swarm service beside the live one: `<stack>_<key>`
 * and `<stack>_<key>-green` take turns (the next deploy finds the live one by its running replicas, or by the
 * router's servers when both run), each with its own replicas and host-mode port (the compose file's, or
 * `publishedPort`), both on the stack's networks. Green must run its tasks (healthy, with a HEALTHCHECK) and, with
 * `probePath`, answer an HTTP GET on every task at the node address and port the router uses. Then traffic moves in
 * one step: the router's servers become green's (blue drained, no reload); without a router the compose file's
 * network aliases move from blue to green (both services' tasks are replaced: not zero-downtime). Blue keeps its
 * replicas for `scaleDownDelaySeconds` (abort → traffic back to blue at once, green removed), then is removed, so the
 * revision's services[] names what runs. The stack's other services are applied with green (restored on an abort).
 * Every phase is stored: a resumed run continues at its phase, and redoing a switch is a no-op (backends by name).
 */
export class BlueGreenStrategy implements DeploymentStrategy {
  readonly kind = DeploymentStrategyKind.BLUE_GREEN;
  private readonly now: () => number;

  constructor(private readonly deps: SideStrategyDeps) {
    this.now = deps.now ?? Date.now;
  }

  validate(options: Record<string, unknown>, context: { services: string[] }): void {
    const o = options as BlueGreenOptions;
    validateRouted('blueGreen', o, context.services);
    checkPort('blueGreen.previewPort', o.previewPort);
    if (o.previewPort != null && o.routerId == null) throw new InputError('blueGreen.previewPort', 'needs routerId (a preview route is a router port)');
    if (o.previewPort != null && o.previewPort === o.listenPort) throw new InputError('blueGreen.previewPort', 'must differ from listenPort');
    if (o.probePath != null && (typeof o.probePath !== 'string' || !/^\/[\x21-\x7e]*$/.test(o.probePath))) throw new InputError('blueGreen.probePath', 'must be a path starting with /');
    checkNumber('blueGreen.autoPromoteSeconds', o.autoPromoteSeconds, 0, 86_400);
    checkNumber('blueGreen.scaleDownDelaySeconds', o.scaleDownDelaySeconds, 0, 86_400);
    checkNumber('blueGreen.maxTaskFailures', o.maxTaskFailures, 0, 1000);
    if (o.autoPromotionEnabled === false && o.autoPromoteSeconds != null) throw new InputError('blueGreen.autoPromoteSeconds', 'applies only with autoPromotionEnabled');
  }

  async run(context: StrategyContext): Promise<StrategyOutcome> {
    const o = context.deployment.options as BlueGreenOptions;
    for (;;) {
      const s = context.deployment.state as BlueGreenState;
      switch (s.phase ?? 'deploy') {
        case 'deploy': {
          const ended = await this.deploy(context, o);
          if (ended) return ended;
          break;
        }
        case 'health': {
          const ended = await this.health(context, o, s);
          if (ended) return ended;
          break;
        }
        case 'promote': {
          const ended = await this.promote(context, o, s);
          if (ended) return ended;
          break;
        }
        case 'switch':
          await this.switchTo(context, o, s, 'green');
          await this.save(context, { phase: 'grace', switchedAt: new Date(this.now()).toISOString() });
          break;
        case 'grace': {
          const ended = await this.grace(context, o, s);
          if (ended) return ended;
          break;
        }
        case 'scale-down':
          return this.scaleDown(context, s);
      }
    }
  }

  private save(context: StrategyContext, state: BlueGreenState, ...steps: Parameters<StrategyContext['step']>) {
    return context.save({ state: { ...context.deployment.state, ...state } }, ...steps);
  }

  private async deploy(context: StrategyContext, o: BlueGreenOptions): Promise<StrategyOutcome | null> {
    const { sides, routers } = this.deps;
    const { deployment, target } = context;
    const routed = routedService(plannedServices(context), o, 'blueGreen');
    const names = [routed.spec.Name, `${routed.spec.Name}-green`];
    const running = (await Promise.all(names.map((n) => sides.service(target, deployment.stack!, n)))).filter((x): x is SwarmServiceSnapshot => Boolean(x));
    const mode = o.routerId ? TrafficMode.ROUTER : TrafficMode.NETWORK_ALIAS;
    let routeId: string | null = null;
    let previewRouteId: string | null = null;
    let serving: string[] = [];
    if (o.routerId) {
      const route = await routers.ensureRoute(context.principal, { routerId: o.routerId, clusterId: deployment.clusterId, stack: deployment.stack!, service: routed.shortName, listenPort: o.listenPort! });
      routeId = route.id;
      serving = route.servers.map((x) => x.version ?? '');
      if (o.previewPort) previewRouteId = (await routers.ensureRoute(context.principal, { routerId: o.routerId, clusterId: deployment.clusterId, stack: deployment.stack!, service: `${routed.shortName}-preview`, listenPort: o.previewPort })).id;
    }
    const live = pickLive(running, serving);
    const green = live === names[0] ? names[1]! : names[0]!;
    if (live && green === names[1] && o.publishedPort == null && publishedPortOf(routed.spec as never, o.targetPort ?? null) != null) {
      throw new InputError('blueGreen.publishedPort', `is required: ${routed.shortName} publishes a host port that blue (${live}) holds, and green needs its own`);
    }
    const aliases = Object.fromEntries((routed.spec.TaskTemplate.Networks ?? []).map((n) => [n.Target, n.Aliases ?? []]));
    const applied = await applyShaped(context, (plan, stored) => {
      const index = plan.services.findIndex((p) => p.spec.Name === routed.spec.Name);
      let planned = plan.services[index]!;
      const spec = storedSpecFor(planned, stored(names[0]!) ?? stored(names[1]!));
      if (spec) planned = { ...planned, spec };
      if (!live) return; // the first deploy: the compose file's service, as it is
      if (green === names[1]) plan.services[index] = sideSpec(planned, { name: green, role: 'green', publishedPort: o.publishedPort ?? null, targetPort: o.targetPort ?? null, replicas: replicasOf(planned.spec), aliases: mode === TrafficMode.ROUTER });
      else if (mode === TrafficMode.NETWORK_ALIAS) plan.services[index] = sideSpec(planned, { name: green, role: 'blue', publishedPort: 'keep', targetPort: null, replicas: replicasOf(planned.spec), aliases: false });
      else plan.services[index] = planned;
    });
    context.applied(applied);
    const othersChanged = applied.changes.some((c) => c.kind === 'SERVICE' && c.name !== green && c.action !== 'UNCHANGED');
    const message = live ? `green (${green}) deployed beside blue (${live}); traffic by ${mode === TrafficMode.ROUTER ? 'router' : 'network-alias move'}` : `no live version of ${routed.shortName}: ${green} deployed as the first one`;
    await this.save(context, { phase: 'health', trafficMode: mode, key: routed.shortName, blue: live, green, routeId, previewRouteId, aliases, othersChanged, since: new Date(this.now()).toISOString() }, { kind: DeploymentStepKind.PHASE, service: green, message, data: { trafficMode: mode } });
    return null;
  }

  private async health(context: StrategyContext, o: BlueGreenOptions, s: BlueGreenState): Promise<StrategyOutcome | null> {
    const { sides } = this.deps;
    const deadlineAt = context.deployment.deadlineAt ?? new Date(this.now() + 600_000);
    const healthy = await waitHealthy(context, sides, s.green!, { since: new Date(s.since!), deadlineAt, maxFailures: o.maxTaskFailures ?? 2, label: 'green', now: this.now });
    if (healthy.end === 'supersede') return this.abortBeforeSwitch(context, s, 'superseded', DeploymentStatus.CANCELLED);
    if (healthy.end === 'abort') return this.abortBeforeSwitch(context, s, 'aborted by a user');
    if (healthy.end === 'failed') return this.abortBeforeSwitch(context, s, healthy.why);
    const green = await sides.service(context.target, context.deployment.stack!, s.green!);
    if (s.previewRouteId && green) {
      const servers = await weighted(context, sides, [{ service: green, role: colorOf(s.green!), weight: 1 }], o.targetPort ?? null);
      await this.deps.routers.setBackends(context.principal, s.previewRouteId, servers);
      await context.step({ kind: DeploymentStepKind.TRAFFIC, service: s.green!, message: `preview route on port ${o.previewPort} serves green (${servers.length} servers)`, data: { preview: true, servers: servers.length } });
    }
    if (o.probePath && green) {
      const backends = await sides.backends(context.target, green, colorOf(s.green!), o.targetPort ?? null);
      const probe = this.deps.probe ?? defaultProbe;
      const results = await Promise.all(backends.map(async (b) => ({ at: `${b.address}:${b.port}`, answer: await probe(`http://${b.address}:${b.port}${o.probePath}`) })));
      const bad = results.filter((r) => !('status' in r.answer) || r.answer.status >= 400);
      const summary = results.map((r) => `${r.at} ${'status' in r.answer ? r.answer.status : r.answer.error}`).join(', ');
      await context.step({ kind: DeploymentStepKind.HEALTH, service: s.green!, message: `HTTP probe GET ${o.probePath} on ${results.length} green task(s): ${bad.length ? 'failed' : 'passed'} (${summary || 'no task publishes the routed port'})`, data: { probePath: o.probePath, passed: bad.length === 0 && results.length > 0 } });
      if (bad.length || !results.length) return this.abortBeforeSwitch(context, s, `green failed its HTTP probe GET ${o.probePath}`);
    }
    if (!s.blue) return this.firstDeploy(context, o, s);
    await this.save(context, { phase: 'promote', healthySince: new Date(this.now()).toISOString() });
    return null;
  }

  private async promote(context: StrategyContext, o: BlueGreenOptions, s: BlueGreenState): Promise<StrategyOutcome | null> {
    const auto = o.autoPromotionEnabled !== false;
    const at = new Date(s.healthySince!).getTime() + (o.autoPromoteSeconds ?? 0) * 1000;
    if (!auto && context.deployment.status !== DeploymentStatus.PAUSED) await context.pause(`green (${s.green}) is healthy: waiting for promoteDeployment`);
    for (;;) {
      const asked = await context.requested();
      if (asked === 'abort') return this.abortBeforeSwitch(context, s, 'aborted by a user');
      if (asked === 'supersede') return this.abortBeforeSwitch(context, s, 'superseded', DeploymentStatus.CANCELLED);
      if (asked === 'promote' || (auto && this.now() >= at)) break;
      await context.tick(500);
    }
    if (context.deployment.status === DeploymentStatus.PAUSED) await context.resume('promoted: switching traffic to green');
    await this.save(context, { phase: 'switch' });
    if (context.deployment.requested) await context.save({ requested: null });
    return null;
  }

  /** Traffic to one color: the router's servers become its tasks', or the compose aliases move to it. */
  private async switchTo(context: StrategyContext, o: BlueGreenOptions, s: BlueGreenState, to: 'green' | 'blue'): Promise<void> {
    const { sides, routers } = this.deps;
    const [toName, fromName] = to === 'green' ? [s.green!, s.blue!] : [s.blue!, s.green!];
    const target = await sides.service(context.target, context.deployment.stack!, toName);
    if (!target) throw new Error(`${toName} is gone: traffic cannot move to it`);
    if (s.trafficMode === TrafficMode.ROUTER) {
      const servers = await weighted(context, sides, [{ service: target, role: colorOf(toName), weight: 1 }], o.targetPort ?? null);
      if (!servers.length) throw new Error(`${toName} has no running task publishing the routed port`);
      await routers.setBackends(context.principal, s.routeId!, servers);
      await context.step({ kind: DeploymentStepKind.TRAFFIC, service: toName, message: `traffic switched to ${to} (${toName}): 100% over ${servers.length} server(s), ${to === 'green' ? 'blue' : 'green'} (${fromName}) 0%`, data: { trafficMode: s.trafficMode, weights: { [toName]: 100, [fromName]: 0 }, servers: servers.map((x) => x.name) } });
      return;
    }
    const since = new Date(this.now());
    await sides.setAliases(context.principal, context.target, target, s.aliases ?? {});
    const up = await waitHealthy(context, sides, toName, { since, deadlineAt: new Date(this.now() + 120_000), maxFailures: 2, label: to, now: this.now });
    if (up.end === 'failed') throw new Error(`${toName} did not come back up with the service's aliases: ${up.why}`);
    const from = await sides.service(context.target, context.deployment.stack!, fromName);
    if (from) await sides.setAliases(context.principal, context.target, from, {});
    const names = Object.values(s.aliases ?? {}).flat();
    await context.step({ kind: DeploymentStepKind.TRAFFIC, service: toName, message: `traffic by network-alias move: ${names.join(', ') || s.key} now resolve(s) to ${to} (${toName}), not ${fromName}`, data: { trafficMode: s.trafficMode, weights: { [toName]: 100, [fromName]: 0 } } });
  }

  private async grace(context: StrategyContext, o: BlueGreenOptions, s: BlueGreenState): Promise<StrategyOutcome | null> {
    const until = new Date(s.switchedAt!).getTime() + (o.scaleDownDelaySeconds ?? 30) * 1000;
    let waited = false;
    for (;;) {
      const asked = await context.requested();
      if (asked === 'abort') {
        await this.switchTo(context, o, s, 'blue');
        const green = await this.deps.sides.service(context.target, context.deployment.stack!, s.green!);
        await this.deps.sides.remove(context.target, green);
        await restoreOthers(context, s.othersChanged === true, [s.blue!, s.green!]);
        await this.ledger(context, s.blue!);
        return { status: DeploymentStatus.ROLLED_BACK, reason: `aborted by a user during the grace period: traffic back on blue (${s.blue}), green (${s.green}) removed` };
      }
      if (asked === 'promote' || this.now() >= until) break;
      if (!waited) {
        waited = true;
        await context.step({ kind: DeploymentStepKind.PHASE, service: s.blue!, message: `blue (${s.blue}) kept scaled for an instant rollback until ${new Date(until).toISOString()}` });
      }
      await context.tick(500);
    }
    await this.save(context, { phase: 'scale-down' });
    if (context.deployment.requested) await context.save({ requested: null });
    return null;
  }

  private async scaleDown(context: StrategyContext, s: BlueGreenState): Promise<StrategyOutcome> {
    const blue = await this.deps.sides.service(context.target, context.deployment.stack!, s.blue!);
    await this.deps.sides.remove(context.target, blue);
    await context.step({ kind: DeploymentStepKind.REPLICAS, service: s.blue!, message: `blue (${s.blue}) scaled down and removed after the grace period`, data: { replicas: 0 } });
    await this.ledger(context, s.green!);
    return { status: DeploymentStatus.SUCCEEDED, reason: null };
  }

  private async firstDeploy(context: StrategyContext, o: BlueGreenOptions, s: BlueGreenState): Promise<StrategyOutcome> {
    if (s.trafficMode === TrafficMode.ROUTER) {
      const service = await this.deps.sides.service(context.target, context.deployment.stack!, s.green!);
      const servers = await weighted(context, this.deps.sides, [{ service, role: colorOf(s.green!), weight: 1 }], o.targetPort ?? null);
      await this.deps.routers.setBackends(context.principal, s.routeId!, servers);
      await context.step({ kind: DeploymentStepKind.TRAFFIC, service: s.green!, message: `traffic to ${s.green}: 100% over ${servers.length} server(s) (the first version)`, data: { trafficMode: s.trafficMode, weights: { [s.green!]: 100 } } });
    }
    await this.ledger(context, s.green!);
    return { status: DeploymentStatus.SUCCEEDED, reason: null };
  }

  /** Green never took traffic: it goes, blue stays as it was (and the other services return to the previous revision). */
  private async abortBeforeSwitch(context: StrategyContext, s: BlueGreenState, why: string, status: DeploymentStatus.ROLLED_BACK | DeploymentStatus.CANCELLED = DeploymentStatus.ROLLED_BACK): Promise<StrategyOutcome> {
    if (!s.blue) return { status: DeploymentStatus.FAILED, reason: `${why}; there was no earlier version to keep (the first one is left as it is)` };
    if (s.previewRouteId) await this.deps.routers.setBackends(context.principal, s.previewRouteId, []);
    const green = await this.deps.sides.service(context.target, context.deployment.stack!, s.green!);
    await this.deps.sides.remove(context.target, green);
    await context.step({ kind: DeploymentStepKind.PHASE, service: s.green!, message: `green (${s.green}) removed: ${why}; blue (${s.blue}) kept serving` });
    await restoreOthers(context, s.othersChanged === true, [s.blue, s.green!]);
    await this.ledger(context, s.blue);
    return { status, reason: `${why}; green removed, blue (${s.blue}) kept serving` };
  }

  /** services[] as Docker holds the stack now: the color that serves, the other services. */
  private async ledger(context: StrategyContext, serving: string): Promise<void> {
    const back = await context.tools.readBack(context.target, context.deployment.stack!);
    const services = back.services.map((x) => ({ ...x, outcome: x.name === serving ? 'SERVING' : 'CONVERGED' }));
    await context.save({ services, digests: back.digests, state: { ...context.deployment.state, serving } });
  }
}

/** The live color: the one the router sends traffic to when both run, else the one with replicas. */
function pickLive(running: SwarmServiceSnapshot[], serving: string[]): string | null {
  const up = running.filter((s) => (s.replicas ?? 0) > 0);
  if (up.length > 1 && serving.length) {
    const routed = up.find((s) => serving.includes(colorOf(s.name)));
    if (routed) return routed.name;
  }
  return up.sort((a, b) => (b.replicas ?? 0) - (a.replicas ?? 0))[0]?.name ?? null;
}
