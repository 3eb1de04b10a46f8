// Messages of the site's own pages (legal notes, privacy notice,
// accessibility statement), of the footer that links them, and of the
// form administrators publish them with.
import type { site as it } from '../it/site';

export const site: Record<keyof typeof it, string> = {
  'footer.ownerSite': 'Institutional website',
  'footer.ownerEmail': 'Write to {email}',
  'footer.contacts': 'Contacts',
  'footer.legal': 'Legal notes and accessibility',
  'sitePage.version': 'Version {n} of {date}',
  'sitePage.oldVersion': 'You are reading version {n}, no longer in force.',
  'sitePage.current': 'Read the version in force',
  'sitePage.versions': 'Earlier versions',
  'sitePage.otherVersions': 'Other versions',
  'sitePage.inForce': ' (in force)',
  'sitePage.versionItem': 'Version {n} of {date}',
  'sitePage.noVersion': 'This page has no version {n}.',
  'sitePage.edit': 'Edit the page',
  'sitePage.editTitle': 'Publish a new version',
  'sitePage.editHint': 'Earlier versions stay public and readable; the edit appears in the public log.',
  'sitePage.title': 'Title',
  'sitePage.titleHint': '3 to 150 characters.',
  'sitePage.body': 'Text',
  'sitePage.bodyHint': 'In Markdown: ## for a section heading, - for a list, [text](address) for a link.',
  'sitePage.publish': 'Publish version {n}',
  'sitePage.published': 'Version {n} published.',
  'sitePage.stale': 'Meanwhile version {n} was published: the page now shows that text. Your edit is still in the form: read it again and publish it if it is still needed.',
};
