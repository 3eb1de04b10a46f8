// Names for what the API answers, each derived from the operation that
// answers it (never from a schema's own name, which follows the server's
// types and may change): when an operation's answer changes, every screen
// using the name is checked against the new shape.
import type { Body, Data, Problem as ProblemAt } from './paths';

/** One item of a list answer. */
type Item<L> = L extends { items: (infer T)[] } ? T : never;

export type Space = Data<'get', '/api/v1/spaces/{slug}'>;
export type SpaceSettings = Space['settings'];
export type ProposalSummary = Item<Data<'get', '/api/v1/proposals'>>;
/** A proposal as its page reads it: with `included` lists when asked for. */
export type ProposalRead = Data<'get', '/api/v1/proposals/{id}'>;
/** A proposal alone. */
export type Proposal = Omit<ProposalRead, 'included'>;
export type Included = NonNullable<ProposalRead['included']>;
export type VersionSummary = Item<Data<'get', '/api/v1/proposals/{id}/versions'>>;
export type Diff = Data<'get', '/api/v1/proposals/{id}/diff'>;
export type TextDiff = Diff['body'];
export type DiffOp = TextDiff['ops'][number];
export type AmendmentSummary = Item<Data<'get', '/api/v1/proposals/{id}/amendments'>>;
export type Amendment = Data<'get', '/api/v1/amendments/{id}'>;
export type MergeSegment = NonNullable<Amendment['merged_preview']>['body_segments'][number];
export type Comment = Item<Data<'get', '/api/v1/proposals/{id}/comments'>>;
export type CommentRevision = Item<Data<'get', '/api/v1/comments/{id}/revisions'>>;
export type Supporter = Item<Data<'get', '/api/v1/proposals/{id}/supporters'>>;
export type Support = Data<'put', '/api/v1/proposals/{id}/support'>;
export type AuditEntry = Item<Data<'get', '/api/v1/audit'>>;
export type AuditAction = AuditEntry['action'];
export type LogReport = Data<'get', '/api/v1/audit/verify'>;
export type HistoryReport = Data<'get', '/api/v1/proposals/{id}/history/verify'>;
export type Answer = Data<'get', '/api/v1/proposals/{id}/answers'>[number];
export type QueueItem = Item<Data<'get', '/api/v1/moderation/amendments'>>;
export type ModerationItem = Item<Data<'get', '/api/v1/moderation/reports'>>;
export type Account = Item<Data<'get', '/api/v1/moderation/users'>>;
export type AccountStanding = Data<'post', '/api/v1/moderation/users/{id}/block'>;
export type SignUp = Body<'post', '/api/v1/auth/register'>;

/** The problem document of an error answer, with its codes. */
export type Problem = ProblemAt<'get', '/api/v1/proposals/{id}'>;
export type ErrorCode = Problem['code'];
export type FieldCode = NonNullable<Problem['errors']>[number]['code'];

/** A page of a list. */
export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

/** Who publishes the site, and the version in force of each of its pages. */
export type Site = Data<'get', '/api/v1/site'>;
/** A version of one of the site's pages, with its text. */
export type SitePage = Data<'get', '/api/v1/pages/{slug}'>;
export type SiteSlug = SitePage['slug'];
