// The log is checked segment by segment: each request starts where the
// one before stopped.
import { describe, expect, it } from 'vitest';
import { verifyAuditChain, type SegmentReader } from '../src/api/chain';

function server(total: number, segment: number, brokenAt?: number) {
  const asked: { from?: number }[] = [];
  const read: SegmentReader = async (query) => {
    asked.push(query);
    const from = query.from ?? 0;
    const next = Math.min(from + segment, total);
    const broken = brokenAt !== undefined && brokenAt >= from && brokenAt < next;
    return {
      valid: !broken,
      tree_size: total,
      root_hash: '0'.repeat(64),
      from,
      next,
      complete: !broken && next === total,
      first_invalid: broken ? brokenAt : null,
      problem: broken ? 'record_changed' : null,
      pending: 0,
    };
  };
  return { read, asked };
}

describe('verifyAuditChain', () => {
  it('follows every segment to the end and counts all entries', async () => {
    const { read, asked } = server(2500, 1000);
    const report = await verifyAuditChain(read);
    expect(report).toMatchObject({ valid: true, complete: true, entries: 2500 });
    expect(asked).toEqual([{}, { from: 1000 }, { from: 2000 }]);
  });

  it('stops at the first broken segment, which names the entry', async () => {
    const { read, asked } = server(2500, 1000, 1500);
    const report = await verifyAuditChain(read);
    expect(report).toMatchObject({ valid: false, first_invalid: 1500 });
    expect(asked).toHaveLength(2);
  });
});
