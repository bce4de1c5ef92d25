/** Argument names whose values never reach the activity log, however deep they sit. */
const SECRET_NAME = /pass(word)?|secret|token|credential|private|^key$|apikey|api_key|auth/i;
const MAX_STRING = 512;
/** File contents (a build context) may hold anything, secrets included: the log keeps their size only. */
const CONTENT_NAME = /^(content|contentBase64|contextTarBase64)$/;
const MAX_ITEMS = 50;
/** A volume's mount options (`o`) carry a network share's password inline: `addr=nas,username=u,password=p`. */
const MOUNT_OPTION_SECRET = /\b(pass(word)?|secret|credentials?)=[^,]*/gi;

/**
 * An operation's arguments as the activity log keeps them: secrets replaced, environment values hidden (they carry
 * credentials more often than not), long strings and lists cut (a build context is not an audit record).
 */
export function redactParameters(value: unknown, name = ''): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (SECRET_NAME.test(name)) return '[redacted]';
  if (CONTENT_NAME.test(name) && typeof value === 'string') return `[${value.length} characters]`;
  if (name === 'env' && Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((entry) => (typeof entry === 'string' ? entry.replace(/=[\s\S]*$/, '=[redacted]') : '[redacted]'));
  if (typeof value === 'string') {
    const text = name === 'o' ? value.replace(MOUNT_OPTION_SECRET, (_, key: string) => `${key}=[redacted]`) : value;
    return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…(${text.length} chars)` : text;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => redactParameters(item, name));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactParameters(v, k)]));
  return value;
}
