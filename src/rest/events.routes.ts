import { Permission } from '../auth/permissions';
import type { ActivityOutcome } from '../activities/activity.entity';
import type { EventSeverity } from '../events/event.enums';
import { ActivityListAnswer, ActivityListQuery, activityView, EventListAnswer, EventListQuery, eventView, toDate } from './event.schemas';
import { upper } from './inventory.schemas';
import { pageMeta, pageThrough } from './rest.pagination';
import { defineRoute, type RouteDeps } from './rest.route';

/** The runbook's records: Docker events (Devops::DockerEvent) and user-initiated operations (Devops::DockerActivity). */
export function eventRoutes(deps: RouteDeps): void {
  defineRoute(deps, {
    method: 'get',
    path: '/devops/docker/events',
    summary: "Stored Docker events, newest first (the runbook's post-operation check: severity=error&since=<start>)",
    tag: 'Docker events and activities',
    permissions: [Permission.DockerHostsRead],
    query: EventListQuery,
    status: 200,
    response: EventListAnswer,
    fieldOf: (field) => field.replace(/^filter\./, ''),
    handle: ({ principal, services, query: { host_id, type, action, severity, since, until, ...paging } }) =>
      pageThrough(paging, (args) =>
        services.inventory.events(principal, { hostId: host_id, type, action, severity: upper<EventSeverity>(severity), since: toDate(since), until: toDate(until) }, args),
      ),
    present: async (answer) => ({ events: answer.page.nodes.map(eventView), meta: await pageMeta(answer) }),
  });

  defineRoute(deps, {
    method: 'get',
    path: '/devops/docker/activities',
    summary: "Your account's audit trail (every change made through GraphQL or REST), newest first",
    tag: 'Docker events and activities',
    permissions: [Permission.DockerHostsRead, Permission.SwarmClustersRead],
    query: ActivityListQuery,
    status: 200,
    response: ActivityListAnswer,
    fieldOf: (field) => field.replace(/^filter\./, ''),
    handle: ({ principal, services, query: { action, outcome, target_id, since, ...paging } }) =>
      pageThrough(paging, (args) => services.activities.list(principal, { action, outcome: outcome as ActivityOutcome | undefined, targetId: target_id, since: toDate(since) }, args)),
    present: async (answer) => ({ activities: answer.page.nodes.map(activityView), meta: await pageMeta(answer) }),
  });
}
