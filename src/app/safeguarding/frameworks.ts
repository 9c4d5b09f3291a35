import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFrameworkRegistry, parseFramework, type FrameworkRegistry } from '../../domain/safeguarding/framework.ts';

/** Where the framework files live (beside the schema that validates them). */
export const FRAMEWORKS_DIR = new URL('../../domain/safeguarding/frameworks/', import.meta.url).pathname;

/**
 * Reads and validates every framework file in `dir` (each *.json). A file that does not match
 * the schema stops loading with its name and the bad path, rather than being skipped.
 */
export function loadFrameworks(dir = FRAMEWORKS_DIR): FrameworkRegistry {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return makeFrameworkRegistry(files.map((f) => parseFramework(JSON.parse(readFileSync(join(dir, f), 'utf8')), f)));
}

/** The framework an organisation assesses new concerns under (organisation setting; default the LLR 2023 guidance). */
export const DEFAULT_FRAMEWORK_ID = 'llr-2023';
