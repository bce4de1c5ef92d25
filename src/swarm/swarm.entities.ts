import { SwarmCluster } from './cluster.entity';
import { ClusterObject, ClusterOwned } from './cluster-object.entity';
import { SwarmNode } from './node.entity';
import { SwarmConfig, SwarmDataObject, SwarmSecret } from './secret.entity';
import { SwarmService } from './service.entity';
import { SwarmEvent } from './swarm-event.entity';
import { SwarmNetwork } from './swarm-network.entity';
import { SwarmTask } from './task.entity';
import { StackOperation } from '../stacks/stack-operation.entity';

/** The swarm domain's tables (registered by the ORM config as one list). */
export const swarmEntities = [SwarmCluster, ClusterOwned, ClusterObject, SwarmNode, SwarmService, SwarmTask, SwarmDataObject, SwarmSecret, SwarmConfig, SwarmNetwork, SwarmEvent, StackOperation];
