// The en main catalogue: the messages of the citizen screens, in one object
// (one chunk, loaded when this language is). The staff console's messages
// (en/staff.ts) are a part of their own, loaded with the staff screens.
import { common } from './common';
import { errors } from './errors';
import { lists } from './lists';
import { proposal } from './proposal';
import { comments } from './comments';
import { forms } from './forms';
import { audit } from './audit';
import { site } from './site';
import { account } from './account';

export const en = { ...common, ...errors, ...lists, ...proposal, ...comments, ...forms, ...audit, ...site, ...account };
