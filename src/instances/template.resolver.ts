import { Arg, Authorized, Ctx, Extensions, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { ContainerTemplate } from './template.entity';
import { ContainerTemplateInput } from './template.inputs';

const { DockerHostsRead: READ, DockerHostsManage: MANAGE } = Permission;

@Resolver(() => ContainerTemplate)
export class ContainerTemplateResolver {
  @Authorized(MANAGE)
  @Mutation(() => ContainerTemplate, { description: 'Judged by the workload policy now (host-reaching settings need docker.hosts.privileged) and again at every run' })
  createContainerTemplate(@Arg('input') input: ContainerTemplateInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.templates.create(principal, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => ContainerTemplate, { description: 'Replaces every setting and adds one to the version; runs record the version they used' })
  updateContainerTemplate(@Arg('id', () => ID) id: string, @Arg('input') input: ContainerTemplateInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.templates.update(principal, id, input);
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'ContainerTemplate' })
  @Mutation(() => ID, { description: 'Returns its id; past runs keep their copy of what they ran' })
  deleteContainerTemplate(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.templates.delete(principal, id);
  }

  @Authorized(READ)
  @Query(() => [ContainerTemplate])
  containerTemplates(@CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.templates.list(principal);
  }

  @Authorized(READ)
  @Query(() => ContainerTemplate, { description: 'NOT_FOUND when no template of your account has this id' })
  containerTemplate(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.templates.get(principal, id);
  }
}
