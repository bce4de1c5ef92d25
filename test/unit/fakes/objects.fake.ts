import { DomainError, ErrorCode } from '../../../src/common/errors';
import { operationError } from '../../../src/docker/docker.errors';

/**
 * The Docker adapter for networks and volumes: each call goes into the shared log; a name in `inUse` is refused the
 * way the Engine refuses it (409, or 403 for a network with active endpoints), through the adapter's own mapping.
 */
export class FakeDockerObjects {
  readonly inUse = new Set<string>();
  constructor(private readonly log: string[]) {}

  private refuseInUse(dockerId: string, doing: string, statusCode: number): void {
    if (!this.inUse.has(dockerId)) return;
    throw operationError(new DomainError(ErrorCode.DOCKER_API_ERROR, 'engine said no', { statusCode, engineMessage: `${dockerId} is in use` }), doing);
  }

  createNetwork = async (_target: unknown, spec: { name: string }) => (this.log.push(`docker create network ${spec.name}`), `net-${spec.name}`);
  removeNetwork = async (_target: unknown, dockerId: string) => {
    this.refuseInUse(dockerId, `removing network ${dockerId}`, 403);
    this.log.push(`docker remove network ${dockerId}`);
  };
  connect = async (_target: unknown, networkId: string, containerId: string) => void this.log.push(`docker connect ${containerId} to ${networkId}`);
  disconnect = async (_target: unknown, networkId: string, containerId: string) => void this.log.push(`docker disconnect ${containerId} from ${networkId}`);
  inspectNetwork = async () => ({}) as never;

  createVolume = async (_target: unknown, spec: { name?: string | null }) => (this.log.push(`docker create volume ${spec.name ?? ''}`.trim()), spec.name ?? 'anonymous-1');
  removeVolume = async (_target: unknown, name: string) => {
    this.refuseInUse(name, `removing volume ${name}`, 409);
    this.log.push(`docker remove volume ${name}`);
  };
  inspectVolume = async () => ({}) as never;
  pruneVolumes = async (_target: unknown, label?: string | null) => (this.log.push(`docker prune volumes ${label ?? ''}`.trim()), { removed: ['old'], spaceReclaimedBytes: 10 });
}
