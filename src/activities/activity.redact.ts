import { storableText } from '../common/storable';

/** Argument names whose values never reach the activity log, however deep they sit. */
const SECRET_NAME = /pass(word)?|secret|token|credential|private|^key$|apikey|api_key|auth/i;
const MAX_STRING = 512;
/** File contents (a build context) may hold anything, secrets included: the log keeps their size only. */
const CONTENT_NAME = /^(content|contentBase64|contextTarBase64)$/;
const MAX_ITEMS = 50;

/**
 * An operation's arguments as the activity log keeps them: secrets replaced, environment values hidden (they carry
 * credentials more often than not), long strings and lists cut (a build context is not an audit record), and text
 * PostgreSQL cannot hold made storable (input refused for a NUL is still recorded).
 */
export function redactParameters(value: unknown, name = ''): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (SECRET_NAME.test(name)) return '[redacted]';
  if (CONTENT_NAME.test(name) && typeof value === 'string') return `[${value.length} characters]`;
  if (name === 'env' && Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((entry) => (typeof entry === 'string' ? storableText(entry.replace(/=[\s\S]*$/, '=[redacted]')) : '[redacted]'));
  if (typeof value === 'string') return storableText(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…(${value.length} chars)` : value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => redactParameters(item, name));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), redactParameters(v, k)]));
  return value;
}
