import nodeVault from 'node-vault';
import { ErrorCode } from '../common/errors';
import { VaultError, isVaultGone, mapVaultError } from './vault.errors';
import type { CreateTokenRequest, IssuedToken, TokenInfo, UnwrappedToken, VaultHealth, VaultSettings, WrappedToken } from './vault.types';

/**
 * Per-run Vault tokens, on node-vault. Tokens are orphans (a revoked product token must not take every running job's
 * token down with it) and are tracked by accessor only: the adapter hands a token back once and never logs one.
 * Every call carries the configured deadline; every failure goes through mapVaultError.
 */
export class VaultTokens {
  private readonly client: nodeVault.client;

  constructor(private readonly settings: VaultSettings) {
    // endpoint and token given explicitly: node-vault would otherwise fall back to process.env on its own.
    this.client = nodeVault({ endpoint: settings.address, token: settings.token, apiVersion: 'v1' });
  }

  createOrphanToken(request: CreateTokenRequest & { wrapTtlSeconds: number }): Promise<WrappedToken>;
  createOrphanToken(request: CreateTokenRequest & { wrapTtlSeconds?: undefined }): Promise<IssuedToken>;
  async createOrphanToken(request: CreateTokenRequest): Promise<IssuedToken | WrappedToken> {
    const body = {
      policies: [...request.policies],
      ttl: `${request.ttlSeconds}s`,
      meta: { ...request.meta },
      // A run's token lives for the run: no renewals to keep it past the TTL it was given.
      renewable: false,
      no_default_policy: true,
    };
    const headers: Record<string, string> = request.wrapTtlSeconds ? { 'X-Vault-Wrap-TTL': `${request.wrapTtlSeconds}s` } : {};
    const answer = await this.call('token create-orphan', () => this.client.write('auth/token/create-orphan', body, this.options({ headers })));
    if (request.wrapTtlSeconds) {
      // Like Nomad: a wrapped answer without the wrapped accessor could never be revoked, so it is not accepted.
      const wrap = answer?.wrap_info;
      if (!wrap?.token || !wrap.wrapped_accessor) throw new VaultError(ErrorCode.VAULT_UNAVAILABLE, 'Vault answered a wrapped token without its wrapped accessor');
      return { accessor: wrap.wrapped_accessor, wrappingToken: wrap.token };
    }
    if (!answer?.auth?.client_token) throw new VaultError(ErrorCode.VAULT_UNAVAILABLE, 'Vault answered token create-orphan without a token');
    return { accessor: answer.auth.accessor, token: answer.auth.client_token };
  }

  /** null once the token is revoked or expired. */
  async lookupAccessor(accessor: string): Promise<TokenInfo | null> {
    try {
      const answer = await this.client.write('auth/token/lookup-accessor', { accessor }, this.options());
      const data = answer.data ?? {};
      return { policies: data.policies ?? [], ttl: data.ttl ?? 0, meta: data.meta ?? {} };
    } catch (error) {
      if (isVaultGone(error)) return null;
      throw mapVaultError(error, 'token lookup-accessor');
    }
  }

  /**
   * Accessors of live tokens whose metadata has `key` = `value`: a token issued for a run whose driver died before
   * storing its accessor is found this way. Walks every token (LIST auth/token/accessors needs sudo on that path):
   * only for that rare takeover. (GET with list=true: Vault's LIST verb is not one Node's HTTP parser knows.)
   */
  async accessorsWithMeta(key: string, value: string): Promise<string[]> {
    const listed = await this.call('token list accessors', () => this.client.read('auth/token/accessors?list=true', this.options()));
    const found: string[] = [];
    for (const accessor of (listed?.data?.keys ?? []) as string[]) {
      const info = await this.lookupAccessor(accessor);
      if (info?.meta?.[key] === value) found.push(accessor);
    }
    return found;
  }

  /** Idempotent: a token already revoked or expired is what the caller wanted. */
  async revokeAccessor(accessor: string): Promise<void> {
    try {
      await this.client.write('auth/token/revoke-accessor', { accessor }, this.options());
    } catch (error) {
      if (!isVaultGone(error)) throw mapVaultError(error, 'token revoke-accessor');
    }
  }

  /** What the workload does with its wrapping token; a second unwrap is refused (VAULT_DENIED): someone else had it. */
  async unwrap(wrappingToken: string): Promise<UnwrappedToken> {
    const answer = await this.call('sys/wrapping/unwrap', () =>
      this.client.write('sys/wrapping/unwrap', {}, this.options({ headers: { 'X-Vault-Token': wrappingToken } })),
    );
    const auth = answer?.auth;
    if (!auth?.client_token) throw new VaultError(ErrorCode.VAULT_DENIED, 'the wrapping token did not hold a token');
    return { token: auth.client_token, accessor: auth.accessor, policies: auth.policies ?? [] };
  }

  /** A KV v2 read with the given token: `mount` and `path` as in `<mount>/data/<path>`. */
  async readKv(options: { token: string; mount: string; path: string }): Promise<Record<string, unknown>> {
    const answer = await this.call('kv read', () =>
      this.client.read(`${options.mount}/data/${options.path}`, this.options({ headers: { 'X-Vault-Token': options.token } })),
    );
    return answer?.data?.data ?? {};
  }

  /**
   * KV v2 secrets (`<mount>/<path>`) read as a run could read them: through a token of its policies, made for these
   * reads (a minute's TTL) and revoked right after. Never with the product's own token: a caller naming a path
   * would otherwise learn, through what gets redacted, values its runs cannot read.
   */
  async readAs(request: { policies: readonly string[]; paths: readonly string[]; meta: Readonly<Record<string, string>> }): Promise<Array<Record<string, unknown>>> {
    const reader = await this.createOrphanToken({ policies: request.policies, ttlSeconds: 60, meta: { ...request.meta, purpose: 'read-for-redaction' } });
    try {
      return await Promise.all(request.paths.map((p) => this.readKv({ token: reader.token, mount: p.slice(0, p.indexOf('/')), path: p.slice(p.indexOf('/') + 1) })));
    } finally {
      await this.revokeAccessor(reader.accessor).catch(() => undefined); // it expires within the minute anyway
    }
  }

  /** Throws VAULT_UNAVAILABLE when Vault does not answer or is sealed. */
  async health(): Promise<VaultHealth> {
    // node-vault hands sys/health's body back whatever the status (503 sealed, 501 not initialised).
    const answer = await this.call('sys/health', () => this.client.health({ requestOptions: this.options() }));
    if (!answer || typeof answer.sealed !== 'boolean') throw new VaultError(ErrorCode.VAULT_UNAVAILABLE, 'Vault health answered no status');
    if (answer.sealed || !answer.initialized) throw new VaultError(ErrorCode.VAULT_UNAVAILABLE, 'Vault is sealed or not initialised');
    return { initialized: answer.initialized, sealed: answer.sealed, version: answer.version };
  }

  private options(extra: { headers?: Record<string, string> } = {}): { timeout: number; headers: Record<string, string> } {
    return { timeout: this.settings.timeoutMs, headers: { ...extra.headers } };
  }

  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw mapVaultError(error, operation);
    }
  }
}
