import { Arg, Authorized, Ctx, Extensions, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { liveDockerStream } from '../graphql/subscriptions';
import { Container } from './container.entity';
import { ContainerLogLine, ContainerLogs, ContainerStatsFrame, CreateContainerInput, ExecResultType } from './container-spec.inputs';

const { DockerHostsRead: READ, DockerHostsManage: MANAGE } = Permission;

/** Container operations (the seed's ContainerManager): each answer already reflects the result in the inventory. */
@Resolver()
export class ContainerOperationsResolver {
  @Authorized(MANAGE)
  @Mutation(() => Container, { description: 'HOST_UNAVAILABLE unless the host is CONNECTED; host-reaching settings need docker.hosts.privileged' })
  createContainer(@Arg('hostId', () => ID) hostId: string, @Arg('input') input: CreateContainerInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.containers.create(principal, hostId, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => Container)
  startContainer(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.containers.start(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => Container)
  stopContainer(
    @Arg('id', () => ID) id: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('timeoutSeconds', () => Int, { nullable: true, description: 'Before SIGKILL; the container\'s own default when left out' }) timeoutSeconds?: number | null,
  ) {
    return ctx.services.containers.stop(principal, id, timeoutSeconds);
  }

  @Authorized(MANAGE)
  @Mutation(() => Container)
  restartContainer(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.containers.restart(principal, id);
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'Container' })
  @Mutation(() => ID, { description: 'CONFLICT for a running container unless force' })
  removeContainer(
    @Arg('id', () => ID) id: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('force', () => Boolean, { nullable: true }) force?: boolean | null,
    @Arg('removeVolumes', () => Boolean, { nullable: true }) removeVolumes?: boolean | null,
  ) {
    return ctx.services.containers.remove(principal, id, { force, removeVolumes });
  }

  @Authorized(MANAGE)
  @Mutation(() => ExecResultType, { description: 'Runs a command in a running container and waits for it (default timeout 60 s). Entering a container that reaches into its host needs docker.hosts.privileged' })
  execInContainer(
    @Arg('id', () => ID) id: string,
    @Arg('command', () => [String]) command: string[],
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('env', () => [String], { nullable: true }) env?: string[] | null,
    @Arg('workingDir', () => String, { nullable: true }) workingDir?: string | null,
    @Arg('user', () => String, { nullable: true, description: "In a container that does not run as root: its own user or a numeric non-root uid[:gid]; anything else needs docker.hosts.privileged" }) user?: string | null,
    @Arg('timeoutSeconds', () => Int, { nullable: true }) timeoutSeconds?: number | null,
  ) {
    return ctx.services.containers.exec(principal, id, { command, env, workingDir, user, timeoutSeconds });
  }

  @Authorized(READ)
  @Query(() => ContainerLogs, { description: 'Logs so far, stdout and stderr apart (1 MiB each at most)' })
  containerLogs(
    @Arg('id', () => ID) id: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('tail', () => Int, { nullable: true }) tail?: number | null,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('until', () => Date, { nullable: true }) until?: Date | null,
    @Arg('timestamps', () => Boolean, { nullable: true }) timestamps?: boolean | null,
  ) {
    return ctx.services.containers.logs(principal, id, { tail, since, until, timestamps });
  }

  @Authorized(READ)
  @Subscription(() => ContainerLogLine, {
    description: 'New log lines of a container as they are written (STREAM_LIMIT_REACHED past the live-stream limits)',
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return liveDockerStream(ctx, () => ctx.services.containers.followLogs(ctx.principal!, args.id as string, { timestamps: args.timestamps as boolean | null }));
    },
  })
  containerLogStream(
    @Root() line: ContainerLogLine,
    @Arg('id', () => ID) _id: string,
    @Arg('timestamps', () => Boolean, { nullable: true }) _timestamps?: boolean | null,
  ): ContainerLogLine {
    return line;
  }

  @Authorized(READ)
  @Subscription(() => ContainerStatsFrame, {
    description: 'Resource use of a running container, one frame a second (STREAM_LIMIT_REACHED past the live-stream limits)',
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return liveDockerStream(ctx, () => ctx.services.containers.followStats(ctx.principal!, args.id as string));
    },
  })
  containerStats(@Root() frame: ContainerStatsFrame, @Arg('id', () => ID) _id: string): ContainerStatsFrame {
    return frame;
  }
}
