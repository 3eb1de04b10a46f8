// The frame of every staff screen: the title, the sections (the staff
// addresses of addresses.ts) with what waits in each (GET
// /moderation/summary, read again after any change), and the refusal for
// people without staff powers (the server enforces it anyway).
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import { useMe, useQuery } from '../hooks';
import { isAdmin, isStaff } from '../policy';
import { href, type RouteName } from '../router';
import { addresses, type Address } from '../addresses';
import { PageTitle } from '../components/ui';
import type { Data } from '../api/paths';

type StaffSummary = Data<'get', '/api/v1/moderation/summary'>;

type Section = { name: RouteName; title: NonNullable<Address['section']>['title']; admin: boolean };

const SECTIONS: Section[] = (Object.entries(addresses) as [RouteName, Address][]).flatMap(([name, r]) => (r.section ? [{ name, title: r.section.title, admin: !!r.section.admin }] : []));

/** What waits in a section, from the staff's counts; none for sections that count nothing. */
function waiting(name: RouteName, counts: StaffSummary | null | undefined): number | undefined {
  if (!counts) return undefined;
  if (name === 'staffAmendments') return counts.amendments_waiting;
  if (name === 'staffReports') return counts.reports_open;
  if (name === 'staffAnswers') return counts.proposals_awaiting_answer;
  return undefined;
}

export function StaffFrame({ current, children }: { current: RouteName; children: ComponentChildren }) {
  const me = useMe();
  const summary = useQuery('/api/v1/moderation/summary', isStaff(me) ? {} : null);
  const title = t(SECTIONS.find((s) => s.name === current)?.title ?? 'staff.title');
  if (!isStaff(me))
    return (
      <>
        <PageTitle title={t('staff.title')}>{t('staff.title')}</PageTitle>
        <p>{t('staff.onlyStaff')}</p>
        {!me && <a href={href('signIn', {}, { da: window.location.pathname })}>{t('nav.signIn')}</a>}
      </>
    );
  return (
    <>
      <nav aria-label={t('staff.nav')} class="staff-nav mb-3">
        <ul>
          {SECTIONS.filter((s) => !s.admin || isAdmin(me)).map((s) => (
            <li key={s.name}>
              {/* A section's address names no parameter. */}
              <a href={addresses[s.name].path} aria-current={s.name === current ? 'page' : undefined}>
                {t(s.title)}
                {waiting(s.name, summary.data) !== undefined && ` (${waiting(s.name, summary.data)})`}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <PageTitle title={title}>{title}</PageTitle>
      {children}
    </>
  );
}
