import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { auditMutations } from '../activities/activity.audit';
import { ActivityResolver } from '../activities/activity.resolver';
import { HostResolver } from '../hosts/host.resolver';
import type { PubSub } from '../pubsub/pubsub';
import { authChecker } from './auth';

export const resolvers = [HostResolver, ActivityResolver] as const;

/** The whole API. Pure: the same call emits schema.graphql and serves requests. */
export async function buildAppSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    pubSub,
    authChecker,
    // Input rules live in the domain (one place per rule, also used by workers and the CLI), not in class-validator.
    validate: false,
    emitSchemaFile: false,
  });
  return auditMutations(schema);
}
