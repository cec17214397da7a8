-- gepaie 0002: staffing — skills, members' demands, the weekly schedule, timesheets.
-- Times of day are minutes since midnight; durations are minutes.

CREATE TABLE employee_skills (
  employee_id BIGINT UNSIGNED NOT NULL,
  skill       VARCHAR(100) NOT NULL,
  PRIMARY KEY (employee_id, skill),
  CONSTRAINT fk_employee_skills_employee FOREIGN KEY (employee_id) REFERENCES employees (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A member's need: a skill for a number of hours a week, preferably on some weekdays.
CREATE TABLE demands (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  member_id      BIGINT UNSIGNED NOT NULL,
  skill          VARCHAR(100) NOT NULL,
  weekly_minutes INT          NOT NULL,
  weekdays       VARCHAR(13)  NOT NULL DEFAULT '',  -- ISO weekdays, e.g. '1,2,4'; empty: any
  date_from      DATE         NOT NULL,
  date_to        DATE         NOT NULL,
  created_at     TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  KEY ix_demands_member (member_id),
  CONSTRAINT fk_demands_member FOREIGN KEY (member_id) REFERENCES members (id),
  CONSTRAINT ck_demands_hours CHECK (weekly_minutes > 0),
  CONSTRAINT ck_demands_dates CHECK (date_to >= date_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The weekly schedule: employee × member × weekday × time slot × validity dates.
CREATE TABLE allocations (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  employee_id  BIGINT UNSIGNED NOT NULL,
  member_id    BIGINT UNSIGNED NOT NULL,
  weekday      TINYINT      NOT NULL,
  start_minute SMALLINT     NOT NULL,
  end_minute   SMALLINT     NOT NULL,
  date_from    DATE         NOT NULL,
  date_to      DATE         NULL,
  demand_id    BIGINT UNSIGNED NULL,
  created_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  KEY ix_allocations_employee (employee_id, weekday),
  KEY ix_allocations_member (member_id),
  CONSTRAINT fk_allocations_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
  CONSTRAINT fk_allocations_member FOREIGN KEY (member_id) REFERENCES members (id),
  CONSTRAINT fk_allocations_demand FOREIGN KEY (demand_id) REFERENCES demands (id) ON DELETE SET NULL,
  CONSTRAINT ck_allocations_weekday CHECK (weekday BETWEEN 1 AND 7),
  CONSTRAINT ck_allocations_slot CHECK (start_minute >= 0 AND end_minute <= 1440 AND end_minute > start_minute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A month's timesheet of one employee at one member, and its approval by the member.
CREATE TABLE timesheets (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  employee_id  BIGINT UNSIGNED NOT NULL,
  member_id    BIGINT UNSIGNED NOT NULL,
  month        CHAR(7)      NOT NULL,  -- YYYY-MM
  state        VARCHAR(9)   NOT NULL DEFAULT 'draft',
  submitted_at TIMESTAMP    NULL,
  approved_by  VARCHAR(200) NULL,
  approved_at  TIMESTAMP    NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_timesheets (employee_id, member_id, month),
  CONSTRAINT fk_timesheets_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
  CONSTRAINT fk_timesheets_member FOREIGN KEY (member_id) REFERENCES members (id),
  CONSTRAINT ck_timesheets_state CHECK (state IN ('draft', 'submitted', 'approved'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Work done: per employee, member and day, a time range or a duration.
CREATE TABLE work_entries (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  timesheet_id    BIGINT UNSIGNED NOT NULL,
  work_date       DATE     NOT NULL,
  start_minute    SMALLINT NULL,
  end_minute      SMALLINT NULL,
  duration_minutes INT     NOT NULL,
  PRIMARY KEY (id),
  KEY ix_work_entries_timesheet (timesheet_id, work_date),
  CONSTRAINT fk_work_entries_timesheet FOREIGN KEY (timesheet_id) REFERENCES timesheets (id) ON DELETE CASCADE,
  CONSTRAINT ck_work_entries_duration CHECK (duration_minutes > 0 AND duration_minutes <= 1440)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Absences: paid leave, sickness, unpaid leave, training, public holiday.
CREATE TABLE absence_entries (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  employee_id      BIGINT UNSIGNED NOT NULL,
  absence_date     DATE        NOT NULL,
  kind             VARCHAR(14) NOT NULL,
  duration_minutes INT         NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_absence (employee_id, absence_date, kind),
  CONSTRAINT fk_absence_entries_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
  CONSTRAINT ck_absence_kind CHECK (kind IN ('paid_leave', 'sickness', 'unpaid_leave', 'training', 'public_holiday')),
  CONSTRAINT ck_absence_duration CHECK (duration_minutes > 0 AND duration_minutes <= 1440)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
