-- gepaie 0003: the monthly close — billing agreements and benefits, months (open or closed),
-- payslips and their lines, expenses, cost shares, invoices and credit notes.
-- Money as DECIMAL(14,2), hours as integer minutes, rates in parts per million.

-- A member's billing agreement (convention de mise à disposition).
ALTER TABLE members
  ADD COLUMN billing_model     VARCHAR(11)   NOT NULL DEFAULT 'cost_split',
  ADD COLUMN fee_rate_ppm      BIGINT        NOT NULL DEFAULT 0,
  ADD COLUMN fee_per_hour      DECIMAL(14,2) NOT NULL DEFAULT 0,
  ADD COLUMN coefficient_ppm   BIGINT        NOT NULL DEFAULT 0,
  ADD COLUMN payment_days      INT           NOT NULL DEFAULT 30,
  ADD CONSTRAINT ck_members_billing CHECK (billing_model IN ('cost_split', 'coefficient'));

-- What an employee costs beyond the payslip, and the tax rate withheld at source.
ALTER TABLE employees
  ADD COLUMN transit_pass_monthly DECIMAL(14,2) NOT NULL DEFAULT 0,
  ADD COLUMN meal_vouchers        TINYINT       NOT NULL DEFAULT 0,
  ADD COLUMN other_monthly_cost   DECIMAL(14,2) NOT NULL DEFAULT 0,
  ADD COLUMN income_tax_rate_ppm  BIGINT        NOT NULL DEFAULT 0;

