/** Plain shapes the Vault adapter returns; nothing from node-vault or axios leaves src/vault. */
export interface VaultSettings {
  /** e.g. http://127.0.0.1:8200 */
  readonly address: string;
  /** The product's own token: allowed to create orphan tokens and to look up and revoke them by accessor. */
  readonly token: string;
  /** Deadline of every call to Vault. */
  readonly timeoutMs: number;
}

export interface CreateTokenRequest {
  readonly policies: readonly string[];
  readonly ttlSeconds: number;
  /** Lands in Vault's audit log and in lookups: names the instance the token belongs to. */
  readonly meta: Readonly<Record<string, string>>;
  /** When set, the token is answered wrapped in a single-use wrapping token living this long. */
  readonly wrapTtlSeconds?: number;
}

export interface IssuedToken {
  readonly accessor: string;
  readonly token: string;
}

export interface WrappedToken {
  /** The accessor of the token inside the wrapper: enough to revoke it without ever seeing it. */
  readonly accessor: string;
  readonly wrappingToken: string;
}

export interface TokenInfo {
  readonly policies: string[];
  /** Seconds left. */
  readonly ttl: number;
  readonly meta: Record<string, string>;
}

export interface UnwrappedToken {
  readonly token: string;
  readonly accessor: string;
  readonly policies: string[];
}

export interface VaultHealth {
  readonly initialized: boolean;
  readonly sealed: boolean;
  readonly version?: string;
}
