// The public audit log's hash chain, checked the way the server allows:
// one bounded segment per request, each resuming after the entry and hash
// the previous one reported, until the server says the chain is complete.
import { api } from './client';
import type { AuditChainReport as Report } from './types';

/** Reads one segment: after entry `after` (0: the start), linking to `hash`. */
export type SegmentReader = (query: { after?: number; hash?: string }, signal?: AbortSignal) => Promise<Report>;

/**
 * Follows the segments to the end and answers for the whole chain: valid
 * only if every segment was, with the entries of all of them. Stops at the
 * first broken segment, which already names the first broken link.
 */
export async function verifyAuditChain(read: SegmentReader, signal?: AbortSignal): Promise<Report> {
  let report = await read({}, signal);
  let entries = report.entries;
  while (report.valid && !report.complete && report.last_hash) {
    const from = report.last_seq;
    report = await read({ after: from, hash: report.last_hash }, signal);
    entries += report.entries;
    // A segment that does not move on would loop for ever: stop there.
    if (report.last_seq <= from && !report.complete) break;
  }
  return { ...report, entries };
}

/** One segment from the server, for the screens that show the check. */
export const readAuditSegment: SegmentReader = (query, signal) => api.get('/api/v1/audit/verify', { query, signal });
