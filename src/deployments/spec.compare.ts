import type { EngineSpec } from '../docker/swarm.types';

type Json = Record<string, unknown>;
type Reference = Json & { File?: { Name?: string } };

/**
 * The two sides of a plan brought to one vocabulary before they are diffed. A manager answers networks by id and
 * secret/config references with the id it resolved; the file names them. Comparing as-is would report every network
 * as changed (or, ignored, hide a real change), so both sides are read by name: networks by the names the swarm gives
 * their ids, references without their ids. Lists are sorted the way the compose converter sorts them.
 */
export function runningForDiff(spec: EngineSpec, networkNames: ReadonlyMap<string, string>): EngineSpec {
  const copy = structuredClone(spec) as Json;
  const template = copy.TaskTemplate as Json | undefined;
  if (!template) return copy as EngineSpec;
  if (Array.isArray(template.Networks)) {
    // An id the list does not know (a network removed since) stays an id: it reads as a change, which it is.
    template.Networks = sortedBy(
      (template.Networks as Json[]).map((n) => ({ ...n, Target: networkNames.get(String(n.Target)) ?? n.Target })),
      (n) => String(n.Target),
    );
  }
  withoutIds(template.ContainerSpec as Json | undefined);
  return copy as EngineSpec;
}

/**
 * The planned spec as the manager will hold it: the deployer fills secret/config ids in later, and swarmkit stores
 * update/rollback knobs as enums, so an order or failure action left out reads back as stop-first / pause.
 */
export function plannedForDiff(spec: EngineSpec): EngineSpec {
  const copy = structuredClone(spec) as Json;
  withoutIds((copy.TaskTemplate as Json | undefined)?.ContainerSpec as Json | undefined);
  for (const key of ['UpdateConfig', 'RollbackConfig']) {
    const config = copy[key] as Json | undefined;
    if (!config) continue;
    config.Order = config.Order || 'stop-first';
    config.FailureAction = config.FailureAction || 'pause';
    config.MaxFailureRatio = config.MaxFailureRatio ?? 0;
  }
  return copy as EngineSpec;
}

function withoutIds(container: Json | undefined): void {
  if (!container) return;
  for (const [list, id, name] of [['Secrets', 'SecretID', 'SecretName'], ['Configs', 'ConfigID', 'ConfigName']] as const) {
    if (!Array.isArray(container[list])) continue;
    const refs = (container[list] as Reference[]).map(({ [id]: _id, ...rest }) => rest as Reference);
    container[list] = sortedBy(refs, (r) => `${String(r[name])}\u0000${r.File?.Name ?? ''}`);
  }
}

function sortedBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
