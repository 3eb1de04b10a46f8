// What the signed-in user may do: one function per question, and the
// screens ask only these. Where the server says it in the representation
// (`actions` on a proposal and an amendment, computed from the same rules
// its writes enforce: thresholds, per-person limits, a report already
// made, an amendment already open), the answer for a signed-in user is the
// server's, and a button the server would refuse is not offered; its reason
// is worked out here only to be said. What the server does not say
// (comments, someone signed out) is still worked out from states, settings
// and roles, and the server decides every action anyway.
import type { Me } from './api/client';
import type { Account, Amendment, Comment, ModerationItem, Proposal } from './api/types';

type User = Me | null;
/** A space's rules, as the proposal brings them (`proposal.space`) or the space itself. */
type Space = { settings: Proposal['space']['settings'] };
type State = Proposal['state'];

/** The states in which a proposal takes supports, amendments and its withdrawal. */
const OPEN: readonly State[] = ['published', 'evaluating'];
const isOpen = (p: Proposal) => OPEN.includes(p.state);

/** The deepest a reply may sit in a thread. */
const MAX_DEPTH = 3;

// People

/** An administrator (the accounts screen is theirs). */
export function isAdmin(me: User): boolean {
  return !!me?.roles.some((r) => r.role === 'admin');
}

/** Has staff powers anywhere, or in the space given. */
export function isStaff(me: User, spaceId?: string): boolean {
  if (!me) return false;
  return me.roles.some((r) => r.role === 'admin' || (r.role === 'staff' && (!spaceId || !r.space_id || r.space_id === spaceId)));
}

/** One of the proposal's authors (its creator or a co-author from an accepted amendment). */
export function isAuthor(p: Proposal, me: User): boolean {
  return !!me && p.authors.some((a) => a.user_id === me.id);
}

// Spaces

/** The space takes new proposals. */
export function canPropose(space: Space): boolean {
  return !!space.settings.proposals_open;
}

// Supports

/** The proposal takes supports now (someone signed out is asked to sign in). */
export function supportsOpen(p: Proposal, space: Space): boolean {
  return !!space.settings.supports_open && isOpen(p);
}

/** The list of supporters may be read (the space makes it public). */
export function canSeeSupporters(space: Space): boolean {
  return !!space.settings.supporters_public;
}

/** Signed in, but the space wants a verified identity to support and the user's is not: said instead of the button. */
export function mustVerifyToSupport(p: Proposal, space: Space, me: User): boolean {
  return !!me && supportsOpen(p, space) && !!space.settings.verification_required_to_support && !me.verified && !p.my_support;
}

/** May support the proposal (not supported yet; the server's word). */
export function canSupport(p: Proposal, me: User): boolean {
  return !!me && !p.my_support && p.actions.support;
}

/** Supported an earlier version, and may confirm the support on the current one (the server's word). */
export function canConfirmSupport(p: Proposal, me: User): boolean {
  const mine = p.my_support;
  return !!me && !!mine && mine.version < mine.current_version && p.actions.support;
}

/** May withdraw the support given (the server's word). */
export function canWithdrawSupport(p: Proposal, me: User): boolean {
  return !!me && !!p.my_support && p.actions.withdraw_support;
}

/**
 * Signed in, verified where it matters, supports open and none given, yet
 * the server offers no support: the threshold was reached (in a space that
 * takes none beyond it) or the person's limit in the space; said instead
 * of the button, in the words of the refusal.
 */
export function whyNoSupport(p: Proposal, space: Space, me: User): 'error.support_threshold_reached' | 'error.support_limit_reached' | null {
  if (!me || !supportsOpen(p, space) || p.my_support || p.actions.support || mustVerifyToSupport(p, space, me)) return null;
  const { support_threshold: threshold, supports_beyond_threshold: beyond } = space.settings;
  return threshold && !beyond && p.counters.supports >= threshold ? 'error.support_threshold_reached' : 'error.support_limit_reached';
}

// The proposal itself

/** The proposal takes amendments now (someone signed out is asked to sign in). */
export function amendmentsOpen(p: Proposal, space: Space): boolean {
  return !!space.settings.amendments_open && isOpen(p);
}

/** May propose an amendment (the server's word). */
export function canAmend(p: Proposal, me: User): boolean {
  return !!me && p.actions.amend;
}

/** Signed in and amendments open, yet the server offers none: an unverified identity where the space asks one, else an amendment of theirs still under evaluation. */
export function whyNoAmend(p: Proposal, space: Space, me: User): 'error.verification_required' | 'error.amendment_open_exists' | null {
  if (!me || !amendmentsOpen(p, space) || p.actions.amend) return null;
  return space.settings.verification_required_to_propose && !me.verified ? 'error.verification_required' : 'error.amendment_open_exists';
}

