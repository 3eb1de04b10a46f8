// What the client works out the user may do (src/policy.ts): each question
// with the cases the screens meet.
import { describe, expect, it } from 'vitest';
import type { Me } from '../src/api/client';
import type { Account, Amendment, Comment, ModerationItem, Proposal } from '../src/api/types';
import * as may from '../src/policy';

const settings = {
  proposals_open: true,
  supports_open: true,
  amendments_open: true,
  comments_open: true,
  supporters_public: true,
  verification_required_to_support: false,
  support_threshold: 0,
  support_limit_per_user: 0,
  minimum_supports_per_user: 0,
};
type Settings = Proposal['space']['settings'];
const space = (changes: Partial<Settings> = {}) => ({ settings: { ...settings, ...changes } as Settings });

const me = (changes: Partial<Me> = {}) => ({ id: 'u1', nickname: 'giulia', display_name: 'Giulia', verified: true, email: 'g@e.it', created_at: '', blocked: false, roles: [], ...changes }) as Me;
const other = me({ id: 'u2' });

// Only the fields the policy reads.
const proposal = (changes: Partial<Proposal> = {}) =>
  ({ state: 'published', hidden: false, space_id: 's1', my_support: null, authors: [{ user_id: 'u1', kind: 'creator' }], actions: noActions, ...changes }) as unknown as Proposal;
const acts = (flags: Partial<Proposal['actions']> = {}) => ({ ...noActions, ...flags }) as Proposal['actions'];
const noActions = { support: false, withdraw_support: false, amend: false, comment: false, edit: false, withdraw: false, answer: false, report: false, moderate: false };
const support = (version: number, current: number) => ({ version, current_version: current, pending: false }) as unknown as NonNullable<Proposal['my_support']>;

describe('policy: roles', () => {
  it('knows administrators and staff, in a space or anywhere', () => {
    expect(may.isAdmin(me({ roles: [{ role: 'admin' }] as Me['roles'] }))).toBe(true);
    expect(may.isAdmin(me())).toBe(false);
    const staffOfS1 = me({ roles: [{ role: 'staff', space_id: 's1' }] as Me['roles'] });
    expect(may.isStaff(staffOfS1, 's1')).toBe(true);
    expect(may.isStaff(staffOfS1, 's2')).toBe(false);
    expect(may.isStaff(staffOfS1)).toBe(true);
    expect(may.isStaff(me({ roles: [{ role: 'admin' }] as Me['roles'] }), 's2')).toBe(true);
    expect(may.isStaff(null)).toBe(false);
    // The server says who may answer; the client follows its word.
    expect(may.canAnswer(proposal({ actions: acts({ answer: true }) }), staffOfS1)).toBe(true);
    expect(may.canAnswer(proposal(), staffOfS1)).toBe(false);
    expect(may.canAnswer(proposal({ actions: acts({ answer: true }) }), null)).toBe(false);
  });
});

