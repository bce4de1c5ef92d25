import { DomainError, ErrorCode } from '../../../src/common/errors';
import type { EngineSpec, SwarmSecretSnapshot, SwarmServiceSnapshot } from '../../../src/docker/swarm.types';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A manager's secrets, configs and services in memory, refusing what swarmkit refuses: a name taken (409), removing an
 * object a service spec references (400 "... is in use by the following service: x"), any data change. Every call
 * lands in `log`; `failUpdateOf` makes one service's update fail the way a manager can.
 */
export class FakeSwarmData {
  readonly objects = new Map<string, SwarmSecretSnapshot & { kind: 'secrets' | 'configs'; data: Buffer }>();
  readonly services = new Map<string, { dockerId: string; name: string; spec: EngineSpec }>();
  readonly log: string[] = [];
  failUpdateOf: string | null = null;
  private next = 1;

  addService(name: string, spec: EngineSpec): string {
    const dockerId = `svc-${this.next++}`;
    this.services.set(dockerId, { dockerId, name, spec: structuredClone(spec) });
    return dockerId;
  }

  private create(kind: 'secrets' | 'configs', spec: { name: string; data: Buffer; labels?: Record<string, string> | null }): string {
    if ([...this.objects.values()].some((o) => o.kind === kind && o.name === spec.name)) throw new DomainError(ErrorCode.CONFLICT, `${kind} ${spec.name} already exists`, { statusCode: 409 });
    const dockerId = `${kind.slice(0, 3)}-${this.next++}`;
    this.objects.set(dockerId, { kind, dockerId, name: spec.name, labels: { ...(spec.labels ?? {}) }, data: spec.data, versionIndex: 1, createdAt: null, updatedAt: null });
    this.log.push(`create ${kind.slice(0, -1)} ${spec.name}`);
    return dockerId;
  }

  private users(kind: 'secrets' | 'configs', dockerId: string): string[] {
    const [list, key] = kind === 'secrets' ? ['Secrets', 'SecretID'] : ['Configs', 'ConfigID'];
    return [...this.services.values()].filter((s) => ((s.spec as Json).TaskTemplate?.ContainerSpec?.[list] ?? []).some((r: Json) => r[key] === dockerId)).map((s) => s.name);
  }

  private remove(kind: 'secrets' | 'configs', dockerId: string): void {
    const object = this.objects.get(dockerId);
    if (!object) throw new DomainError(ErrorCode.NOT_FOUND, `removing: no such ${kind}`, { statusCode: 404 });
    const users = this.users(kind, dockerId);
    if (users.length) throw new DomainError(ErrorCode.BAD_USER_INPUT, `removing: rpc error: code = InvalidArgument desc = ${kind.slice(0, -1)} '${object.name}' is in use by the following service${users.length > 1 ? 's' : ''}: ${users.join(', ')}`, { statusCode: 400 });
    this.objects.delete(dockerId);
    this.log.push(`remove ${kind.slice(0, -1)} ${object.name}`);
  }

  private snapshot = (o: SwarmSecretSnapshot): SwarmSecretSnapshot => ({ dockerId: o.dockerId, name: o.name, labels: { ...o.labels }, versionIndex: o.versionIndex, createdAt: null, updatedAt: null });
  private list = (kind: 'secrets' | 'configs') => [...this.objects.values()].filter((o) => o.kind === kind).map(this.snapshot);
  private inspect = (kind: 'secrets' | 'configs', id: string) => {
    const o = this.objects.get(id);
    return o && o.kind === kind ? this.snapshot(o) : null;
  };
  private labels(id: string, labels: Record<string, string>): void {
    const o = this.objects.get(id);
    if (!o) throw new DomainError(ErrorCode.NOT_FOUND, 'no such object', { statusCode: 404 });
    o.labels = { ...labels };
    this.log.push(`labels ${o.name}`);
  }

  createSecret = async (_t: unknown, spec: { name: string; data: Buffer; labels?: Record<string, string> | null }) => this.create('secrets', spec);
  createConfig = async (_t: unknown, spec: { name: string; data: Buffer; labels?: Record<string, string> | null }) => this.create('configs', spec);
  inspectSecret = async (_t: unknown, id: string) => this.inspect('secrets', id);
  inspectConfig = async (_t: unknown, id: string) => this.inspect('configs', id);
  listSecrets = async () => this.list('secrets');
  listConfigs = async () => this.list('configs');
  updateSecretLabels = async (_t: unknown, id: string, labels: Record<string, string>) => this.labels(id, labels);
  updateConfigLabels = async (_t: unknown, id: string, labels: Record<string, string>) => this.labels(id, labels);
  removeSecret = async (_t: unknown, id: string) => this.remove('secrets', id);
  removeConfig = async (_t: unknown, id: string) => this.remove('configs', id);

  listServices = async (): Promise<SwarmServiceSnapshot[]> => [...this.services.values()].map((s) => ({ dockerId: s.dockerId, name: s.name, spec: structuredClone(s.spec) }) as SwarmServiceSnapshot);

  updateService = async (_t: unknown, id: string, mutate: (spec: EngineSpec) => EngineSpec) => {
    const service = this.services.get(id);
    if (!service) throw new DomainError(ErrorCode.NOT_FOUND, `no such service ${id}`, { statusCode: 404 });
    if (this.failUpdateOf === service.name) throw new DomainError(ErrorCode.DOCKER_API_ERROR, `updating service ${id}: rpc error: code = Unknown desc = raft: proposal dropped`, { statusCode: 500 });
    service.spec = mutate(structuredClone(service.spec));
    this.log.push(`update service ${service.name}`);
    return { warnings: [] };
  };
}
