// The month's pay run inside a transaction the caller holds, shared by `payroll run` and the
// close: lock, read, compute with the payroll rules, store.
#pragma once

#include "gepaie/app/payroll.h"
#include "gepaie/config/settings.h"
#include "gepaie/core/calendar.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/store/database.h"

namespace gepaie::app::internal {

// Locks the month (Conflict when it is closed or a later month is), reads what the pay run needs,
// computes the payslip of every employee with a contract active in the month and stores them,
// replacing the month's previous (draft) run completely. BadInput when no rates file covers the
// month, an employee's month makes no sense (the message names the employee and contract) or
// contracts are paid below the SMIC or their agreement's minimum (all listed; nothing stored).
PayRunReport compute_and_store_pay_run(store::Database& db, const payroll::RateBook& rates,
                                       const config::Settings& settings, Month month);

}  // namespace gepaie::app::internal
