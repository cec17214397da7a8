-- gepaie 0001: members, employees, contracts and amendments.
-- InnoDB, utf8mb4, money as DECIMAL(14,2), hours as integer minutes.
-- Plain SQL accepted by both MariaDB 10.11 and MySQL 8.

CREATE TABLE members (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  siret         CHAR(14)     NOT NULL,
  legal_name    VARCHAR(200) NOT NULL,
  address_line1 VARCHAR(200) NOT NULL,
  address_line2 VARCHAR(200) NULL,
  postcode      VARCHAR(10)  NOT NULL,
  city          VARCHAR(100) NOT NULL,
  country       CHAR(2)      NOT NULL DEFAULT 'FR',
  vat_number    VARCHAR(20)  NULL,
  contact_name  VARCHAR(200) NULL,
  contact_email VARCHAR(200) NULL,
  contact_phone VARCHAR(40)  NULL,
  agreement_ref VARCHAR(50)  NULL,
  created_at    TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_members_siret (siret)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE employees (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  number        VARCHAR(20)  NOT NULL,
  last_name     VARCHAR(100) NOT NULL,
  first_name    VARCHAR(100) NOT NULL,
  birth_date    DATE         NOT NULL,
  nir           CHAR(15)     NOT NULL,
  address_line1 VARCHAR(200) NOT NULL,
  address_line2 VARCHAR(200) NULL,
  postcode      VARCHAR(10)  NOT NULL,
  city          VARCHAR(100) NOT NULL,
  country       CHAR(2)      NOT NULL DEFAULT 'FR',
  iban          VARCHAR(34)  NOT NULL,
  email         VARCHAR(200) NULL,
  created_at    TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_employees_number (number),
  UNIQUE KEY uq_employees_nir (nir)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contracts (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  reference      VARCHAR(30)  NOT NULL,
  employee_id    BIGINT UNSIGNED NOT NULL,
  kind           VARCHAR(3)   NOT NULL,
  start_date     DATE         NOT NULL,
  end_date       DATE         NULL,
  cdd_reason     VARCHAR(200) NULL,
  weekly_minutes INT          NOT NULL,
  monthly_gross  DECIMAL(14,2) NULL,
  hourly_rate    DECIMAL(14,2) NULL,
  status         VARCHAR(9)   NOT NULL,
  job_title      VARCHAR(200) NOT NULL,
  classification VARCHAR(200) NOT NULL,
  idcc           CHAR(4)      NOT NULL,
  created_at     TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at     TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_contracts_reference (reference),
  KEY ix_contracts_employee (employee_id),
  CONSTRAINT fk_contracts_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
  CONSTRAINT ck_contracts_kind CHECK (kind IN ('CDI', 'CDD')),
  CONSTRAINT ck_contracts_status CHECK (status IN ('cadre', 'non-cadre')),
  CONSTRAINT ck_contracts_hours CHECK (weekly_minutes > 0 AND weekly_minutes <= 2880),
  CONSTRAINT ck_contracts_pay CHECK ((monthly_gross IS NULL) <> (hourly_rate IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The members a contract allows the employee to be placed with (Code du travail L1253-9).
CREATE TABLE contract_members (
  contract_id BIGINT UNSIGNED NOT NULL,
  member_id   BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (contract_id, member_id),
  KEY ix_contract_members_member (member_id),
  CONSTRAINT fk_contract_members_contract FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
  CONSTRAINT fk_contract_members_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Contract amendments (avenants): only the terms that change, from an effective date.
-- NULL means "unchanged"; members_changed says whether amendment_members replaces the list.
CREATE TABLE contract_amendments (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  contract_id     BIGINT UNSIGNED NOT NULL,
  effective_date  DATE          NOT NULL,
  weekly_minutes  INT           NULL,
  monthly_gross   DECIMAL(14,2) NULL,
  hourly_rate     DECIMAL(14,2) NULL,
  job_title       VARCHAR(200)  NULL,
  classification  VARCHAR(200)  NULL,
  members_changed TINYINT(1)    NOT NULL DEFAULT 0,
  note            VARCHAR(500)  NULL,
  created_at      TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at      TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_amendments_contract_date (contract_id, effective_date),
  CONSTRAINT fk_amendments_contract FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE amendment_members (
  amendment_id BIGINT UNSIGNED NOT NULL,
  member_id    BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (amendment_id, member_id),
  CONSTRAINT fk_amendment_members_amendment FOREIGN KEY (amendment_id) REFERENCES contract_amendments (id) ON DELETE CASCADE,
  CONSTRAINT fk_amendment_members_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
