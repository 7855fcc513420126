import { defineConnector } from '../sdk.ts';
import { deleteFileAction } from './delete.action.ts';
import { listFilesAction } from './list.action.ts';
import { moveFileAction } from './move.action.ts';
import { readFileAction } from './read.action.ts';
import { writeFileAction } from './write.action.ts';

export const filesConnector = defineConnector({
  key: 'files',
  title: 'Files',
  description: 'List, read, write, move and delete files in the files folder of this installation (nothing outside it).',
  credentials: [],
  actions: [listFilesAction, readFileAction, writeFileAction, moveFileAction, deleteFileAction],
  triggers: [],
});
