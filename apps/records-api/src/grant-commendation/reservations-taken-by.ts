import { Pool } from 'pg';
import { ReservationsTakenBy } from './award-reservations';

/** The reservation streams a grant took, from the log (index events_reservations_by_grant). */
export function reservationsTakenBy(pool: Pool): ReservationsTakenBy {
  return async (commendationId) =>
    (
      await pool.query<{ stream_id: string }>(
        `SELECT DISTINCT stream_id FROM events WHERE stream_type = 'award-reservation' AND data ->> 'commendationId' = $1`,
        [commendationId],
      )
    ).rows.map((row) => row.stream_id);
}
