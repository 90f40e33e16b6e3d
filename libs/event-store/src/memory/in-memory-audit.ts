import { AuditFilter } from '../audit-log';
import { RecordedEvent } from '../event-envelope';

/** Whether a unit lay below another on a date: the registry's answer, which the in-memory log is given, or not. */
export type UnitBelow = (unitCode: string, ancestorCode: string, onDate: string) => boolean;

/** The audit filter as the Postgres reader applies it, on one event. */
export function matchesAudit(event: RecordedEvent, filter: AuditFilter, unitBelow: UnitBelow): boolean {
  const { unitCode } = filter;
  if (unitCode !== undefined && event.unitCode !== unitCode && !(filter.includeDescendants && unitBelow(event.unitCode, unitCode, event.occurredOn))) return false;
  if (filter.eventType !== undefined && event.type !== filter.eventType) return false;
  if (filter.actor !== undefined && event.metadata.actor.subject !== filter.actor) return false;
  if (filter.correlationId !== undefined && event.metadata.correlationId !== filter.correlationId) return false;
  if (filter.occurredFrom !== undefined && event.occurredOn < filter.occurredFrom) return false;
  if (filter.occurredTo !== undefined && event.occurredOn > filter.occurredTo) return false;
  if (filter.recordedFrom !== undefined && Date.parse(event.recordedAt) < Date.parse(filter.recordedFrom)) return false;
  if (filter.recordedTo !== undefined && Date.parse(event.recordedAt) > Date.parse(filter.recordedTo)) return false;
  if (filter.afterPosition !== undefined && BigInt(event.position) <= BigInt(filter.afterPosition)) return false;
  return true;
}

/** A page of the matching events, as AuditLog.pageJson answers it. */
export function auditPageJson(matching: readonly RecordedEvent[], limit: number): string {
  const items = matching.slice(0, limit);
  const nextAfter = matching.length > limit ? items[items.length - 1].position : null;
  return JSON.stringify({ items, nextAfter });
}
