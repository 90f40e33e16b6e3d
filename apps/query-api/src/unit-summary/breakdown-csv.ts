import { HttpReply, JsonAnswer, sendJsonAnswer } from '@civic/platform';
import { CsvColumn, prefersCsv, toCsv } from '../csv/csv-answer';
import { ChildFigures } from './child-breakdown';
import { UnitSummary } from './unit-summary.handler';

const CHILD_COLUMNS: readonly CsvColumn<ChildFigures>[] = [
  ['code', (c) => c.code],
  ['level', (c) => c.level],
  ['name', (c) => c.name],
  ['from', (c) => c.from],
  ['to', (c) => c.to],
  ['meetings', (c) => c.meetings.total],
  ['meetingsCorrected', (c) => c.meetings.corrected],
  ['attendees', (c) => c.meetings.attendees.total],
  ['attendeesNotExact', (c) => c.meetings.attendees.approximate + c.meetings.attendees.atLeast],
  ['grants', (c) => c.commendations.grants],
  ['grantsRevoked', (c) => c.commendations.revoked],
  ['collectives', (c) => c.commendations.recipients.collectives],
  ['individuals', (c) => c.commendations.recipients.individuals],
  ['households', (c) => c.commendations.recipients.households],
  ['movementsLaunched', (c) => c.movements.launched],
  ['movementsReviewed', (c) => c.movements.reviewed],
  ['movementsConcluded', (c) => c.movements.concluded],
  ['movementsActive', (c) => c.movements.active],
];

/**
 * A summary as JSON, or its breakdown by child unit as CSV (one row per child) to a reader that asks for CSV
 * (Accept) and for the breakdown.
 */
export async function sendSummary(reply: HttpReply, answer: Promise<JsonAnswer<UnitSummary>>, byChild: boolean): Promise<void> {
  if (!byChild || !prefersCsv(reply.request.headers.accept)) return sendJsonAnswer(reply, answer);
  const summary = JSON.parse((await answer).json) as UnitSummary;
  reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="summary-${summary.unitCode}-${summary.year}-children.csv"`)
    .header('Vary', 'Accept, Accept-Encoding')
    .send(toCsv(summary.children ?? [], CHILD_COLUMNS));
}
