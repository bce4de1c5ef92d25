import { Arg, Authorized, Ctx, Extensions, FieldResolver, ID, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { SwarmConfig, SwarmSecret, type SwarmDataObject } from './secret.entity';
import { CreateSwarmConfigInput, CreateSwarmSecretInput, DATA, DATA_BASE64, rotationType, UpdateSwarmConfigInput, UpdateSwarmSecretInput } from './secret.inputs';
import { SwarmService } from './service.entity';

const { SwarmClustersRead: READ, SwarmClustersManage: MANAGE } = Permission;

export const SwarmSecretRotation = rotationType(SwarmSecret, 'SwarmSecretRotation', 'secret');
export const SwarmConfigRotation = rotationType(SwarmConfig, 'SwarmConfigRotation', 'config');

interface KindApi {
  /** Secret | Config: the GraphQL names are built from it. */
  word: 'Secret' | 'Config';
  Type: ClassType<SwarmDataObject>;
  CreateInput: ClassType;
  UpdateInput: ClassType;
  Rotation: ClassType;
  manager: (ctx: GraphQLContext) => GraphQLContext['services']['secrets'];
  users: (ctx: GraphQLContext) => GraphQLContext['loaders']['secretUsers'];
}

/** One resolver shape for both kinds: query, create, label update, remove, rotate, and `usedBy`. */
function dataObjectResolver(api: KindApi) {
  const { word, Type } = api;
  @Resolver(() => Type)
  class DataObjectResolver {
    @Authorized(READ)
    @Query(() => Type, { name: `swarm${word}`, description: `NOT_FOUND when no ${word.toLowerCase()} of your account has this id. Its data is never returned.` })
    one(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
      return api.manager(ctx).get(principal, id);
    }

    @Authorized(MANAGE)
    @Mutation(() => Type, { name: `createSwarm${word}`, description: 'BAD_USER_INPUT naming the field for a bad name, data or labels; CONFLICT when the name is taken' })
    create(@Arg('clusterId', () => ID) clusterId: string, @Arg('input', () => api.CreateInput) input: InstanceType<typeof CreateSwarmSecretInput>, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
      return api.manager(ctx).create(principal, clusterId, input);
    }

    @Authorized(MANAGE)
    @Mutation(() => Type, { name: `updateSwarm${word}`, description: 'Labels only: Docker refuses any other change (use rotate for new data)' })
    update(@Arg('id', () => ID) id: string, @Arg('input', () => api.UpdateInput) input: InstanceType<typeof UpdateSwarmSecretInput>, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
      return api.manager(ctx).updateLabels(principal, id, input);
    }

    @Authorized(MANAGE)
    @Extensions({ auditTarget: `Swarm${word}` })
    @Mutation(() => ID, { name: `removeSwarm${word}`, description: 'CONFLICT naming the services that use it; returns its id' })
    remove(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
      return api.manager(ctx).remove(principal, id);
    }

    @Authorized(MANAGE)
    @Mutation(() => api.Rotation, {
      name: `rotateSwarm${word}`,
      description: 'New data: a new version `<base>.v<n>`, every service using this one re-pointed to it (same file inside the tasks), then this one removed. A failure midway names what was re-pointed and keeps this one.',
    })
    async rotate(
      @Arg('id', () => ID) id: string,
      @CurrentPrincipal() principal: Principal,
      @Ctx() ctx: GraphQLContext,
      @Arg('data', () => String, { nullable: true, description: DATA }) data?: string | null,
      @Arg('dataBase64', () => String, { nullable: true, description: DATA_BASE64 }) dataBase64?: string | null,
      @Arg('keepPrevious', () => Boolean, { nullable: true, description: 'Keep the old version: a rollback of a re-pointed service returns to a spec that names it (Docker does not check it exists; its tasks would fail). Remove it later.' })
      keepPrevious?: boolean | null,
    ) {
      return api.manager(ctx).rotate(principal, id, { data, dataBase64, keepPrevious });
    }

    @FieldResolver(() => [SwarmService], { description: 'The services whose specs use it (as last synced)' })
    usedBy(@Root() object: SwarmDataObject, @Ctx() ctx: GraphQLContext) {
      return api.users(ctx).load(object);
    }
  }
  Object.defineProperty(DataObjectResolver, 'name', { value: `Swarm${word}Resolver` });
  return DataObjectResolver;
}

export const SwarmSecretResolver = dataObjectResolver({
  word: 'Secret',
  Type: SwarmSecret,
  CreateInput: CreateSwarmSecretInput,
  UpdateInput: UpdateSwarmSecretInput,
  Rotation: SwarmSecretRotation,
  manager: (ctx) => ctx.services.secrets,
  users: (ctx) => ctx.loaders.secretUsers,
});

export const SwarmConfigResolver = dataObjectResolver({
  word: 'Config',
  Type: SwarmConfig,
  CreateInput: CreateSwarmConfigInput,
  UpdateInput: UpdateSwarmConfigInput,
  Rotation: SwarmConfigRotation,
  manager: (ctx) => ctx.services.configs,
  users: (ctx) => ctx.loaders.configUsers,
});

/** The other way round: what a service's spec references. */
@Resolver(() => SwarmService)
export class SwarmServiceSecretsResolver {
  @FieldResolver(() => [SwarmSecret], { description: 'The secrets its spec references (those the store knows)' })
  secrets(@Root() service: SwarmService, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.serviceSecrets.load(service);
  }

  @FieldResolver(() => [SwarmConfig], { description: 'The configs its spec references (those the store knows)' })
  configs(@Root() service: SwarmService, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.serviceConfigs.load(service);
  }
}
