import { defineConnector } from '../sdk.ts';
import { addAction, subtractAction } from './add.action.ts';
import { endOfAction, startOfAction } from './boundaries.action.ts';
import { differenceAction } from './difference.action.ts';
import { formatAction } from './format.action.ts';
import { nowAction } from './now.action.ts';
import { parseAction } from './parse.action.ts';

export const datetimeConnector = defineConnector({
  key: 'datetime',
  title: 'Date & time',
  description: 'Current time, formatting, parsing and calendar arithmetic in any time zone (DST-aware).',
  credentials: [],
  actions: [nowAction, formatAction, parseAction, addAction, subtractAction, differenceAction, startOfAction, endOfAction],
  triggers: [],
});
