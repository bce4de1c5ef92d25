import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Activity } from '../activities/activity.entity';
import { TokenRevocation } from '../auth/token-revocation.entity';
import { Container } from '../containers/container.entity';
import { DockerEvent, EngineEventRecord } from '../events/event.entity';
import { DockerHost } from '../hosts/host.entity';
import { EndpointScope } from '../sync/scope.entity';
import { SyncInstance } from '../sync/sync-instance.entity';
import { ImageOperation } from '../images/image-operation.entity';
import { Image } from '../images/image.entity';
import { RegistryCredential } from '../registries/registry-credential.entity';
import { AccountOwned, HostOwned, InventoryObject } from '../inventory/inventory.entity';
import { Network } from '../networks/network.entity';
import { Operation } from '../operations/operation.entity';
import { Volume } from '../volumes/volume.entity';
import type { Logger } from '../log/logger';
import { swarmEntities } from '../swarm/swarm.entities';
import { Deployment } from '../deployments/deployment.entity';
import { DeploymentStep } from '../deployments/deployment-step.entity';
import { migrations } from './migrations';
import { allowCopy } from './native-insert';
import { routerEntities } from '../routers/router.module';
import { AccountQuota, QuotaCharge } from '../accounts/quota.entity';
import { ContainerTemplate } from '../instances/template.entity';
import { ContainerInstance } from '../instances/instance.entity';
import { taskCallbackEntities } from '../tasks/task-callback.module';

export const entities = [EndpointScope, DockerHost, AccountOwned, HostOwned, InventoryObject, Container, Image, Network, Volume, EngineEventRecord, DockerEvent, Operation, ImageOperation, RegistryCredential, Activity, TokenRevocation, ...swarmEntities, ...routerEntities, Deployment, DeploymentStep, AccountQuota, QuotaCharge, ContainerTemplate, ContainerInstance, ...taskCallbackEntities, SyncInstance];

export function ormConfig(options: { clientUrl: string; poolMax: number }): Options {
  return defineConfig({
    clientUrl: options.clientUrl,
    entities,
    extensions: [Migrator],
    // Migrations are imported classes, not a folder glob, so ts-jest, ts-node and compiled dist all see the same list.
    migrations: { migrationsList: migrations, pathTs: 'src/db/migrations', path: 'src/db/migrations', emit: 'ts', silent: true, transactional: true, allOrNothing: true, snapshot: false },
    pool: { min: 0, max: options.poolMax },
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
    debug: false,
  });
}

/** `embedded`: the database is the embedded PGlite, whose socket server takes no COPY FROM STDIN (see insertRows). */
export async function openDatabase(options: { clientUrl: string; poolMax: number; logger: Logger; migrate: boolean; embedded?: boolean }): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  if (!options.embedded) allowCopy(orm.config);
  if (options.migrate) {
    const applied = await orm.getMigrator().up();
    if (applied.length > 0) options.logger.info({ migrations: applied.map((m) => m.name) }, 'database migrations applied');
  }
  return orm;
}

export async function isDatabaseReachable(orm: MikroORM): Promise<boolean> {
  try {
    await orm.em.getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}
