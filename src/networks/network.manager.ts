import type { Principal } from '../auth/principal';
import { InputError, NotFoundError } from '../common/errors';
import { isObjectName } from '../common/ids';
import type { Container } from '../containers/container.entity';
import type { SyncedObjectStore } from '../db/synced-object.repository';
import type { DockerObjects } from '../docker/docker.objects';
import type { HostTarget, NetworkDetails } from '../docker/docker.types';
import type { HostManager } from '../hosts/host.manager';
import type { InventorySync } from '../sync/inventory.sync';
import type { Network } from './network.entity';

export interface NetworkManagerDeps {
  hosts: Pick<HostManager, 'operable'>;
  networks: SyncedObjectStore<Network>;
  containers: SyncedObjectStore<Container>;
  /** The Docker adapter. */
  objects: Pick<DockerObjects, 'createNetwork' | 'removeNetwork' | 'connect' | 'disconnect' | 'inspectNetwork'>;
  sync: Pick<InventorySync, 'refresh'>;
}

/** The seed's NetworkManager: create, remove, connect and disconnect containers, inspect. */
export class NetworkManager {
  constructor(private readonly deps: NetworkManagerDeps) {}

  async create(principal: Principal, hostId: string, input: { name: string; driver?: string | null; internal?: boolean | null; attachable?: boolean | null; labels?: Record<string, string> | null }): Promise<Network> {
    if (!isObjectName(input.name)) throw new InputError('name', 'may hold letters, digits, _ . - (up to 128)');
    if (input.driver && !['bridge', 'overlay', 'macvlan', 'ipvlan'].includes(input.driver)) throw new InputError('driver', 'must be bridge, overlay, macvlan or ipvlan');
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    const dockerId = await this.deps.objects.createNetwork(target, input);
    await this.deps.sync.refresh(host.id, { kinds: ['network'] });
    return this.stored(host.id, dockerId);
  }

  async remove(principal: Principal, id: string): Promise<string> {
    const { network, target } = await this.network(principal, id);
    await this.deps.objects.removeNetwork(target, network.dockerId);
    await this.deps.sync.refresh(network.hostId, { kinds: ['network'] });
    return network.id;
  }

  async connect(principal: Principal, networkId: string, containerId: string, aliases?: string[] | null): Promise<Container> {
    const { network, container, target } = await this.pair(principal, networkId, containerId);
    await this.deps.objects.connect(target, network.dockerId, container.dockerId, aliases);
    return this.readBack(container);
  }

  async disconnect(principal: Principal, networkId: string, containerId: string, force: boolean): Promise<Container> {
    const { network, container, target } = await this.pair(principal, networkId, containerId);
    await this.deps.objects.disconnect(target, network.dockerId, container.dockerId, force);
    return this.readBack(container);
  }

  async inspect(principal: Principal, id: string): Promise<NetworkDetails & { network: Network }> {
    const { network, target } = await this.network(principal, id);
    return { ...(await this.deps.objects.inspectNetwork(target, network.dockerId)), network };
  }

  private async pair(principal: Principal, networkId: string, containerId: string) {
    const { network, target } = await this.network(principal, networkId);
    const container = await this.deps.containers.findInAccount(principal.accountId, containerId);
    if (!container) throw new NotFoundError('Container', containerId);
    if (container.hostId !== network.hostId) throw new InputError('containerId', 'is on another host than the network');
    return { network, container, target };
  }

  private async readBack(container: Container): Promise<Container> {
    await this.deps.sync.refresh(container.hostId, { containers: [container.dockerId] });
    return (await this.deps.containers.findInAccount(container.accountId, container.id)) ?? container;
  }

  private async network(principal: Principal, id: string): Promise<{ network: Network; target: HostTarget }> {
    const network = await this.deps.networks.findInAccount(principal.accountId, id);
    if (!network) throw new NotFoundError('Network', id);
    const { target } = await this.deps.hosts.operable(principal, network.hostId);
    return { network, target };
  }

  private async stored(hostId: string, dockerId: string): Promise<Network> {
    const network = await this.deps.networks.findOnHost(hostId, dockerId);
    if (!network) throw new NotFoundError('Network', dockerId);
    return network;
  }
}
