import { registerEnumType } from 'type-graphql';

/** The seed's host health states. Values are what the database stores; GraphQL exposes the keys. */
export enum HostStatus {
  PENDING = 'pending',
  CONNECTED = 'connected',
  DISCONNECTED = 'disconnected',
  ERROR = 'error',
  MAINTENANCE = 'maintenance',
}

export enum HostEnvironment {
  STAGING = 'staging',
  PRODUCTION = 'production',
  DEVELOPMENT = 'development',
  CUSTOM = 'custom',
}

registerEnumType(HostStatus, {
  name: 'DockerHostStatus',
  valuesConfig: {
    PENDING: { description: 'Registered, not yet reached (or never reached since): see lastError' },
    CONNECTED: { description: 'Reachable and monitored' },
    DISCONNECTED: { description: 'Connection lost, or disconnected by a user: not synced' },
    ERROR: { description: 'Five consecutive failed checks: needs recoverDockerHost' },
    MAINTENANCE: { description: 'Taken offline by a user: not checked, not synced' },
  },
});
registerEnumType(HostEnvironment, { name: 'DockerHostEnvironment' });
