/** Permission strings as they appear in a token's `permissions` claim. `*.manage` implies the matching `*.read`. */
export enum Permission {
  DockerHostsRead = 'docker.hosts.read',
  DockerHostsManage = 'docker.hosts.manage',
  /** Workloads that can reach the host itself: privileged mode, capabilities, devices, host namespaces, bind mounts. */
  DockerHostsPrivileged = 'docker.hosts.privileged',
  SwarmClustersRead = 'swarm.clusters.read',
  SwarmClustersManage = 'swarm.clusters.manage',
  /** Revoke every token of the account issued before a cut-off (revokeTokens). */
  AccountTokensRevoke = 'account.tokens.revoke',
  /** Set the account's quotas (concurrent container instances, CPU, memory, storage). */
  AccountQuotasManage = 'accounts.quotas.manage',
  /** Rotate the account's signing secret for linked-task callbacks (rotateTaskCallbackSecret answers it once). */
  AccountCallbacksManage = 'accounts.callbacks.manage',
}

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

const IMPLIES: Partial<Record<Permission, Permission[]>> = {
  [Permission.DockerHostsManage]: [Permission.DockerHostsRead],
  [Permission.SwarmClustersManage]: [Permission.SwarmClustersRead],
};

/** Expands granted permissions with the ones they imply; unknown strings are dropped. */
export function effectivePermissions(granted: readonly string[]): ReadonlySet<Permission> {
  const known = new Set<string>(ALL_PERMISSIONS);
  const result = new Set<Permission>();
  for (const p of granted) {
    if (!known.has(p)) continue;
    result.add(p as Permission);
    for (const implied of IMPLIES[p as Permission] ?? []) result.add(implied);
  }
  return result;
}
