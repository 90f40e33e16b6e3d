import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far a reader of the whole log may read: below the oldest running transaction that could still write events.
 *
 * Readers used to stop below the oldest running transaction of the whole cluster (pg_snapshot_xmin). The
 * projector's transactions write only read models, yet each held the relay back for as long as it ran (tens of
 * milliseconds, one after another under load), and so did every transaction of every other database. Two kinds of
 * running transactions are now passed over, both recognised without any race (see docs/adr/0016-log-horizon.md):
 *
 * - those of other databases: pg_stat_activity names the database of the backend running that transaction id,
 *   and a transaction id belongs to one backend only;
 * - those of read-model sessions: a session started with `civic.read_model_session=on` may never insert events
 *   (the trigger below refuses) and marks itself with a session-level advisory lock that is never released while
 *   it lives. The lock and the transaction's own id lock are taken from one reading of the lock table.
 */
export class LogHorizon1763856001000 implements MigrationInterface {
  name = 'LogHorizon1763856001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION events_refuse_read_model_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('civic.read_model_session', true) = 'on' THEN
          RAISE EXCEPTION 'a read-model session may not write events (readers of the log pass over its transactions)'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER events_not_from_read_model_sessions BEFORE INSERT ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_read_model_sessions()`);
    // Session-level on purpose: a transaction-level lock would be let go by ROLLBACK TO SAVEPOINT while the
    // transaction keeps its id, and the setting that forbids events would be rolled back with it.
    await db.query(`
      CREATE FUNCTION mark_read_model_session() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('civic.read_model_session', true) IS DISTINCT FROM 'on' THEN
          RAISE EXCEPTION 'only a session started with civic.read_model_session=on may mark itself as a read-model session';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory'
                       AND classid = hashtext('civic-records')::oid AND objid = hashtext('read-model-session')::oid AND objsubid = 2) THEN
          PERFORM pg_advisory_lock_shared(hashtext('civic-records'), hashtext('read-model-session'));
        END IF;
      END $$`);
    // STABLE, so that it sees the snapshot of the query that calls it: a later snapshot could pass over a
    // transaction that committed after the query's snapshot was taken, whose events that query cannot see.
    // PL/pgSQL, so that each session plans the body once (a SQL function's body is planned again in every query
    // that calls it, milliseconds a read). With nothing running, the lock table is not read at all.
    await db.query(`
      CREATE FUNCTION event_log_horizon() RETURNS xid8 LANGUAGE plpgsql STABLE AS $$
      DECLARE
        snapshot pg_snapshot := pg_current_snapshot();
        horizon xid8;
      BEGIN
        IF pg_snapshot_xmin(snapshot) = pg_snapshot_xmax(snapshot) THEN
          RETURN pg_snapshot_xmax(snapshot);
        END IF;
        WITH running AS (
          SELECT id FROM pg_snapshot_xip(snapshot) AS r(id)
        ), cannot_write_events AS (
          SELECT backend_xid AS id FROM pg_stat_activity
          WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database()
          UNION ALL
          SELECT unnest(array_agg(transactionid) FILTER (WHERE locktype = 'transactionid'))
          FROM pg_locks
          WHERE granted AND ((locktype = 'transactionid' AND mode = 'ExclusiveLock')
             OR (locktype = 'advisory' AND classid = hashtext('civic-records')::oid
                 AND objid = hashtext('read-model-session')::oid AND objsubid = 2))
          GROUP BY pid
          HAVING bool_or(locktype = 'advisory')
        )
        SELECT coalesce(min(running.id), pg_snapshot_xmax(snapshot)) INTO horizon FROM running
        WHERE NOT EXISTS (SELECT 1 FROM cannot_write_events c WHERE c.id = xid(running.id));
        RETURN horizon;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION event_log_horizon()');
    await db.query('DROP FUNCTION mark_read_model_session()');
    await db.query('DROP TRIGGER events_not_from_read_model_sessions ON events');
    await db.query('DROP FUNCTION events_refuse_read_model_sessions()');
  }
}
