// The staff console's routes (/staff/...), in their own module so the
// citizen screens do not grow with it.
import type { JSX } from 'preact';
import { StaffAmendments } from './Amendments';
import { StaffReports } from './Reports';
import { StaffUsers } from './Users';
import { StaffAnswers } from './Answers';

/** The staff screen for a route name, or null when it is not a staff route. */
export function staffScreen(name: string, query: URLSearchParams): JSX.Element | null {
  switch (name) {
    case 'staffAmendments':
      return <StaffAmendments />;
    case 'staffReports':
      return <StaffReports query={query} />;
    case 'staffUsers':
      return <StaffUsers query={query} />;
    case 'staffAnswers':
      return <StaffAnswers query={query} />;
    default:
      return null;
  }
}
