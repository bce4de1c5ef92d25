import { DomainError, ErrorCode } from '../common/errors';

/**
 * The one place Vault failures become domain errors. No answer (refused, reset, timed out), a 5xx or a sealed Vault is
 * VAULT_UNAVAILABLE: worth retrying later. A refusal (403 permission denied, a policy Vault does not know) is
 * VAULT_DENIED: retrying changes nothing until someone fixes the policies. Messages carry Vault's own error text,
 * which never contains a token.
 */
export class VaultError extends DomainError {
  constructor(code: ErrorCode.VAULT_UNAVAILABLE | ErrorCode.VAULT_DENIED, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = 'VaultError';
  }
}

interface NodeVaultFailure {
  response?: { statusCode?: number; body?: { errors?: unknown[] } };
  code?: string;
  message?: string;
}

/**
 * Vault's answer to an accessor that is not there (revoked or expired): 400 "invalid accessor". Nothing else counts:
 * a 403 "invalid token" means the product's own VAULT_TOKEN died, and taking that for "already revoked" would report
 * revocations that never happened.
 */
export function isVaultGone(error: unknown): boolean {
  const failure = error as NodeVaultFailure;
  return failure.response?.statusCode === 400 && /invalid accessor/i.test(vaultMessages(failure).join(' '));
}

export function mapVaultError(error: unknown, operation: string): VaultError {
  if (error instanceof VaultError) return error;
  const failure = error as NodeVaultFailure;
  const status = failure.response?.statusCode;
  const text = vaultMessages(failure).join('; ') || failure.message || 'no answer';
  // 429: rate limited, or a performance standby; 412: a replica not caught up yet. Both answer differently later.
  if (status === undefined || status >= 500 || status === 429 || status === 412) {
    // axios reports no response for refused/reset connections and for its own timeout (ECONNABORTED).
    return new VaultError(ErrorCode.VAULT_UNAVAILABLE, `Vault did not answer ${operation}: ${failure.code ?? status ?? ''} ${text}`.trim(), {
      operation,
      ...(status ? { status } : { cause: failure.code }),
    });
  }
  if (status === 403 || /polic/i.test(text)) {
    return new VaultError(ErrorCode.VAULT_DENIED, `Vault refused ${operation}: ${text}`, { operation, status });
  }
  // Any other 4xx is a request Vault would not take: as final as a refusal for the run that needed it.
  return new VaultError(ErrorCode.VAULT_DENIED, `Vault rejected ${operation} (${status}): ${text}`, { operation, status });
}

function vaultMessages(failure: NodeVaultFailure): string[] {
  const errors = failure.response?.body?.errors;
  return Array.isArray(errors) ? errors.map(String) : [];
}
