/** Values shorter than this are not redacted: "1" or "on" would blank out every digit and word of the output. */
export const MIN_REDACTED_LENGTH = 4;
export const REDACTED = '[REDACTED]';
/**
 * Vault token shapes (service, batch, recovery; and the pre-1.10 `s.` form). A wrapped token's run unwraps it itself,
 * so the product never sees the token it prints: it is found by its shape.
 */
const VAULT_TOKEN_SHAPE = /\b(?:hv[sbr]\.[A-Za-z0-9_-]{20,}|s\.[A-Za-z0-9]{24})\b/g;

/** The secret values a run received: its Vault token or wrapping token, its environment's values, Vault secrets it reads. */
export function secretValues(sources: { tokens: Array<string | null | undefined>; env: readonly string[]; vaultSecrets: ReadonlyArray<Record<string, unknown>> }): string[] {
  const values = new Set<string>();
  for (const token of sources.tokens) if (token) values.add(token);
  for (const entry of sources.env) {
    const at = entry.indexOf('=');
    if (at > 0) values.add(entry.slice(at + 1));
  }
  for (const secret of sources.vaultSecrets) for (const value of Object.values(secret)) if (typeof value === 'string') values.add(value);
  return [...values].filter((value) => value.length >= MIN_REDACTED_LENGTH);
}

/**
 * The output as stored: every secret value replaced, then cut at `maxBytes` (on a character boundary). Redaction
 * comes first, so a cut can never leave the start of a secret behind; longest values first, so a secret containing
 * another is replaced whole.
 */
export function redactOutput(text: string, secrets: readonly string[], maxBytes: number, options: { cutBefore?: boolean } = {}): { text: string; truncated: boolean } {
  // Output already cut before it got here (the Engine read is capped) may end in the first part of a secret: dropped.
  let out = options.cutBefore ? withoutSecretTail(text, secrets) : text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
  out = out.replace(VAULT_TOKEN_SHAPE, REDACTED);
  const bytes = Buffer.from(out, 'utf8');
  if (bytes.length <= maxBytes) return { text: out, truncated: false };
  // toString drops a partial character at the cut as U+FFFD; strip it rather than store half a character.
  return { text: bytes.subarray(0, maxBytes).toString('utf8').replace(/\uFFFD$/, ''), truncated: true };
}

/** `text` without a trailing beginning of any secret (what a cut through the middle of one leaves). */
function withoutSecretTail(text: string, secrets: readonly string[]): string {
  let cut = text.length;
  for (const secret of secrets) {
    for (let k = Math.min(secret.length - 1, text.length); k > 0; k--) {
      if (text.endsWith(secret.slice(0, k))) {
        cut = Math.min(cut, text.length - k);
        break;
      }
    }
  }
  return text.slice(0, cut);
}
