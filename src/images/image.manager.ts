import type { Principal } from '../auth/principal';
import { DomainError, InputError, NotFoundError } from '../common/errors';
import type { SyncedObjectStore } from '../db/synced-object.repository';
import type { DockerImages } from '../docker/docker.images';
import type { ImageDetails, ImageProgress, HostTarget } from '../docker/docker.types';
import type { HostManager } from '../hosts/host.manager';
import type { DockerHost } from '../hosts/host.entity';
import type { Logger } from '../log/logger';
import type { OperationRunner, OperationTask } from '../operations/operation.runner';
import type { RegistryCredentials } from '../registries/registry-credentials';
import type { OutboundPolicy } from '../security/outbound-policy';
import type { InventorySync } from '../sync/inventory.sync';
import { checkBuildSources } from './build-sources';
import { buildContext, type BuildFile } from './build-context';
import { ImageOperation, ImageOperationKind } from './image-operation.entity';
import type { ImageProgressPayload } from './image-operations.inputs';
import type { Image } from './image.entity';

export interface ImageManagerDeps {
  hosts: Pick<HostManager, 'operable'>;
  /** The Docker adapter. */
  docker: Pick<DockerImages, 'pull' | 'push' | 'build' | 'tag' | 'remove' | 'inspect'>;
  repository: SyncedObjectStore<Image>;
  registries: Pick<RegistryCredentials, 'authFor'>;
  /** Every registry and URL a daemon would fetch from goes through it first. */
  outbound: OutboundPolicy;
  sync: Pick<InventorySync, 'refresh'>;
  operations: OperationRunner;
  logger: Logger;
  /** How long a pull, push or build may run before its operation fails. */
  operationTimeoutMs: number;
}

export interface BuildImageInput {
  tags: string[];
  dockerfile?: string | null;
  files?: BuildFile[] | null;
  contextTarBase64?: string | null;
  buildArgs?: Record<string, string> | null;
  labels?: Record<string, string> | null;
}

const REFERENCE = /^[a-z0-9][a-z0-9._\-/:@]*$/i;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** Progress lines of one layer are published at most this often (Docker sends many per second). */
const PROGRESS_EVERY_MS = 100;

/**
 * The seed's ImageManager. Pull, push and build run as operations (src/operations): the mutation answers at once (or
 * at the end with `wait: true`), progress streams on `imageOperationProgress(operationId)`, and the operation row
 * keeps the final state. Registry credentials of the account are used for the registry the reference names.
 */
export class ImageManager {
  constructor(private readonly deps: ImageManagerDeps) {}

  async pull(principal: Principal, hostId: string, reference: string, wait: boolean): Promise<ImageOperation> {
    const ref = normalize(reference, 'reference');
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    await this.deps.outbound.checkImage(ref, 'reference');
    const auth = await this.deps.registries.authFor(principal.accountId, ref);
    return this.operate(host, ImageOperationKind.PULL, ref, wait, (progress) => this.deps.docker.pull(target, ref, auth, progress).then(() => ({})));
  }

  async push(principal: Principal, hostId: string, reference: string, wait: boolean): Promise<ImageOperation> {
    const ref = normalize(reference, 'reference');
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    await this.deps.outbound.checkImage(ref, 'reference');
    const auth = await this.deps.registries.authFor(principal.accountId, ref);
    return this.operate(host, ImageOperationKind.PUSH, ref, wait, (progress) => this.deps.docker.push(target, ref, auth, progress).then(() => ({})));
  }

  async build(principal: Principal, hostId: string, input: BuildImageInput, wait: boolean): Promise<ImageOperation> {
    if (input.tags.length === 0) throw new InputError('tags', 'needs at least one tag');
    const tags = input.tags.map((tag, i) => normalize(tag, `tags[${i}]`));
    const context = buildContext(input);
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    await checkBuildSources(this.deps.outbound, input);
    return this.operate(host, ImageOperationKind.BUILD, tags[0]!, wait, (progress) =>
      this.deps.docker.build(target, context, { tags, buildArgs: input.buildArgs, labels: input.labels }, progress).then((imageId) => ({ imageId })),
    );
  }

