import { TaskCallbackDelivery, TaskCallbackSecret } from './task-callback.entity';
import { TaskCallbackResolver } from './task-callback.resolver';

/** The linked-tasks domain's tables and resolvers, registered by the ORM config and the schema as one list each. */
export const taskCallbackEntities = [TaskCallbackDelivery, TaskCallbackSecret];
export const taskCallbackResolvers = [TaskCallbackResolver] as const;
