// The public record's transparency log, checked the way the server allows:
// one bounded segment per request, each starting where the previous one
// stopped, until the server says it reached the signed tree's end.
import { api } from './client';
import type { LogReport } from './types';

/** The whole check: the last segment's report, with every entry counted. */
export type Report = LogReport & { entries: number };

/** Reads one segment, from leaf `from` (absent: the first). */
export type SegmentReader = (query: { from?: number }, signal?: AbortSignal) => Promise<LogReport>;

/**
 * Follows the segments to the end and answers for the whole log: valid
 * only if every segment was. Stops at the first broken segment, which
 * already names the first entry that does not hold.
 */
export async function verifyAuditChain(read: SegmentReader, signal?: AbortSignal): Promise<Report> {
  let report = await read({}, signal);
  let entries = report.next - report.from;
  while (report.valid && !report.complete) {
    const from = report.next;
    report = await read({ from }, signal);
    entries += report.next - report.from;
    // A segment that does not move on would loop for ever: stop there.
    if (report.next <= from && !report.complete) break;
  }
  return { ...report, entries };
}

/** One segment from the server, for the screens that show the check. */
export const readAuditSegment: SegmentReader = (query, signal) => api.get('/api/v1/audit/verify', { query, signal });
