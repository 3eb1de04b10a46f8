// The audit chain is checked segment by segment: each request resumes
// after the last entry and hash the one before reported.
import { describe, expect, it } from 'vitest';
import { verifyAuditChain, type SegmentReader } from '../src/api/chain';

const hash = (n: number) => n.toString(16).padStart(64, '0');

function server(total: number, segment: number, brokenAt?: number) {
  const asked: { after?: number; hash?: string }[] = [];
  const read: SegmentReader = async (query) => {
    asked.push(query);
    const after = query.after ?? 0;
    const last = Math.min(after + segment, total);
    const broken = brokenAt !== undefined && brokenAt > after && brokenAt <= last;
    return {
      valid: !broken,
      entries: last - after,
      last_seq: last,
      last_hash: hash(last),
      complete: last === total,
      first_invalid: broken ? brokenAt : null,
      unchained: 0,
    };
  };
  return { read, asked };
}

describe('verifyAuditChain', () => {
  it('follows every segment to the end and counts all entries', async () => {
    const { read, asked } = server(2500, 1000);
    const report = await verifyAuditChain(read);
    expect(report).toMatchObject({ valid: true, complete: true, entries: 2500 });
    expect(asked).toEqual([{}, { after: 1000, hash: hash(1000) }, { after: 2000, hash: hash(2000) }]);
  });

  it('stops at the first broken segment, which names the link', async () => {
    const { read, asked } = server(2500, 1000, 1500);
    const report = await verifyAuditChain(read);
    expect(report).toMatchObject({ valid: false, first_invalid: 1500 });
    expect(asked).toHaveLength(2);
  });
});
