import { defineConnector } from '../sdk.ts';
import { readSpreadsheetAction } from './read.action.ts';
import { writeSpreadsheetAction } from './write.action.ts';

export const spreadsheetConnector = defineConnector({
  key: 'spreadsheet',
  title: 'Spreadsheet (Excel)',
  description: 'Read rows from .xlsx workbooks and write rows to new ones.',
  credentials: [],
  actions: [readSpreadsheetAction, writeSpreadsheetAction],
  triggers: [],
});