/** May publish a new version (the server's word: an author, while the proposal is published, within the edit limits). */
export function canEdit(p: Proposal, me: User): boolean {
  return !!me && p.actions.edit;
}

/** May withdraw the proposal (the server's word: an author, while it is open). */
export function canWithdraw(p: Proposal, me: User): boolean {
  return !!me && p.actions.withdraw;
}

/** May report the proposal (the server's word: not its authors, not hidden, not reported by them already). */
export function canReportProposal(p: Proposal, me: User): boolean {
  return !!me && p.actions.report;
}

/** Reported by the user already (the only other reason a visible proposal of someone else's takes no report). */
export function reportedAlready(p: Proposal, me: User): boolean {
  return !!me && !p.actions.report && !isAuthor(p, me) && !p.hidden;
}

/** May give the proposal its official answer (the server's word: staff of its space, unless it was withdrawn). */
export function canAnswer(p: Proposal, me: User): boolean {
  return !!me && p.actions.answer;
}

/** The outcomes an official answer may give. */
export const ANSWER_STATES = ['evaluating', 'accepted', 'rejected'] as const satisfies readonly State[];

/** The proposal takes comments: the server's word for someone signed in, else from its state and space. */
export function proposalCommentsOpen(p: Proposal, space: Space, me: User = null): boolean {
  return me ? p.actions.comment : !!space.settings.comments_open && p.state !== 'withdrawn' && !p.hidden;
}

// Amendments

/** The amendment's author. */
function isAmendmentAuthor(a: Amendment, me: User): boolean {
  return !!me && me.id === a.author_id;
}

/** May withdraw the amendment (the server's word: its author, while it is evaluated). */
export function canWithdrawAmendment(a: Amendment, me: User): boolean {
  return !!me && a.actions.withdraw;
}

/** May report the amendment (anyone signed in but its author). */
export function canReportAmendment(a: Amendment, me: User): boolean {
  return !!me && !isAmendmentAuthor(a, me);
}

/** The amendment takes comments: the server's word for someone signed in, else while it is evaluated. */
export function amendmentCommentsOpen(a: Amendment, me: User = null): boolean {
  return me ? a.actions.comment : a.state === 'evaluating';
}

// Comments (`open`: the thread takes comments, from the two above)

/** May write a comment in the thread. */
export function canComment(open: boolean, me: User): boolean {
  return open && !!me;
}

const isCommentAuthor = (c: Comment, me: User) => !!me && c.author?.id === me.id;
/** Neither deleted nor hidden: its text and its actions are shown. */
export const isLive = (c: Comment) => !c.deleted && !c.hidden;

/** May vote on the comment (anyone signed in but its author). */
export function canVote(c: Comment, me: User): boolean {
  return isLive(c) && !!me && !isCommentAuthor(c, me);
}

/** May reply to the comment (not deeper than the thread allows). */
export function canReply(c: Comment, open: boolean, me: User): boolean {
  return isLive(c) && open && !!me && c.depth < MAX_DEPTH;
}

/** May edit the comment (its author, while the thread is open). */
export function canEditComment(c: Comment, open: boolean, me: User): boolean {
  return isLive(c) && isCommentAuthor(c, me) && open;
}

/** May delete the comment (its author). */
export function canDeleteComment(c: Comment, me: User): boolean {
  return isLive(c) && isCommentAuthor(c, me);
}

/** May report the comment (anyone signed in but its author). */
export function canReportComment(c: Comment, me: User): boolean {
  return isLive(c) && !!me && !isCommentAuthor(c, me);
}

// Moderation (the staff console)

/** The reported item may be hidden (it is not). */
export const canHide = (item: ModerationItem) => !item.hidden;
/** The hidden item may be shown again. */
export const canUnhide = (item: ModerationItem) => item.hidden;
/** The item's open reports may be dismissed. */
export const canDismiss = (item: ModerationItem) => item.open_reports > 0;

/** Whether the account was deleted at its owner's request (the API empties its name): nobody is left to verify or block. */
export const isErased = (a: Account) => !a.display_name;
/** The person's identity may be marked verified (it is not yet). */
export const canVerifyAccount = (a: Account) => !a.verified_at && !isErased(a);
/** The person may be blocked (they are not). */
export const canBlock = (a: Account) => !a.blocked && !isErased(a);
/** The blocked person may be unblocked. */
export const canUnblock = (a: Account) => a.blocked;
