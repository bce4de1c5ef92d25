import { storableText } from '../common/storable';

/** Argument names whose values never reach the activity log, however deep they sit. */
const SECRET_NAME = /pass(word|phrase)?|secret|token|credential|private|apikey|api_key|auth|cookie|session|signature|ssh|(^|[^a-z])key($|[^a-z])/i;
/** camelCase `...Key` (sshKey, signingKey): case matters here, or "monkey" would count. */
const SECRET_CAMEL = /[a-z]Key(s)?$/;
const MAX_STRING = 512;
/** File contents (a build context) may hold anything, secrets included: the log keeps their size only. */
const CONTENT_NAME = /^(content|contentBase64|contextTarBase64|compose)$/;
const MAX_ITEMS = 50;
/** Swarm secret and config content (createSwarmSecret, rotateSwarmConfig...): not even its size is kept. */
const DATA_NAME = /^data(Base64)?$/;
/** `name=value` pairs inside one string (mount options, `--password=x` arguments): the value of a secret name goes. */
const INLINE_SECRET = /\b([\w.-]*(?:pass(?:word|phrase)?|secret|token|credentials?|apikey|api_key)[\w.-]*)([=:])[^,;&\s]*/gi;
/** A command-line flag whose next argument is a secret: `--password`, `--api-key`, `--token`. */
const SECRET_FLAG = /^--?[\w.-]*(pass(word|phrase)?|secret|token|credentials?|api[-_]?key)[\w.-]*$/i;
/** A URL's user:password@ part. */
const URL_PASSWORD = /\b([a-z][\w+.-]*:\/\/[^\s/:@]*):[^\s/@]*@/gi;

/**
 * Values that are secrets whatever their name says (a key-name pattern alone let `SSH_KEY`-style names through):
 * PEM blocks, JWTs, well-known token formats, and long random-looking strings. Hex ids and digests are high-entropy
 * but public (container and image ids), so they are kept.
 */
const SECRET_VALUE = [
  /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE|OPENSSH)/,
  /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/, // a JWT
  /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|glpat-[\w-]{20,}|xox[abprs]-[\w-]{10,}|(AKIA|ASIA)[0-9A-Z]{16}|sk_(live|test)_\w{16,}|sk-[\w-]{20,}|AIza[\w-]{30,}|npm_[A-Za-z0-9]{30,})/,
];
const PUBLIC_ID = /^(sha256:)?[0-9a-f]{12,128}$|^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$|@sha256:[0-9a-f]{64}$/i;

export function looksSecret(value: string): boolean {
  if (SECRET_VALUE.some((pattern) => pattern.test(value))) return true;
  const token = value.trim();
  if (token.length < 24 || /\s/.test(token) || PUBLIC_ID.test(token)) return false;
  // A run of letters, digits and base64/url punctuation with both cases and digits, and high entropy: a key, a password.
  if (!/^[\w+/=.~-]+$/.test(token) || !/[a-z]/.test(token) || !/[A-Z]/.test(token) || !/\d/.test(token)) return false;
  return entropy(token) >= 4.2;
}

/** Shannon entropy in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) || SECRET_CAMEL.test(name);
}

function redactString(value: string): string {
  if (looksSecret(value)) return '[redacted]';
  const text = value.replace(URL_PASSWORD, '$1:[redacted]@').replace(INLINE_SECRET, (_, key: string, sep: string) => `${key}${sep}[redacted]`);
  return storableText(text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…(${text.length} chars)` : text);
}

/**
 * An operation's arguments as the activity log keeps them: secrets replaced — by name and by what the value looks
 * like —, environment values and build-arg values hidden (they carry credentials more often than not; build args
 * named in `publicBuildArgs` are kept), long strings and lists cut (a build context is not an audit record), and text
 * PostgreSQL cannot hold made storable (input refused for a NUL is still recorded).
 */
export function redactParameters(value: unknown, name = ''): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (isSecretName(name) || DATA_NAME.test(name)) return '[redacted]';
  if (CONTENT_NAME.test(name) && typeof value === 'string') return `[${value.length} characters]`;
  // A stack's deploy variables feed its secrets (`environment:`): their names are kept, never their values.
  if (name === 'variables' && Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => ({ name: storableText(String((v as { name?: unknown })?.name ?? '')), value: '[redacted]' }));
  if (name === 'env' && Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((entry) => (typeof entry === 'string' ? storableText(entry.replace(/=[\s\S]*$/, '=[redacted]')) : '[redacted]'));
  if (typeof value === 'string') return redactString(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    // An argument list's `--password hunter2`: the value after a flag that names a secret goes too.
    return value.slice(0, MAX_ITEMS).map((item, i) => (i > 0 && typeof value[i - 1] === 'string' && SECRET_FLAG.test(value[i - 1] as string) ? '[redacted]' : redactParameters(item, name)));
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const publicArgs = new Set(Array.isArray(record.publicBuildArgs) ? record.publicBuildArgs.filter((k): k is string => typeof k === 'string') : []);
    return Object.fromEntries(
      Object.entries(record).map(([k, v]) => {
        if (k === 'buildArgs' && v && typeof v === 'object' && !Array.isArray(v)) {
          return [k, Object.fromEntries(Object.entries(v).map(([arg, argValue]) => [storableText(arg), publicArgs.has(arg) && !isSecretName(arg) ? redactParameters(argValue, arg) : '[redacted]']))];
        }
        return [storableText(k), redactParameters(v, k)];
      }),
    );
  }
  return value;
}
