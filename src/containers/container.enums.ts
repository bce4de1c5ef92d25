import { registerEnumType } from 'type-graphql';

/** Docker's container states (`State.Status`), upper-cased for GraphQL. */
export enum ContainerState {
  CREATED = 'CREATED',
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  RESTARTING = 'RESTARTING',
  EXITED = 'EXITED',
  REMOVING = 'REMOVING',
  DEAD = 'DEAD',
}
registerEnumType(ContainerState, { name: 'ContainerState' });

/** `State.Health.Status`; NONE when the container has no HEALTHCHECK. */
export enum ContainerHealth {
  HEALTHY = 'HEALTHY',
  UNHEALTHY = 'UNHEALTHY',
  STARTING = 'STARTING',
  NONE = 'NONE',
}
registerEnumType(ContainerHealth, { name: 'ContainerHealth' });
