import { TrafficRoute, TrafficRouter } from './router.entity';
import { TrafficRouterResolver } from './router.resolver';

/** The routers domain's tables and resolvers, registered by the ORM config and the schema as one list each. */
export const routerEntities = [TrafficRouter, TrafficRoute];
export const routerResolvers = [TrafficRouterResolver] as const;