-- One row per month that has been paid or closed. A closed month refuses every change.
CREATE TABLE periods (
  month        CHAR(7)      NOT NULL,  -- YYYY-MM
  state        VARCHAR(6)   NOT NULL DEFAULT 'open',
  pay_run_at   TIMESTAMP    NULL,
  closed_at    TIMESTAMP    NULL,
  closed_by    VARCHAR(200) NULL,
  forced_reason TEXT        NULL,      -- close --force: why the violations were accepted
  PRIMARY KEY (month),
  CONSTRAINT ck_periods_state CHECK (state IN ('open', 'closed'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Travel and other expenses an employee incurred at one member: refunded on the payslip,
-- billed to that member.
CREATE TABLE expenses (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  employee_id  BIGINT UNSIGNED NOT NULL,
  member_id    BIGINT UNSIGNED NOT NULL,
  expense_date DATE          NOT NULL,
  amount       DECIMAL(14,2) NOT NULL,
  label        VARCHAR(200)  NOT NULL,
  created_at   TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  KEY ix_expenses_date (expense_date),
  CONSTRAINT fk_expenses_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
  CONSTRAINT fk_expenses_member FOREIGN KEY (member_id) REFERENCES members (id),
  CONSTRAINT ck_expenses_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A payslip of the pay run: its totals, the month's leave figures and the year's cumulatives.
CREATE TABLE payslips (
  id                     BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  month                  CHAR(7)       NOT NULL,
  employee_id            BIGINT UNSIGNED NOT NULL,
  contract_id            BIGINT UNSIGNED NOT NULL,
  weekly_minutes         INT           NOT NULL,
  monthly_base           DECIMAL(14,2) NOT NULL,
  hourly_rate            DECIMAL(14,2) NOT NULL,  -- gross hourly rate (coefficient billing)
  worked_minutes         INT           NOT NULL,
  overtime_first_minutes INT           NOT NULL,
  overtime_second_minutes INT          NOT NULL,
  extra_first_minutes    INT           NOT NULL,
  extra_second_minutes   INT           NOT NULL,
  unpaid_minutes         INT           NOT NULL,
  paid_leave_minutes     INT           NOT NULL,
  ceiling                DECIMAL(14,2) NOT NULL,
  gross                  DECIMAL(14,2) NOT NULL,
  employee_contributions DECIMAL(14,2) NOT NULL,
  employer_contributions DECIMAL(14,2) NOT NULL,
  reductions             DECIMAL(14,2) NOT NULL,
  net_before_tax         DECIMAL(14,2) NOT NULL,
  net_taxable            DECIMAL(14,2) NOT NULL,
  net_social             DECIMAL(14,2) NOT NULL,
  income_tax             DECIMAL(14,2) NOT NULL,
  income_tax_rate_ppm    BIGINT        NOT NULL,
  net_paid               DECIMAL(14,2) NOT NULL,
  employer_cost          DECIMAL(14,2) NOT NULL,  -- gross + employer contributions
  overtime_tax_exempt    DECIMAL(14,2) NOT NULL,
  other_costs            DECIMAL(14,2) NOT NULL,  -- meal vouchers, transit, health service...
  total_cost             DECIMAL(14,2) NOT NULL,  -- employer_cost + other_costs: what is shared
  expenses               DECIMAL(14,2) NOT NULL,  -- refunded, billed to the member concerned
  leave_earned_cdays     INT           NOT NULL,  -- hundredths of a jour ouvrable
  leave_taken_cdays      INT           NOT NULL,
  leave_reference_gross  DECIMAL(14,2) NOT NULL,  -- gross counted for the dixième
  leave_n1_remaining_cdays INT         NOT NULL,  -- balances after this month: period N-1 ...
  leave_n_earned_cdays   INT           NOT NULL,  -- ... period N (June–May), earned so far
  leave_n_remaining_cdays INT          NOT NULL,  -- ... and what is left of it
  ytd_gross              DECIMAL(14,2) NOT NULL,  -- cumulatives of the calendar year, this month included
  ytd_net_taxable        DECIMAL(14,2) NOT NULL,
  ytd_income_tax         DECIMAL(14,2) NOT NULL,
  ytd_overtime_tax_exempt DECIMAL(14,2) NOT NULL,
  created_at             TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_payslips (month, employee_id),
  KEY ix_payslips_employee (employee_id, month),
  CONSTRAINT fk_payslips_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
  CONSTRAINT fk_payslips_contract FOREIGN KEY (contract_id) REFERENCES contracts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payslip_lines (
  payslip_id      BIGINT UNSIGNED NOT NULL,
  position        SMALLINT      NOT NULL,
  code            VARCHAR(60)   NOT NULL,
  label           VARCHAR(200)  NOT NULL,
  kind            VARCHAR(12)   NOT NULL,  -- earning, contribution, reduction, adjustment
  line_group      VARCHAR(20)   NOT NULL,
  minutes         INT           NOT NULL,
  base            DECIMAL(14,2) NOT NULL,
  employee_rate_ppm BIGINT      NULL,
  employee_amount DECIMAL(14,2) NOT NULL,
  employer_rate_ppm BIGINT      NULL,
  employer_amount DECIMAL(14,2) NOT NULL,
  PRIMARY KEY (payslip_id, position),
  CONSTRAINT fk_payslip_lines_payslip FOREIGN KEY (payslip_id) REFERENCES payslips (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The split of a closed month: each employee's cost share at each member.
CREATE TABLE cost_shares (
  month        CHAR(7)       NOT NULL,
  employee_id  BIGINT UNSIGNED NOT NULL,
  member_id    BIGINT UNSIGNED NOT NULL,
  minutes      INT           NOT NULL,  -- approved hours worked there (the weight)
  basis        VARCHAR(9)    NOT NULL,  -- worked, reference, contract
  share        DECIMAL(14,2) NOT NULL,
  expenses     DECIMAL(14,2) NOT NULL,
  PRIMARY KEY (month, employee_id, member_id),
  KEY ix_cost_shares_member (member_id, month),
  CONSTRAINT fk_cost_shares_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
  CONSTRAINT fk_cost_shares_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Invoice numbers: one counter per series (e.g. "FA-2026"), taken FOR UPDATE in the transaction
-- that issues the invoice, so numbers are continuous with no gaps.
CREATE TABLE invoice_counters (
  series      VARCHAR(20) NOT NULL,
  last_number BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (series)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Invoices and credit notes. Never updated once written.
CREATE TABLE invoices (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  number         VARCHAR(30)   NOT NULL,
  kind           VARCHAR(7)    NOT NULL,  -- invoice, credit
  member_id      BIGINT UNSIGNED NOT NULL,
  month          CHAR(7)       NOT NULL,
  issue_date     DATE          NOT NULL,
  due_date       DATE          NOT NULL,
  billing_model  VARCHAR(11)   NOT NULL,
  cost_share     DECIMAL(14,2) NOT NULL,  -- the member's real cost share (reconciliation)
  lines_total    DECIMAL(14,2) NOT NULL,  -- before fee and VAT
  fee            DECIMAL(14,2) NOT NULL,
  net_total      DECIMAL(14,2) NOT NULL,  -- hors taxes
  vat_rate_ppm   BIGINT        NOT NULL,
  vat            DECIMAL(14,2) NOT NULL,
  total          DECIMAL(14,2) NOT NULL,  -- toutes taxes comprises
  vat_mention    VARCHAR(300)  NULL,
  credited_invoice_id BIGINT UNSIGNED NULL,  -- credit note: the invoice it cancels
  reason         TEXT          NULL,
  created_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_invoices_number (number),
  KEY ix_invoices_member (member_id, month),
  KEY ix_invoices_month (month),
  CONSTRAINT fk_invoices_member FOREIGN KEY (member_id) REFERENCES members (id),
  CONSTRAINT fk_invoices_credited FOREIGN KEY (credited_invoice_id) REFERENCES invoices (id),
  CONSTRAINT ck_invoices_kind CHECK (kind IN ('invoice', 'credit'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE invoice_lines (
  invoice_id   BIGINT UNSIGNED NOT NULL,
  position     SMALLINT      NOT NULL,
  kind         VARCHAR(14)   NOT NULL,  -- employee, fee, expense, regularisation
  employee_id  BIGINT UNSIGNED NULL,
  label        VARCHAR(300)  NOT NULL,
  minutes      INT           NOT NULL,
  unit_price   DECIMAL(14,2) NOT NULL,
  amount       DECIMAL(14,2) NOT NULL,
  credited_position SMALLINT NULL,  -- credit note: the line of the cancelled invoice
  PRIMARY KEY (invoice_id, position),
  CONSTRAINT fk_invoice_lines_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
  CONSTRAINT fk_invoice_lines_employee FOREIGN KEY (employee_id) REFERENCES employees (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Corrections of a closed month, for a member: a regularisation line (plus or minus) on the
-- member's invoice of a later, open month. invoice_id is set when that invoice is issued.
CREATE TABLE invoice_adjustments (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  member_id   BIGINT UNSIGNED NOT NULL,
  month       CHAR(7)       NOT NULL,  -- the month whose invoice carries it
  amount      DECIMAL(14,2) NOT NULL,
  label       VARCHAR(300)  NOT NULL,
  invoice_id  BIGINT UNSIGNED NULL,
  created_at  TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  KEY ix_invoice_adjustments_month (month, member_id),
  CONSTRAINT fk_invoice_adjustments_member FOREIGN KEY (member_id) REFERENCES members (id),
  CONSTRAINT fk_invoice_adjustments_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
  CONSTRAINT ck_invoice_adjustments_amount CHECK (amount <> 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
