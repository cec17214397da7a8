#include "gepaie/staffing/model.h"

#include <algorithm>

namespace gepaie::staffing {
const char* to_string(TimesheetState state) {
  switch (state) {
    case TimesheetState::Draft:
      return "draft";
    case TimesheetState::Submitted:
      return "submitted";
    case TimesheetState::Approved:
      return "approved";
    case TimesheetState::Disputed:
      return "disputed";
  }
  return "";
}

std::optional<TimesheetState> timesheet_state_from(std::string_view text) {
  for (TimesheetState state : {TimesheetState::Draft, TimesheetState::Submitted,
                               TimesheetState::Approved, TimesheetState::Disputed}) {
    if (text == to_string(state)) {
      return state;
    }
  }
  return std::nullopt;
}

bool EmploymentPeriod::allows(const std::string& siret) const {
  return std::find(member_sirets.begin(), member_sirets.end(), siret) != member_sirets.end();
}

}  // namespace gepaie::staffing
