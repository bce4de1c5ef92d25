import { DomainError, ErrorCode } from '../../../src/common/errors';
import type { NetworkSnapshot } from '../../../src/docker/docker.types';
import type { EngineSpec, SwarmSecretSnapshot, SwarmServiceSnapshot } from '../../../src/docker/swarm.types';

/**
 * A swarm manager's objects in memory, for the stack deployer's rules: every write goes into `log` (in order), specs
 * are kept as sent, and a secret's data as the Engine keeps it (compared on update, as swarmkit does).
 */
export class FakeSwarm {
  readonly log: string[] = [];
  manager = true;
  services = new Map<string, { snapshot: SwarmServiceSnapshot; spec: EngineSpec }>();
  networks = new Map<string, NetworkSnapshot>();
  data = new Map<string, { snapshot: SwarmSecretSnapshot; data: string | undefined }>();
  /** Images the "registry" knows: image -> digest. */
  registry = new Map<string, string>();
  registryQueries: string[] = [];
  private next = 1;

  swarmInfo = async () => ({ controlAvailable: this.manager }) as never;
  inspectNetwork = async (_t: unknown, name: string) => this.networks.get(name) ?? null;
  listSwarmNetworks = async (_t: unknown, filter: { labels?: string[] } = {}) => [...this.networks.values()].filter((n) => matches(n.labels, filter));
  createNetwork = async (_t: unknown, spec: { Name: string; Labels?: Record<string, string> }) => {
    this.log.push(`create network ${spec.Name}`);
    const id = `net${this.next++}`;
    this.networks.set(spec.Name, { dockerId: id, name: spec.Name, driver: 'overlay', scope: 'swarm', internal: false, attachable: false, labels: spec.Labels ?? {}, createdAt: null });
    return id;
  };
  inspectSecret = async (_t: unknown, name: string) => this.data.get(`secrets/${name}`)?.snapshot ?? null;
  inspectConfig = async (_t: unknown, name: string) => this.data.get(`configs/${name}`)?.snapshot ?? null;
  createSecret = async (_t: unknown, spec: { name: string; data?: Buffer | null; labels?: Record<string, string> | null }) => this.createData('secrets', spec);
  createConfig = async (_t: unknown, spec: { name: string; data?: Buffer | null; labels?: Record<string, string> | null }) => this.createData('configs', spec);
  replaceDataSpec = async (_t: unknown, kind: 'secrets' | 'configs', id: string, spec: { labels: Record<string, string>; data?: Buffer | null }) => {
    const entry = [...this.data.entries()].find(([key, v]) => key.startsWith(kind) && v.snapshot.dockerId === id)![1];
    if (spec.data && spec.data.toString('base64') !== entry.data) {
      throw new DomainError(ErrorCode.DOCKER_API_ERROR, `updating ${kind.slice(0, -1)} ${id}: rpc error: code = InvalidArgument desc = only updates to Labels are allowed`, { statusCode: 400 });
    }
    this.log.push(`update ${kind.slice(0, -1)} ${entry.snapshot.name}`);
    entry.snapshot = { ...entry.snapshot, labels: spec.labels, versionIndex: entry.snapshot.versionIndex + 1 };
  };
  listServices = async (_t: unknown, filter: { labels?: string[] } = {}) => [...this.services.values()].map((s) => s.snapshot).filter((s) => matches(s.labels, filter));
  inspectService = async (_t: unknown, id: string) => this.services.get(id)?.snapshot ?? null;
  createService = async (_t: unknown, spec: EngineSpec) => {
    this.log.push(`create service ${String(spec.Name)}`);
    const id = `svc${this.next++}`;
    this.services.set(id, { spec: structuredClone(spec), snapshot: snapshotOf(id, spec) });
    return { id, warnings: [] };
  };
  updateService = async (_t: unknown, id: string, mutate: (spec: EngineSpec) => EngineSpec) => {
    const current = this.services.get(id)!;
    const spec = mutate(structuredClone(current.spec));
    this.log.push(`update service ${String(spec.Name)}`);
    this.services.set(id, { spec: structuredClone(spec), snapshot: snapshotOf(id, spec) });
    return { warnings: [] };
  };
  removeService = async (_t: unknown, id: string) => {
    this.log.push(`remove service ${this.services.get(id)!.snapshot.name}`);
    this.services.delete(id);
  };
  distributionInspect = async (_t: unknown, image: string) => {
    this.registryQueries.push(image);
    const digest = this.registry.get(image);
    if (!digest) throw new DomainError(ErrorCode.DOCKER_API_ERROR, 'manifest unknown', { statusCode: 404 });
    return { digest, platforms: [{ os: 'linux', architecture: 'amd64' }, { os: 'unknown', architecture: 'unknown' }] };
  };

  private createData(kind: 'secrets' | 'configs', spec: { name: string; data?: Buffer | null; labels?: Record<string, string> | null }) {
    this.log.push(`create ${kind.slice(0, -1)} ${spec.name}`);
    const id = `${kind.slice(0, 3)}${this.next++}`;
    this.data.set(`${kind}/${spec.name}`, { snapshot: { dockerId: id, name: spec.name, labels: spec.labels ?? {}, versionIndex: 1, createdAt: null, updatedAt: null }, data: spec.data?.toString('base64') });
    return id;
  }
}

function matches(labels: Record<string, string>, filter: { labels?: string[] }): boolean {
  return (filter.labels ?? []).every((l) => {
    const [key, value] = l.split('=');
    return value === undefined ? key! in labels : labels[key!] === value;
  });
}

function snapshotOf(id: string, spec: EngineSpec): SwarmServiceSnapshot {
  return { dockerId: id, name: String(spec.Name), labels: (spec.Labels as Record<string, string>) ?? {}, spec: structuredClone(spec) } as SwarmServiceSnapshot;
}
