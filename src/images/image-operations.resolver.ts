import { Arg, Authorized, Ctx, Extensions, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { RegistryCredential } from '../registries/registry-credential.entity';
import { ImageOperation } from './image-operation.entity';
import { BuildImageInput, ImageDetailsType, ImageProgressMessage, SetRegistryCredentialInput, type ImageProgressPayload } from './image-operations.inputs';
import { Image } from './image.entity';

const { DockerHostsRead: READ, DockerHostsManage: MANAGE } = Permission;
const WAIT = { nullable: true, description: 'Answer when the operation has ended (default: at once, with status RUNNING)' };

/** The seed's ImageManager, and the account's registry credentials. */
@Resolver()
export class ImageOperationsResolver {
  @Authorized(MANAGE)
  @Mutation(() => ImageOperation, { description: 'Progress on imageOperationProgress(operationId); credentials for the registry are used when set' })
  pullImage(@Arg('hostId', () => ID) hostId: string, @Arg('reference') reference: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext, @Arg('wait', () => Boolean, WAIT) wait?: boolean | null) {
    return ctx.services.images.pull(principal, hostId, reference, Boolean(wait));
  }

  @Authorized(MANAGE)
  @Mutation(() => ImageOperation)
  pushImage(@Arg('hostId', () => ID) hostId: string, @Arg('reference') reference: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext, @Arg('wait', () => Boolean, WAIT) wait?: boolean | null) {
    return ctx.services.images.push(principal, hostId, reference, Boolean(wait));
  }

  @Authorized(MANAGE)
  @Mutation(() => ImageOperation)
  buildImage(@Arg('hostId', () => ID) hostId: string, @Arg('input') input: BuildImageInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext, @Arg('wait', () => Boolean, WAIT) wait?: boolean | null) {
    return ctx.services.images.build(principal, hostId, input, Boolean(wait));
  }

  @Authorized(MANAGE)
  @Mutation(() => Image, { description: 'Adds repository:tag to the image' })
  tagImage(@Arg('id', () => ID) id: string, @Arg('repository') repository: string, @Arg('tag') tag: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.images.tag(principal, id, repository, tag);
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'Image' })
  @Mutation(() => ID, { description: 'CONFLICT when a container uses it, or by id when it has several tags (unless force); with reference, removes that tag only' })
  removeImage(
    @Arg('id', () => ID) id: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('force', () => Boolean, { nullable: true }) force?: boolean | null,
    @Arg('reference', () => String, { nullable: true, description: 'One of repoTags: untag only' }) reference?: string | null,
  ) {
    return ctx.services.images.remove(principal, id, Boolean(force), reference);
  }

  @Authorized(READ)
  @Query(() => ImageDetailsType, { description: 'Inspects the image on its host now' })
  async image(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    const { image, ...details } = await ctx.services.images.inspect(principal, id);
    return { ...details, id: image.id, hostId: image.hostId };
  }

  @Authorized(READ)
  @Query(() => ImageOperation)
  imageOperation(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.images.operation(principal, id);
  }

  @Authorized(READ)
  @Subscription(() => ImageProgressMessage, {
    description: 'The operation\'s state now, then its progress, ending with a message where done is true',
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.images.progress(ctx.principal!, args.operationId as string);
    },
  })
  imageOperationProgress(@Root() message: ImageProgressPayload, @Arg('operationId', () => ID) _operationId: string): ImageProgressPayload {
    return message;
  }

  @Authorized(MANAGE)
  @Mutation(() => RegistryCredential, { description: 'Stores (or replaces) the account\'s credentials for one registry' })
  setRegistryCredential(@Arg('input') input: SetRegistryCredentialInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.registries.set(principal, input);
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'RegistryCredential' })
  @Mutation(() => ID)
  deleteRegistryCredential(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.registries.delete(principal, id);
  }

  @Authorized(READ)
  @Query(() => [RegistryCredential], { description: 'Which registries have credentials (never the passwords)' })
  registryCredentials(@CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.registries.list(principal);
  }
}
