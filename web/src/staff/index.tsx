// The staff console's routes (/staff/...). Its screens come in their own
// module so the citizen screens do not grow with it.
import type { JSX } from 'preact';

/** The staff screen for a route name, or null when it is not a staff route. */
export function staffScreen(name: string, _query: URLSearchParams): JSX.Element | null {
  void _query;
  if (!name.startsWith('staff')) return null;
  return null;
}
