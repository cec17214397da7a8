// What the printed documents show, gathered from the database: payslips with the GE, the
// employee and the contract; invoices and credit notes with both parties and the annex of days
// worked at the member; the payroll journal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/config/settings.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/registry/records.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/database.h"
#include "gepaie/store/payroll_store.h"

namespace gepaie::print {

struct PayslipDocument {
  config::GeIdentity ge;
  registry::Employee employee;
  registry::Contract contract;   // the payslip's contract: entry date, job, classification
  store::StoredPayslip payslip;  // with its lines
  Date payment_date;             // the last day of the month
};

// The month's payslips (one employee with `employee`), by employee number. NotFound when the
// month has no pay run.
std::vector<PayslipDocument> load_payslip_documents(store::Database& db,
                                                    const config::Settings& settings, Month month,
                                                    const std::optional<std::string>& employee);

struct AnnexDay {
  std::string employee_number;
  std::string employee_name;
  Date day;
  Hours hours;
};

struct InvoiceDocument {
  config::GeIdentity ge;
  config::InvoicingSettings invoicing;
  registry::Member member;
  store::StoredInvoice invoice;
  std::vector<AnnexDay> annex;  // approved hours at the member, per employee and day
  Money recovery_fee;           // indemnité forfaitaire de recouvrement, from the rates
};

// The month's invoices and credit notes (one member with `member`), in number order.
std::vector<InvoiceDocument> load_invoice_documents(store::Database& db,
                                                    const config::Settings& settings,
                                                    const payroll::RateBook& rates, Month month,
                                                    const std::optional<std::string>& member);

}  // namespace gepaie::print
