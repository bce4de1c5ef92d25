import { ActivityOutcome, type Activity } from '../activities/activity.entity';
import type { DockerEvent, EngineEventRecord } from '../events/event.entity';
import { EventSeverity } from '../events/event.enums';
import { HostIdFilter, iso, lowercaseEnum } from './inventory.schemas';
import { z } from './rest.openapi';
import { PageMeta, withPaging } from './rest.pagination';

const Severity = lowercaseEnum(EventSeverity, 'EventSeverity');
export const instant = z.string().datetime({ offset: true });

export const EventListQuery = withPaging({
  host_id: HostIdFilter,
  type: z.string().max(64).optional().openapi({ description: 'container, image, network, volume, daemon, fleet' }),
  action: z.string().max(128).optional().openapi({ description: 'Exact action, e.g. die, oom, "health_status: unhealthy"' }),
  severity: Severity.optional(),
  since: instant.optional().openapi({ description: 'Inclusive (RFC 3339)' }),
  until: instant.optional().openapi({ description: 'Exclusive (RFC 3339)' }),
});

/** What a host's and a swarm's stored events share (EngineEventRecord); each adds its owner's id. */
export const engineEventFields = {
  id: z.string(),
  type: z.string(),
  action: z.string(),
  actor_id: z.string(),
  actor_name: z.string().nullable(),
  attributes: z.record(z.string()),
  severity: Severity,
  time: z.string().datetime(),
};

export const engineEventView = (e: EngineEventRecord) => ({
  id: e.id,
  type: e.type,
  action: e.action,
  actor_id: e.actorId,
  actor_name: e.actorName ?? null,
  attributes: e.attributes,
  severity: e.severity.toLowerCase(),
  time: e.time.toISOString(),
});

export const EventView = z.object({ ...engineEventFields, host_id: z.string() }).openapi('DockerEvent');
export const EventListAnswer = z.object({ events: z.array(EventView), meta: PageMeta }).openapi('DockerEventListResponse');

export const eventView = (e: DockerEvent): z.infer<typeof EventView> => ({ ...engineEventView(e), host_id: e.hostId });

export const ActivityListQuery = withPaging({
  action: z.string().max(128).optional().openapi({ description: 'The operation, named as the GraphQL mutation: registerDockerHost, startContainer...' }),
  outcome: z.nativeEnum(ActivityOutcome).optional(),
  target_id: z.string().max(128).optional(),
  since: instant.optional().openapi({ description: 'Inclusive (RFC 3339)' }),
});

export const ActivityView = z
  .object({
    id: z.string(),
    actor: z.string().nullable().openapi({ description: 'The token subject that acted' }),
    action: z.string(),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    outcome: z.nativeEnum(ActivityOutcome).openapi('ActivityOutcome'),
    error_code: z.string().nullable(),
    parameters: z.record(z.unknown()).nullable().openapi({ description: 'The arguments, with secrets and environment values redacted' }),
    request_id: z.string().nullable(),
    duration_ms: z.number().int(),
    created_at: z.string().datetime(),
  })
  .openapi('Activity');
export const ActivityListAnswer = z.object({ activities: z.array(ActivityView), meta: PageMeta }).openapi('ActivityListResponse');

export const activityView = (a: Activity): z.infer<typeof ActivityView> => ({
  id: a.id,
  actor: a.actor ?? null,
  action: a.action,
  target_type: a.targetType ?? null,
  target_id: a.targetId ?? null,
  outcome: a.outcome,
  error_code: a.errorCode ?? null,
  parameters: a.parameters ?? null,
  request_id: a.requestId ?? null,
  duration_ms: a.durationMs,
  created_at: iso(a.createdAt)!,
});

export const toDate = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
