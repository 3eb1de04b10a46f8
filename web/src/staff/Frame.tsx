// The frame of every staff screen: the title, the sections, and the
// refusal for people without staff powers (the server enforces it anyway).
import type { ComponentChildren } from 'preact';
import { t, type Key } from '../i18n';
import { isAdmin, isStaff, useMe } from '../hooks';
import { href } from '../router';
import { PageTitle } from '../components/ui';

const SECTIONS: [string, Key][] = [
  ['staffAmendments', 'staff.amendments'],
  ['staffReports', 'staff.reports'],
  ['staffAnswers', 'staff.answers'],
  ['staffUsers', 'staff.users'],
];

export function StaffFrame({ current, children }: { current: string; children: ComponentChildren }) {
  const me = useMe();
  const title = t(SECTIONS.find(([name]) => name === current)?.[1] ?? 'staff.title');
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
          {SECTIONS.filter(([name]) => name !== 'staffUsers' || isAdmin(me)).map(([name, key]) => (
            <li key={name}>
              <a href={href(name)} aria-current={name === current ? 'page' : undefined}>
                {t(key)}
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
