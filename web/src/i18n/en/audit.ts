import type { audit as it } from '../it/audit';

export const audit: Record<keyof typeof it, string> = {
  'audit.title': 'Public log',
  'audit.intro': 'Every change on the platform leaves an entry here, chained to the previous one: none can be changed without it showing.',
  'audit.empty': 'The log is empty.',
  'audit.when': 'When',
  'audit.action': 'Action',
  'audit.target': 'Target',
  'audit.details': 'Details',
  'audit.system': 'system',
  'audit.verifyTitle': 'Integrity of the log',
};
