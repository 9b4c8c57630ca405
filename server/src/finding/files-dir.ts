import { resolve } from 'node:path';
import { REPO_ROOT } from '../database/database-location';

/** Uploaded files live beside the database's data, outside anything the web server serves. */
export const FILES_DIR = () => resolve(process.env.WORKPLAN_FILES_DIR ?? resolve(process.env.WORKPLAN_DATA_DIR ?? resolve(REPO_ROOT, '.data'), 'files'));
