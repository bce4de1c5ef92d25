/** The parsers the CLI borrows from Go: time.ParseDuration, go-units' RAMInBytes, opts.ParseCPUs. */

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration (`1h2m3.5s`, `300ms`; a bare number only as `0`), in nanoseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^([-+]?)(.+)$/.exec(text);
  if (!match) return undefined;
  const [, sign, body] = match as unknown as [string, string, string];
  if (body === '0') return 0;
  let total = 0;
  let rest = body;
  while (rest.length > 0) {
    const part = /^(\d*(?:\.\d*)?)(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!part || part[1] === '' || part[1] === '.') return undefined;
    total += Number(part[1]) * DURATION_UNITS[part[2]!]!;
    rest = rest.slice(part[0].length);
  }
  return Math.round(sign === '-' ? -total : total);
}

const BINARY: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes: `512m`, `1.5GB`, `64k` (binary multiples, any case), truncated to whole bytes. */
export function parseBytes(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(text);
  if (!match) return undefined;
  const bytes = Math.trunc(Number(match[1]) * BINARY[(match[2] ?? '').toLowerCase()]!);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** opts.ParseCPUs: a decimal (`0.5`, `2`) or a fraction (`1/4`) of CPUs as exact nano-CPUs; finer than 1e-9 is refused. */
export function parseCpus(text: string): number | { error: string } {
  const fraction = /^(\d+)\/(\d+)$/.exec(text);
  if (fraction) {
    const [numerator, denominator] = [BigInt(fraction[1]!), BigInt(fraction[2]!)];
    if (denominator === 0n) return { error: `failed to parse ${text} as a rational number` };
    const nanos = numerator * 1_000_000_000n;
    return nanos % denominator === 0n ? Number(nanos / denominator) : { error: 'value is too precise' };
  }
  const decimal = /^\+?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!decimal || (decimal[1] === '' && !decimal[2])) return { error: `failed to parse ${text} as a rational number` };
  const digits = (decimal[2] ?? '').replace(/0+$/, '');
  if (digits.length > 9) return { error: 'value is too precise' };
  return Number(BigInt(decimal[1] || '0') * 1_000_000_000n + BigInt(digits.padEnd(9, '0') || '0'));
}
