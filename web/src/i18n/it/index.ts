// The it catalogue: every screen module's messages in one object.
import { common } from './common';
import { errors } from './errors';
import { lists } from './lists';
import { proposal } from './proposal';
import { comments } from './comments';
import { forms } from './forms';
import { audit } from './audit';
import { staff } from './staff';

export const it = { ...common, ...errors, ...lists, ...proposal, ...comments, ...forms, ...audit, ...staff };
