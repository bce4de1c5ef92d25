import { DomainError, ErrorCode } from '../common/errors';
import type { PlacementCandidate } from './instance.repository';

export interface PlacementRequest {
  cpuMillicores: number;
  memoryMb: number;
  labels: Record<string, string>;
}

/**
 * Chooses a host for a run without hostId: among the account's connected hosts whose facts hold every label, those
 * with room for its limits after what active runs reserved; the one with the most free memory (runs spread out).
 * The answer says which and why; with none, HOST_UNAVAILABLE says why each host was passed over.
 */
export function choosePlacement(candidates: readonly PlacementCandidate[], request: PlacementRequest): { hostId: string; reason: string } {
  const passed: string[] = [];
  const fitting: Array<{ host: PlacementCandidate; freeCpu: number; freeMem: number }> = [];
  for (const host of candidates) {
    // Case-insensitive: environment is stored lowercase, and its GraphQL name is upper case.
    const mismatch = Object.entries(request.labels).find(([key, value]) => (host.facts[key] ?? '').toLowerCase() !== value.toLowerCase());
    if (mismatch) {
      passed.push(`${host.name}: ${mismatch[0]} is "${host.facts[mismatch[0]] ?? ''}", not "${mismatch[1]}"`);
      continue;
    }
    const freeCpu = host.cpuMillicores - host.reservedCpuMillicores;
    const freeMem = host.memoryMb - host.reservedMemoryMb;
    if (freeCpu < request.cpuMillicores || freeMem < request.memoryMb) {
      passed.push(`${host.name}: ${freeCpu} millicores and ${freeMem} MB free`);
      continue;
    }
    fitting.push({ host, freeCpu, freeMem });
  }
  const asked = `${request.cpuMillicores} millicores and ${request.memoryMb} MB`;
  if (fitting.length === 0) {
    const why = candidates.length === 0 ? 'the account has no CONNECTED host' : passed.join('; ');
    throw new DomainError(ErrorCode.HOST_UNAVAILABLE, `placement: no connected host can take a run of ${asked}${Object.keys(request.labels).length ? ` with labels ${JSON.stringify(request.labels)}` : ''}: ${why}`, { field: 'placement' });
  }
  fitting.sort((a, b) => b.freeMem - a.freeMem || b.freeCpu - a.freeCpu || a.host.name.localeCompare(b.host.name));
  const best = fitting[0]!;
  const reason = `placed on ${best.host.name}: ${fitting.length} of ${candidates.length} connected hosts had room for ${asked}${Object.keys(request.labels).length ? ' and the labels' : ''}; it had the most free memory (${best.freeMem} MB, ${best.freeCpu} millicores)`;
  return { hostId: best.host.id, reason };
}