describe('policy: supports', () => {
  it('takes supports while the proposal is published or evaluated, in a space that takes them', () => {
    expect(may.supportsOpen(proposal(), space())).toBe(true);
    expect(may.supportsOpen(proposal({ state: 'evaluating' }), space())).toBe(true);
    for (const state of ['accepted', 'rejected', 'withdrawn'] as const) expect(may.supportsOpen(proposal({ state }), space()), state).toBe(false);
    expect(may.supportsOpen(proposal(), space({ supports_open: false }))).toBe(false);
  });

  it('offers support, confirmation on a newer version, or withdrawal, as the server says', () => {
    const open = acts({ support: true, withdraw_support: true });
    expect(may.canSupport(proposal({ actions: open }), null)).toBe(false);
    expect(may.canSupport(proposal({ actions: open }), other)).toBe(true);
    expect(may.canSupport(proposal(), other)).toBe(false);
    const behind = proposal({ my_support: support(1, 3), actions: open });
    expect(may.canSupport(behind, other)).toBe(false);
    expect(may.canConfirmSupport(behind, other)).toBe(true);
    expect(may.canConfirmSupport(proposal({ my_support: support(3, 3), actions: open }), other)).toBe(false);
    expect(may.canWithdrawSupport(behind, other)).toBe(true);
    expect(may.canWithdrawSupport(proposal({ actions: open }), other)).toBe(false);
    expect(may.canWithdrawSupport(proposal({ state: 'accepted', my_support: support(1, 1) }), other)).toBe(false);
  });

  it('says why the server offers no support: the threshold reached, else the person’s limit', () => {
    const full = space({ support_threshold: 5, supports_beyond_threshold: false } as Partial<Settings>);
    const at = (n: number) => proposal({ counters: { supports: n, supports_given: n, comments: 0 } } as Partial<Proposal>);
    expect(may.whyNoSupport(at(5), full, other)).toBe('error.support_threshold_reached');
    expect(may.whyNoSupport(at(2), full, other)).toBe('error.support_limit_reached');
    expect(may.whyNoSupport(proposal({ ...at(5), actions: acts({ support: true }) }), full, other)).toBe(null);
    expect(may.whyNoSupport(at(5), full, null)).toBe(null);
    expect(may.whyNoSupport(at(5), space({ supports_open: false }), other)).toBe(null);
  });

  it('asks an unverified person to verify where the space requires it, but lets them withdraw a support given', () => {
    const strict = space({ verification_required_to_support: true });
    const unverified = me({ id: 'u2', verified: false });
    expect(may.canSupport(proposal(), unverified)).toBe(false);
    expect(may.mustVerifyToSupport(proposal(), strict, unverified)).toBe(true);
    expect(may.whyNoSupport(proposal(), strict, unverified)).toBe(null);
    expect(may.mustVerifyToSupport(proposal(), strict, other)).toBe(false);
    expect(may.mustVerifyToSupport(proposal(), strict, null)).toBe(false);
    const given = proposal({ my_support: support(1, 1), actions: acts({ withdraw_support: true }) });
    expect(may.mustVerifyToSupport(given, strict, unverified)).toBe(false);
    expect(may.canWithdrawSupport(given, unverified)).toBe(true);
  });

  it('shows the supporters where the space makes them public', () => {
    expect(may.canSeeSupporters(space())).toBe(true);
    expect(may.canSeeSupporters(space({ supporters_public: false }))).toBe(false);
  });
});

describe('policy: the proposal', () => {
  it('lets its authors edit it while published and withdraw it while open', () => {
    // Editing and withdrawing follow the server's `actions`.
    expect(may.canEdit(proposal({ actions: acts({ edit: true }) }), me())).toBe(true);
    expect(may.canEdit(proposal(), me())).toBe(false);
    expect(may.canWithdraw(proposal({ actions: acts({ withdraw: true }) }), me())).toBe(true);
    expect(may.canWithdraw(proposal(), me())).toBe(false);
    expect(may.canWithdraw(proposal({ actions: acts({ withdraw: true }) }), null)).toBe(false);
  });

  it('lets others report it and amend it as the server says, and says why not', () => {
    expect(may.canReportProposal(proposal({ actions: acts({ report: true }) }), other)).toBe(true);
    expect(may.canReportProposal(proposal({ actions: acts({ report: true }) }), null)).toBe(false);
    expect(may.canReportProposal(proposal(), other)).toBe(false);
    expect(may.reportedAlready(proposal(), other)).toBe(true);
    expect(may.reportedAlready(proposal(), me())).toBe(false);
    expect(may.reportedAlready(proposal({ hidden: true }), other)).toBe(false);
    expect(may.canAmend(proposal({ actions: acts({ amend: true }) }), other)).toBe(true);
    expect(may.canAmend(proposal({ actions: acts({ amend: true }) }), null)).toBe(false);
    expect(may.canAmend(proposal(), other)).toBe(false);
    expect(may.whyNoAmend(proposal(), space(), other)).toBe('error.amendment_open_exists');
    expect(may.whyNoAmend(proposal(), space({ verification_required_to_propose: true } as Partial<Settings>), me({ id: 'u2', verified: false }))).toBe('error.verification_required');
    expect(may.whyNoAmend(proposal({ actions: acts({ amend: true }) }), space(), other)).toBe(null);
    expect(may.whyNoAmend(proposal(), space({ amendments_open: false }), other)).toBe(null);
    expect(may.amendmentsOpen(proposal(), space())).toBe(true);
    expect(may.amendmentsOpen(proposal({ state: 'rejected' }), space())).toBe(false);
    expect(may.amendmentsOpen(proposal(), space({ amendments_open: false }))).toBe(false);
  });

  it('takes comments unless withdrawn, hidden, or closed by its space; for someone signed in, as the server says', () => {
    expect(may.proposalCommentsOpen(proposal({ state: 'accepted' }), space())).toBe(true);
    expect(may.proposalCommentsOpen(proposal({ state: 'withdrawn' }), space())).toBe(false);
    expect(may.proposalCommentsOpen(proposal({ hidden: true }), space())).toBe(false);
    expect(may.proposalCommentsOpen(proposal(), space({ comments_open: false }))).toBe(false);
    expect(may.proposalCommentsOpen(proposal(), space(), other)).toBe(false);
    expect(may.proposalCommentsOpen(proposal({ actions: acts({ comment: true }) }), space(), other)).toBe(true);
  });

  it('takes proposals in a space that is open to them', () => {
    expect(may.canPropose(space())).toBe(true);
    expect(may.canPropose(space({ proposals_open: false }))).toBe(false);
  });
});

