import { fileURLToPath } from 'node:url';

/** The folder holding the shipped energy and grid tables. */
export const IMPACT_DATA_DIR = fileURLToPath(new URL('../../data/impact/', import.meta.url));