  async tag(principal: Principal, imageId: string, repository: string, tag: string): Promise<Image> {
    if (!REFERENCE.test(repository) || repository.includes('@')) throw new InputError('repository', 'must be an image repository, e.g. registry.local:5000/team/app');
    if (!TAG.test(tag)) throw new InputError('tag', 'may hold letters, digits, _ . - (up to 128)');
    const { image, target } = await this.image(principal, imageId);
    await this.deps.docker.tag(target, image.dockerId, repository, tag);
    await this.deps.sync.refresh(image.hostId, { kinds: ['image'] });
    return (await this.deps.repository.findOnHost(image.hostId, image.dockerId)) ?? image;
  }

  /**
   * Removes the image, or with `reference` one of its tags only (as `docker rmi name:tag` does; the image goes with
   * its last tag). An image with several tags or child images is a CONFLICT by id.
   */
  async remove(principal: Principal, imageId: string, force: boolean, reference?: string | null): Promise<string> {
    const { image, target } = await this.image(principal, imageId);
    if (reference != null && !image.repoTags.includes(reference)) throw new InputError('reference', `is not a tag of image ${image.dockerId.slice(7, 19)} (${image.repoTags.join(', ') || 'untagged'})`);
    await this.deps.docker.remove(target, reference ?? image.dockerId, force);
    await this.deps.sync.refresh(image.hostId, { kinds: ['image'] });
    return image.id;
  }

  async inspect(principal: Principal, imageId: string): Promise<ImageDetails & { image: Image }> {
    const { image, target } = await this.image(principal, imageId);
    return { ...(await this.deps.docker.inspect(target, image.dockerId)), image };
  }

  async operation(principal: Principal, id: string): Promise<ImageOperation> {
    const operation = await this.deps.operations.find(ImageOperation, principal.accountId, id);
    if (!operation) throw new NotFoundError('ImageOperation', id);
    return operation;
  }

  /** The operation's progress: its state now, then every message until the final one (at once if it already ended). */
  async progress(principal: Principal, id: string): Promise<AsyncIterable<ImageProgressPayload>> {
    await this.operation(principal, id);
    const messages = await this.deps.operations.follow(ImageOperation, principal.accountId, id);
    return (async function* () {
      for await (const { part, ...message } of messages) yield { ...message, layer: part };
    })();
  }

  private async operate(host: DockerHost, kind: ImageOperationKind, reference: string, wait: boolean, work: (progress: (p: ImageProgress) => void) => Promise<Pick<ImageOperation, 'imageId'>>): Promise<ImageOperation> {
    const task: OperationTask<ImageOperation> = async ({ operationId, progress }) => {
      const lastSent = new Map<string, number>();
      const thinned = (p: ImageProgress) => {
        const key = p.layer ?? '';
        const now = Date.now();
        if (p.current !== null && now - (lastSent.get(key) ?? 0) < PROGRESS_EVERY_MS) return;
        lastSent.set(key, now);
        progress({ message: p.message, part: p.layer, current: p.current, total: p.total });
      };
      try {
        const result = await work(thinned);
        await this.deps.sync.refresh(host.id, { kinds: ['image'] }).catch(() => undefined); // the next event or sync has it anyway
        return result;
      } catch (error) {
        // The Engine's own words may quote a remote server: they are for the operator, never the caller.
        if (error instanceof DomainError && error.details.engineMessage) this.deps.logger.warn({ operationId, kind, reference, engineMessage: error.details.engineMessage }, 'image operation failed');
        throw error;
      }
    };
    const operation = Object.assign(new ImageOperation(), { accountId: host.accountId, hostId: host.id, kind, reference });
    return this.deps.operations.run(operation, task, { timeoutMs: this.deps.operationTimeoutMs, wait });
  }

  private async image(principal: Principal, id: string): Promise<{ image: Image; target: HostTarget }> {
    const image = await this.deps.repository.findInAccount(principal.accountId, id);
    if (!image) throw new NotFoundError('Image', id);
    const { target } = await this.deps.hosts.operable(principal, image.hostId);
    return { image, target };
  }
}

/** A reference with an explicit tag: the Engine pulls EVERY tag of a repository named without one. */
function normalize(reference: string, field: string): string {
  const ref = reference.trim();
  if (!REFERENCE.test(ref) || ref.length > 512) throw new InputError(field, 'must be an image reference of up to 512 characters, e.g. registry.local:5000/team/app:1.0');
  const lastPart = ref.split('/').at(-1)!;
  return ref.includes('@') || lastPart.includes(':') ? ref : `${ref}:latest`;
}