describe('policy: amendments and comments', () => {
  const amendment = (changes: Partial<Amendment> = {}) => ({ author_id: 'u1', state: 'evaluating', actions: { withdraw: false }, ...changes }) as unknown as Amendment;
  it('lets the author withdraw an amendment under evaluation, others report it', () => {
    expect(may.canWithdrawAmendment(amendment({ actions: { withdraw: true } as Amendment['actions'] }), me())).toBe(true);
    expect(may.canWithdrawAmendment(amendment(), me())).toBe(false);
    expect(may.canReportAmendment(amendment(), other)).toBe(true);
    expect(may.canReportAmendment(amendment(), me())).toBe(false);
    expect(may.amendmentCommentsOpen(amendment())).toBe(true);
    expect(may.amendmentCommentsOpen(amendment({ state: 'rejected' }))).toBe(false);
  });

  const comment = (changes: Partial<Comment> = {}) => ({ author: { id: 'u1' }, deleted: false, hidden: false, depth: 1, ...changes }) as unknown as Comment;
  it('lets others vote, reply (to depth 3) and report; the author edit (while open) and delete', () => {
    expect(may.canVote(comment(), other)).toBe(true);
    expect(may.canVote(comment(), me())).toBe(false);
    expect(may.canReply(comment(), true, other)).toBe(true);
    expect(may.canReply(comment({ depth: 3 }), true, other)).toBe(false);
    expect(may.canReply(comment(), false, other)).toBe(false);
    expect(may.canEditComment(comment(), true, me())).toBe(true);
    expect(may.canEditComment(comment(), false, me())).toBe(false);
    expect(may.canDeleteComment(comment(), me())).toBe(true);
    expect(may.canDeleteComment(comment(), other)).toBe(false);
    expect(may.canReportComment(comment(), other)).toBe(true);
    expect(may.canComment(true, null)).toBe(false);
  });

  it('offers nothing on a deleted or hidden comment', () => {
    for (const c of [comment({ deleted: true }), comment({ hidden: true })]) {
      expect(may.isLive(c)).toBe(false);
      expect([may.canVote(c, other), may.canReply(c, true, other), may.canDeleteComment(c, me()), may.canReportComment(c, other)]).toEqual([false, false, false, false]);
    }
  });
});

describe('policy: the staff console', () => {
  it('offers hide, unhide and dismiss by the item’s state', () => {
    const item = (hidden: boolean, open_reports: number) => ({ hidden, open_reports }) as ModerationItem;
    expect([may.canHide(item(false, 1)), may.canUnhide(item(false, 1)), may.canDismiss(item(false, 1))]).toEqual([true, false, true]);
    expect([may.canHide(item(true, 0)), may.canUnhide(item(true, 0)), may.canDismiss(item(true, 0))]).toEqual([false, true, false]);
  });

  it('offers verify, block and unblock by the account’s standing', () => {
    const account = (verified_at: string | null, blocked: boolean, display_name = 'Anna Neri') => ({ verified_at, blocked, display_name }) as Account;
    expect([may.canVerifyAccount(account(null, false)), may.canBlock(account(null, false)), may.canUnblock(account(null, false))]).toEqual([true, true, false]);
    expect([may.canVerifyAccount(account('2026-01-01', true)), may.canBlock(account('2026-01-01', true)), may.canUnblock(account('2026-01-01', true))]).toEqual([false, false, true]);
    // A deleted account (its name emptied) is left alone.
    expect([may.isErased(account(null, false, '')), may.canVerifyAccount(account(null, false, '')), may.canBlock(account(null, false, ''))]).toEqual([true, false, false]);
  });
});
