-- gepaie 0005: durations in seconds instead of minutes, so that both notations people use are
-- exact: hundredths of an hour as payroll writes them (7.33 h = 26 388 s) and hours and minutes
-- as time clocks do (7 h 20 = 26 400 s). Every stored duration is multiplied by 60. Times of day
-- (allocations, work entries: start_minute, end_minute) stay minutes since midnight.
-- A CHECK constraint naming a column is dropped before the column is renamed (MySQL 8 refuses
-- the rename otherwise) and added again on the new column.

ALTER TABLE contracts DROP CONSTRAINT ck_contracts_hours;
ALTER TABLE contracts RENAME COLUMN weekly_minutes TO weekly_seconds;
UPDATE contracts SET weekly_seconds = weekly_seconds * 60;
ALTER TABLE contracts
  ADD CONSTRAINT ck_contracts_hours CHECK (weekly_seconds > 0 AND weekly_seconds <= 172800);

ALTER TABLE contract_amendments RENAME COLUMN weekly_minutes TO weekly_seconds;
UPDATE contract_amendments SET weekly_seconds = weekly_seconds * 60 WHERE weekly_seconds IS NOT NULL;

ALTER TABLE demands DROP CONSTRAINT ck_demands_hours;
ALTER TABLE demands RENAME COLUMN weekly_minutes TO weekly_seconds;
UPDATE demands SET weekly_seconds = weekly_seconds * 60;
ALTER TABLE demands ADD CONSTRAINT ck_demands_hours CHECK (weekly_seconds > 0);

ALTER TABLE work_entries DROP CONSTRAINT ck_work_entries_duration;
ALTER TABLE work_entries RENAME COLUMN duration_minutes TO duration_seconds;
UPDATE work_entries SET duration_seconds = duration_seconds * 60;
ALTER TABLE work_entries
  ADD CONSTRAINT ck_work_entries_duration CHECK (duration_seconds > 0 AND duration_seconds <= 86400);

ALTER TABLE absence_entries DROP CONSTRAINT ck_absence_duration;
ALTER TABLE absence_entries RENAME COLUMN duration_minutes TO duration_seconds;
UPDATE absence_entries SET duration_seconds = duration_seconds * 60;
ALTER TABLE absence_entries
  ADD CONSTRAINT ck_absence_duration CHECK (duration_seconds > 0 AND duration_seconds <= 86400);

ALTER TABLE payslips
  RENAME COLUMN weekly_minutes TO weekly_seconds,
  RENAME COLUMN worked_minutes TO worked_seconds,
  RENAME COLUMN overtime_first_minutes TO overtime_first_seconds,
  RENAME COLUMN overtime_second_minutes TO overtime_second_seconds,
  RENAME COLUMN extra_first_minutes TO extra_first_seconds,
  RENAME COLUMN extra_second_minutes TO extra_second_seconds,
  RENAME COLUMN unpaid_minutes TO unpaid_seconds,
  RENAME COLUMN paid_leave_minutes TO paid_leave_seconds;
UPDATE payslips SET
  weekly_seconds = weekly_seconds * 60,
  worked_seconds = worked_seconds * 60,
  overtime_first_seconds = overtime_first_seconds * 60,
  overtime_second_seconds = overtime_second_seconds * 60,
  extra_first_seconds = extra_first_seconds * 60,
  extra_second_seconds = extra_second_seconds * 60,
  unpaid_seconds = unpaid_seconds * 60,
  paid_leave_seconds = paid_leave_seconds * 60;

ALTER TABLE payslip_lines RENAME COLUMN minutes TO seconds;
UPDATE payslip_lines SET seconds = seconds * 60;

ALTER TABLE cost_shares RENAME COLUMN minutes TO seconds;
UPDATE cost_shares SET seconds = seconds * 60;

ALTER TABLE invoice_lines RENAME COLUMN minutes TO seconds;
UPDATE invoice_lines SET seconds = seconds * 60;

ALTER TABLE timesheet_disputed_days DROP CONSTRAINT ck_disputed_days_claimed;
ALTER TABLE timesheet_disputed_days
  RENAME COLUMN recorded_minutes TO recorded_seconds,
  RENAME COLUMN claimed_minutes TO claimed_seconds;
UPDATE timesheet_disputed_days SET
  recorded_seconds = recorded_seconds * 60,
  claimed_seconds = claimed_seconds * 60;
ALTER TABLE timesheet_disputed_days
  ADD CONSTRAINT ck_disputed_days_claimed CHECK (claimed_seconds BETWEEN 0 AND 86400);
