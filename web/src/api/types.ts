// Names for the API's schemas the screens use (generated in schema.ts).
import type { Schemas } from './client';

export type Space = Schemas['SpaceDto'];
export type ProposalSummary = Schemas['ProposalSummaryDto'];
export type Proposal = Schemas['ProposalDto'];
export type Version = Schemas['VersionDto'];
export type VersionSummary = Schemas['VersionSummaryDto'];
export type Diff = Schemas['DiffDto'];
export type TextDiff = Schemas['TextDiff'];
export type AmendmentSummary = Schemas['AmendmentSummaryDto'];
export type Amendment = Schemas['AmendmentDto'];
export type Comment = Schemas['CommentDto'];
export type Supporter = Schemas['SupporterDto'];
export type Support = Schemas['SupportDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type Answer = Schemas['AnswerDto'];

/** A page of a list. */
export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}
