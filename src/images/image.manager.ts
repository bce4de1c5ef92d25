import type { MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { DomainError, InputError, NotFoundError } from '../common/errors';
import { isId } from '../common/ids';
import type { DockerImages } from '../docker/docker.images';
import type { ImageDetails, ImageProgress, HostTarget } from '../docker/docker.types';
import type { HostManager } from '../hosts/host.manager';
import type { DockerHost } from '../hosts/host.entity';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import type { RegistryCredentials } from '../registries/registry-credentials';
import type { OutboundPolicy } from '../security/outbound-policy';
import type { InventorySync } from '../sync/inventory.sync';
import { checkBuildSources } from './build-sources';
import { buildContext, type BuildFile } from './build-context';
import { ImageOperation, ImageOperationKind, ImageOperationStatus } from './image-operation.entity';
import { Image } from './image.entity';
import { ImageTopic, type ImageProgressPayload } from './image.topics';

export interface ImageManagerDeps {
  orm: MikroORM;
  hosts: HostManager;
  images: DockerImages;
  registries: RegistryCredentials;
  /** Every registry and URL a daemon would fetch from goes through it first. */
  outbound: OutboundPolicy;
  sync: InventorySync;
  pubsub: PubSub;
  logger: Logger;
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
 * The seed's ImageManager. Pull, push and build run as operations: the mutation answers at once (or at the end with
 * `wait: true`), progress streams on `imageOperationProgress(operationId)`, and the operation row keeps the final
 * state. Registry credentials of the account are used for the registry the reference names.
 */
export class ImageManager {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly deps: ImageManagerDeps) {}

  async pull(principal: Principal, hostId: string, reference: string, wait: boolean): Promise<ImageOperation> {
    const ref = normalize(reference, 'reference');
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    await this.deps.outbound.checkImage(ref, 'reference');
    const auth = await this.deps.registries.authFor(principal.accountId, ref);
    return this.operate(host, ImageOperationKind.PULL, ref, wait, (progress) => this.deps.images.pull(target, ref, auth, progress).then(() => null));
  }

  async push(principal: Principal, hostId: string, reference: string, wait: boolean): Promise<ImageOperation> {
    const ref = normalize(reference, 'reference');
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    await this.deps.outbound.checkImage(ref, 'reference');
    const auth = await this.deps.registries.authFor(principal.accountId, ref);
    return this.operate(host, ImageOperationKind.PUSH, ref, wait, (progress) => this.deps.images.push(target, ref, auth, progress).then(() => null));
  }

  async build(principal: Principal, hostId: string, input: BuildImageInput, wait: boolean): Promise<ImageOperation> {
    if (input.tags.length === 0) throw new InputError('tags', 'needs at least one tag');
    const tags = input.tags.map((tag, i) => normalize(tag, `tags[${i}]`));
    const context = buildContext(input);
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    await checkBuildSources(this.deps.outbound, input);
    return this.operate(host, ImageOperationKind.BUILD, tags[0]!, wait, (progress) =>
      this.deps.images.build(target, context, { tags, buildArgs: input.buildArgs, labels: input.labels }, progress),
    );
  }

  async tag(principal: Principal, imageId: string, repository: string, tag: string): Promise<Image> {
    if (!REFERENCE.test(repository) || repository.includes('@')) throw new InputError('repository', 'must be an image repository, e.g. registry.local:5000/team/app');
    if (!TAG.test(tag)) throw new InputError('tag', 'may hold letters, digits, _ . - (up to 128)');
    const { image, target } = await this.image(principal, imageId);
    await this.deps.images.tag(target, image.dockerId, repository, tag);
    await this.deps.sync.refresh(image.hostId, { kinds: ['image'] });
    return (await this.deps.orm.em.fork().findOne(Image, { hostId: image.hostId, dockerId: image.dockerId })) ?? image;
  }

  /**
   * Removes the image, or with `reference` one of its tags only (as `docker rmi name:tag` does; the image goes with
   * its last tag). An image with several tags or child images is a CONFLICT by id.
   */
  async remove(principal: Principal, imageId: string, force: boolean, reference?: string | null): Promise<string> {
    const { image, target } = await this.image(principal, imageId);
    if (reference != null && !image.repoTags.includes(reference)) throw new InputError('reference', `is not a tag of image ${image.dockerId.slice(7, 19)} (${image.repoTags.join(', ') || 'untagged'})`);
    await this.deps.images.remove(target, reference ?? image.dockerId, force);
    await this.deps.sync.refresh(image.hostId, { kinds: ['image'] });
    return image.id;
  }

  async inspect(principal: Principal, imageId: string): Promise<ImageDetails & { image: Image }> {
    const { image, target } = await this.image(principal, imageId);
    return { ...(await this.deps.images.inspect(target, image.dockerId)), image };
  }

  async operation(principal: Principal, id: string): Promise<ImageOperation> {
    const operation = isId(id) ? await this.deps.orm.em.fork().findOne(ImageOperation, { id, accountId: principal.accountId }) : null;
    if (!operation) throw new NotFoundError('ImageOperation', id);
    return operation;
  }

  /** The operation's progress: its state now, then every message until the final one (at once if it already ended). */
  async progress(principal: Principal, id: string): Promise<AsyncIterable<ImageProgressPayload>> {
    await this.operation(principal, id);
    const channel = this.deps.pubsub.subscribe(ImageTopic.Progress, id);
    const current = await this.operation(principal, id); // read after subscribing: nothing falls between the two
    return (async function* () {
      try {
        yield snapshot(current);
        if (current.status !== ImageOperationStatus.RUNNING) return;
        for await (const message of channel) {
          yield message;
          if (message.done) return;
        }
      } finally {
        await channel.return();
      }
    })();
  }

  /** Waits for operations still running (shutdown). */
  async close(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async operate(host: DockerHost, kind: ImageOperationKind, reference: string, wait: boolean, work: (progress: (p: ImageProgress) => void) => Promise<string | null>): Promise<ImageOperation> {
    const em = this.deps.orm.em.fork();
    const operation = Object.assign(new ImageOperation(), { accountId: host.accountId, hostId: host.id, kind, reference });
    await em.persist(operation).flush();
    const lastSent = new Map<string, number>();
    const publish = (p: ImageProgress) => {
      const key = p.layer ?? '';
      const now = Date.now();
      if (p.current !== null && now - (lastSent.get(key) ?? 0) < PROGRESS_EVERY_MS) return;
      lastSent.set(key, now);
      operation.lastMessage = p.layer ? `${p.layer}: ${p.message}` : p.message;
      this.deps.pubsub.publish(ImageTopic.Progress, operation.id, { ...progressOf(operation), ...p, done: false });
    };
    const finished = (async () => {
      try {
        operation.imageId = await work(publish);
        operation.status = ImageOperationStatus.SUCCEEDED;
        await this.deps.sync.refresh(host.id, { kinds: ['image'] }).catch(() => undefined); // the next event or sync has it anyway
      } catch (error) {
        operation.status = ImageOperationStatus.FAILED;
        operation.error = error instanceof Error ? error.message : String(error);
        operation.errorCode = error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR';
        if (!(error instanceof DomainError)) this.deps.logger.error({ err: error, operationId: operation.id }, 'image operation crashed');
        // The Engine's own words may quote a remote server: they are for the operator, never the caller.
        else if (error.details.engineMessage) this.deps.logger.warn({ operationId: operation.id, kind, reference, engineMessage: error.details.engineMessage }, 'image operation failed');
      }
      operation.finishedAt = new Date();
      await em.flush().catch((error: unknown) => this.deps.logger.error({ err: error, operationId: operation.id }, 'image operation result not stored'));
      this.deps.pubsub.publish(ImageTopic.Progress, operation.id, { ...progressOf(operation), done: true });
    })();
    this.running.add(finished);
    void finished.finally(() => this.running.delete(finished));
    if (wait) await finished;
    return operation;
  }

  private async image(principal: Principal, id: string): Promise<{ image: Image; target: HostTarget }> {
    const image = await this.deps.orm.em.fork().getRepository(Image).findOneInAccount(principal.accountId, id);
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

function progressOf(operation: ImageOperation): ImageProgressPayload {
  return { operationId: operation.id, status: operation.status, message: operation.lastMessage ?? null, layer: null, current: null, total: null, done: false, error: operation.error ?? null, errorCode: operation.errorCode ?? null, at: new Date() };
}

function snapshot(operation: ImageOperation): ImageProgressPayload {
  return { ...progressOf(operation), done: operation.status !== ImageOperationStatus.RUNNING };
}

