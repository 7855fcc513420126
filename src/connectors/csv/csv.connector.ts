import { defineConnector } from '../sdk.ts';
import { buildCsvAction } from './build.action.ts';
import { parseCsvAction } from './parse.action.ts';

export const csvConnector = defineConnector({
  key: 'csv',
  title: 'CSV',
  description: 'Parse CSV text into rows and build CSV text from rows.',
  credentials: [],
  actions: [parseCsvAction, buildCsvAction],
  triggers: [],
});
