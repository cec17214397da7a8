-- gepaie 0004: who acted (an actor recorded as "operator:NAME", "member:SIRET:NAME", ...) and
-- the timesheet dispute: a member contests a submitted timesheet (days, the hours it claims, a
-- comment), the GE corrects it and submits it again. Every step of a timesheet is kept.

ALTER TABLE timesheets DROP CONSTRAINT ck_timesheets_state;
ALTER TABLE timesheets
  ADD CONSTRAINT ck_timesheets_state CHECK (state IN ('draft', 'submitted', 'approved', 'disputed'));

-- The history of a timesheet: submitted, approved, disputed, resubmitted.
CREATE TABLE timesheet_events (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  timesheet_id BIGINT UNSIGNED NOT NULL,
  happened_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  actor        VARCHAR(200) NOT NULL,
  action       VARCHAR(11)  NOT NULL,
  comment      TEXT         NULL,
  PRIMARY KEY (id),
  KEY ix_timesheet_events_timesheet (timesheet_id),
  CONSTRAINT fk_timesheet_events_timesheet FOREIGN KEY (timesheet_id) REFERENCES timesheets (id) ON DELETE CASCADE,
  CONSTRAINT ck_timesheet_events_action CHECK (action IN ('submitted', 'approved', 'disputed', 'resubmitted'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The days a dispute contests: the hours recorded then and the hours the member claims.
CREATE TABLE timesheet_disputed_days (
  event_id         BIGINT UNSIGNED NOT NULL,
  work_date        DATE   NOT NULL,
  recorded_minutes INT    NOT NULL,
  claimed_minutes  INT    NOT NULL,
  PRIMARY KEY (event_id, work_date),
  CONSTRAINT fk_disputed_days_event FOREIGN KEY (event_id) REFERENCES timesheet_events (id) ON DELETE CASCADE,
  CONSTRAINT ck_disputed_days_claimed CHECK (claimed_minutes BETWEEN 0 AND 1440)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who submitted a timesheet last; who issued an invoice or a credit note.
ALTER TABLE timesheets ADD COLUMN submitted_by VARCHAR(200) NULL;
ALTER TABLE invoices ADD COLUMN issued_by VARCHAR(200) NULL;
