import type { Principal } from '../auth/principal';
import { InputError, NotFoundError } from '../common/errors';
import { isObjectName } from '../common/ids';
import type { SyncedObjectStore } from '../db/synced-object.repository';
import type { DockerObjects } from '../docker/docker.objects';
import type { HostTarget, VolumeDetails } from '../docker/docker.types';
import type { HostManager } from '../hosts/host.manager';
import type { WorkloadPolicy } from '../security/workload-policy';
import type { InventorySync } from '../sync/inventory.sync';
import type { Volume } from './volume.entity';

export interface VolumeManagerDeps {
  hosts: Pick<HostManager, 'operable'>;
  repository: SyncedObjectStore<Volume>;
  /** The Docker adapter. */
  objects: Pick<DockerObjects, 'createVolume' | 'removeVolume' | 'inspectVolume' | 'pruneVolumes'>;
  sync: Pick<InventorySync, 'refresh'>;
  policy: Pick<WorkloadPolicy, 'enforceVolume'>;
}

export interface VolumeSpec {
  name?: string | null;
  driver?: string | null;
  /** The local driver's `type`, `o`, `device`: mounting anything of the host's needs docker.hosts.privileged. */
  driverOpts?: Record<string, string> | null;
  labels?: Record<string, string> | null;
}

/** The seed's VolumeManager: create, remove, inspect, prune. */
export class VolumeManager {
  constructor(private readonly deps: VolumeManagerDeps) {}

  async create(principal: Principal, hostId: string, input: VolumeSpec): Promise<Volume> {
    if (input.name != null && !isObjectName(input.name)) throw new InputError('name', 'may hold letters, digits, _ . - (up to 128)');
    if (input.driver && input.driver !== 'local') throw new InputError('driver', 'only the local driver is supported');
    for (const [key, value] of Object.entries(input.driverOpts ?? {})) {
      if (typeof value !== 'string') throw new InputError(`driverOpts.${key}`, 'must be a string');
    }
    this.deps.policy.enforceVolume(principal, input);
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    const name = await this.deps.objects.createVolume(target, input);
    await this.deps.sync.refresh(host.id, { kinds: ['volume'] });
    const volume = await this.deps.repository.findOnHost(host.id, name);
    if (!volume) throw new NotFoundError('Volume', name);
    return volume;
  }

  async remove(principal: Principal, id: string, force: boolean): Promise<string> {
    const { volume, target } = await this.volume(principal, id);
    await this.deps.objects.removeVolume(target, volume.dockerId, force);
    await this.deps.sync.refresh(volume.hostId, { kinds: ['volume'] });
    return volume.id;
  }

  async inspect(principal: Principal, id: string): Promise<VolumeDetails & { volume: Volume }> {
    const { volume, target } = await this.volume(principal, id);
    return { ...(await this.deps.objects.inspectVolume(target, volume.dockerId)), volume };
  }

  /** Removes the host's unused volumes (those with the label, when given); reports what went and the space reclaimed. */
  async prune(principal: Principal, hostId: string, label?: string | null): Promise<{ removed: string[]; spaceReclaimedBytes: number }> {
    if (label != null && !/^[^=\s]+(=[^\s]*)?$/.test(label)) throw new InputError('label', 'must be "key" or "key=value"');
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    const result = await this.deps.objects.pruneVolumes(target, label);
    await this.deps.sync.refresh(host.id, { kinds: ['volume'] });
    return result;
  }

  private async volume(principal: Principal, id: string): Promise<{ volume: Volume; target: HostTarget }> {
    const volume = await this.deps.repository.findInAccount(principal.accountId, id);
    if (!volume) throw new NotFoundError('Volume', id);
    const { target } = await this.deps.hosts.operable(principal, volume.hostId);
    return { volume, target };
  }
}
