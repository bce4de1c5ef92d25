import { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { Permission } from '../../../src/auth/permissions';
import type { Principal } from '../../../src/auth/principal';
import { DomainError, ErrorCode } from '../../../src/common/errors';
import { KeyRing } from '../../../src/crypto/cipher';
import { ormConfig } from '../../../src/db/orm';
import { pageOf, type Page } from '../../../src/db/pagination';
import { HostCredentials } from '../../../src/hosts/host-credentials';
import { afterCheck, isSyncable } from '../../../src/hosts/host-health';
import { DockerHost } from '../../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../../src/hosts/host.enums';
import { HostManager, type HostManagerDeps } from '../../../src/hosts/host.manager';
import type { HostStore } from '../../../src/hosts/host.repository';
import type { Topics } from '../../../src/pubsub/pubsub';
import type { SyncResult } from '../../../src/sync/inventory.sync';
import { recordingLogger } from './operations.fake';

/** Entity metadata only (host snapshots are made with MikroORM's toPOJO); nothing connects to a database. */
export function withEntityMetadata(): void {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await MikroORM.init({ ...ormConfig({ clientUrl: 'postgresql://unused.invalid/none', poolMax: 1 }), connect: false });
  });
  afterAll(() => orm.close());
}

export function principalIn(accountId: string, ...permissions: Permission[]): Principal {
  return { userId: `user-of-${accountId}`, accountId, permissions: new Set(permissions), expiresAt: Number.MAX_SAFE_INTEGER, issuedAt: null };
}

export const keyRing = (activeKeyId = 'k1', ...older: string[]) =>
  new KeyRing({ keys: new Map([activeKeyId, ...older].map((id) => [id, randomBytes(32)])), activeKeyId });

/** HostStore in memory. Rows are copies, so the manager sees only what it saved, as with the database. */
export class FakeHostStore implements HostStore {
  readonly rows = new Map<string, DockerHost>();
  /** A racing writer takes the name between `nameTaken` and the write. */
  nameRace = false;

  add(fields: Partial<DockerHost> & Pick<DockerHost, 'accountId'>): DockerHost {
    const host = Object.assign(new DockerHost(), { name: `h-${this.rows.size}`, apiEndpoint: 'tcp://docker:2375', environment: HostEnvironment.DEVELOPMENT, tlsVerify: false, status: HostStatus.CONNECTED }, fields);
    this.rows.set(host.id, copy(host));
    return copy(host);
  }

  row(id: string): DockerHost | undefined {
    return this.rows.get(id);
  }

  async findInAccount(accountId: string, id: string) {
    const row = this.rows.get(id);
    return row?.accountId === accountId ? copy(row) : null;
  }

  async findManyInAccount(accountId: string, ids: readonly string[]) {
    return ids.map((id) => this.rows.get(id)).filter((row): row is DockerHost => row?.accountId === accountId).map(copy);
  }

  async findBySwarmNodes(accountId: string, nodeIds: readonly string[]) {
    return [...this.rows.values()].filter((row) => row.accountId === accountId && row.swarmNodeId != null && nodeIds.includes(row.swarmNodeId)).map(copy);
  }

  async page(accountId: string): Promise<Page<DockerHost>> {
    const nodes = [...this.rows.values()].filter((row) => row.accountId === accountId).map(copy);
    return pageOf(nodes, nodes.length, 'name');
  }

  async nameTaken(accountId: string, name: string, exceptId?: string) {
    return [...this.rows.values()].some((row) => row.accountId === accountId && row.name === name && row.id !== exceptId);
  }

  async insert(host: DockerHost) {
    return this.write(host);
  }

  async save(host: DockerHost) {
    return this.write(host);
  }

  async remove(host: DockerHost) {
    this.rows.delete(host.id);
  }

  async findSealedWithOtherKey(activeKeyId: string) {
    return [...this.rows.values()].filter((row) => row.encryptedTlsCredentials && !row.encryptedTlsCredentials.startsWith(`v1.${activeKeyId}.`)).map(copy);
  }

  async replaceSealed(id: string, expected: string, sealed: string) {
    const row = this.rows.get(id);
    if (row?.encryptedTlsCredentials !== expected) return false;
    row.encryptedTlsCredentials = sealed;
    return true;
  }

  private async write(host: DockerHost): Promise<boolean> {
    if (this.nameRace || (await this.nameTaken(host.accountId, host.name, host.id))) return false;
    this.rows.set(host.id, copy(host));
    return true;
  }
}

/**
 * The check a full sync makes, as the HostManager sees it: the row as it is when the sync runs, one health
 * transition (the real rule), the failure's words in lastError. `down` holds the endpoints that do not answer.
 */
export class FakeHostChecks {
  readonly down = new Set<string>();
  /** Each check: the host and its status in the store when the sync read it. */
  readonly checks: Array<{ hostId: string; statusThen: HostStatus }> = [];

  constructor(private readonly store: FakeHostStore) {}

  fullSync = async (hostId: string): Promise<SyncResult<DockerHost>> => {
    const row = this.store.row(hostId);
    if (row) this.checks.push({ hostId, statusThen: row.status });
    if (!row || !isSyncable(row)) return { scope: row ? copy(row) : null, ok: false, skipped: true, written: 0, published: 0 };
    const ok = !this.down.has(row.apiEndpoint);
    Object.assign(row, afterCheck(row, ok));
    row.lastError = ok ? null : `cannot reach ${row.apiEndpoint}: connection refused`;
    row.lastErrorCode = ok ? null : ErrorCode.HOST_UNREACHABLE;
    const error = ok ? undefined : new DomainError(ErrorCode.HOST_UNREACHABLE, row.lastError!);
    return { scope: copy(row), ok, error, skipped: false, written: 0, published: 0 };
  };
}

/** PubSub as a list of what was published. */
export class RecordingPubSub {
  readonly messages: Array<{ topic: keyof Topics; args: unknown[] }> = [];

  publish<K extends keyof Topics>(topic: K, ...args: Topics[K]): void {
    this.messages.push({ topic, args });
  }

  of<K extends keyof Topics>(topic: K): unknown[][] {
    return this.messages.filter((m) => m.topic === topic).map((m) => m.args);
  }
}

export function hostManagerOnFakes(overrides: Partial<HostManagerDeps> = {}) {
  const store = new FakeHostStore();
  const checks = new FakeHostChecks(store);
  const pubsub = new RecordingPubSub();
  const evicted: string[] = [];
  const log = recordingLogger();
  const deps: HostManagerDeps = {
    repository: store,
    docker: { evict: (hostId) => void evicted.push(hostId) },
    credentials: new HostCredentials(keyRing()),
    sync: checks,
    pubsub,
    logger: log.logger,
    policy: { allowUnixSockets: false, coarseEndpointErrors: false },
    ...overrides,
  };
  return { hosts: new HostManager(deps), store, checks, pubsub, evicted, log };
}

function copy<T extends object>(row: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(row) as object) as T, row);
}
