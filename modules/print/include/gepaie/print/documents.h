// What the printed documents show: payslips with the GE, the employee and the contract; invoices
// and credit notes with both parties and the annex of days worked at the member. The application
// layer gathers them (app/documents.h); print only lays them out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/config/settings.h"
#include "gepaie/registry/records.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/payroll_store.h"

namespace gepaie::print {

struct PayslipDocument {
  config::GeIdentity ge;
  registry::Employee employee;
  registry::Contract contract;   // the payslip's contract: entry date, job, classification
  store::StoredPayslip payslip;  // with its lines
  Date payment_date;             // the last day of the month
};

// Approved hours at the member per employee and day, as the split counts them.
using AnnexDay = store::ApprovedDay;

struct InvoiceDocument {
  config::GeIdentity ge;
  config::InvoicingSettings invoicing;
  registry::Member member;
  store::StoredInvoice invoice;
  std::vector<AnnexDay> annex;  // approved hours at the member, per employee and day
  Money recovery_fee;           // indemnité forfaitaire de recouvrement, from the rates
};

}  // namespace gepaie::print
