/** One server of a backend as `show stat` reports it (counters reset when a reload starts a new worker). */
export interface RuntimeServer {
  backend: string;
  name: string;
  address: string;
  port: number;
  /** The weight set on it (uweight), 0–256. */
  weight: number;
  /** UP, DOWN, DRAIN, MAINT, `no check` (up, not health-checked), ... */
  status: string;
  sessionsCurrent: number;
  sessionsTotal: number;
  /** HTTP requests it answered (req_tot), or the times it was picked where HAProxy has no request count (lbtot). */
  requestsTotal: number;
  responses2xx: number;
  responses5xx: number;
  /** Mean response time over its last 1024 requests, ms (rtime). */
  responseTimeMs: number;
  /** Mean total session time over its last 1024 requests, ms (ttime). */
  totalTimeMs: number;
}

export interface HaproxyProcesses {
  reloads: number;
  /** Failed reloads since the last one that loaded. */
  failed: number;
  workers: Array<{ pid: number; reloads: number }>;
}

const num = (value: string | undefined) => (value && /^-?\d+$/.test(value) ? Number(value) : 0);

/** `show stat` CSV: a `# pxname,svname,...` header, then one row per proxy/server. */
export function parseServerStats(csv: string): RuntimeServer[] {
  const lines = csv.split('\n').filter((l) => l.trim());
  const header = lines[0]?.replace(/^#\s*/, '').split(',') ?? [];
  return lines.slice(1).flatMap((line) => {
    const row = Object.fromEntries(line.split(',').map((v, i) => [header[i], v])) as Record<string, string>;
    if (!row.svname || row.svname === 'FRONTEND' || row.svname === 'BACKEND') return [];
    const addr = row.addr ?? '';
    const colon = addr.lastIndexOf(':');
    return [{
      backend: row.pxname!,
      name: row.svname,
      address: colon > 0 ? addr.slice(0, colon).replace(/^\[|\]$/g, '') : addr,
      port: colon > 0 ? num(addr.slice(colon + 1)) : 0,
      weight: num(row.uweight ?? row.weight),
      status: row.status ?? '',
      sessionsCurrent: num(row.scur),
      sessionsTotal: num(row.stot),
      requestsTotal: row.req_tot ? num(row.req_tot) : num(row.lbtot),
      responses2xx: num(row.hrsp_2xx),
      responses5xx: num(row.hrsp_5xx),
      responseTimeMs: num(row.rtime),
      totalTimeMs: num(row.ttime),
    }];
  });
}

/** `show proc` on the master CLI: `<pid> master <reloads> [failed: N] ...`, then `# workers` and one line each. */
export function parseProcesses(text: string): HaproxyProcesses {
  const master = /^\s*\d+\s+master\s+(\d+)(?:\s+\[failed:\s*(\d+)\])?/m.exec(text);
  const workers = [...text.matchAll(/^\s*(\d+)\s+worker\s+(\d+)/gm)].map((m) => ({ pid: Number(m[1]), reloads: Number(m[2]) }));
  return { reloads: Number(master?.[1] ?? 0), failed: Number(master?.[2] ?? 0), workers };
}
