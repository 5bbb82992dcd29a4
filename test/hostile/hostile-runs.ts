/**
 * The built command run on fixtures/hostile (see its README) in every format, with and without
 * `--names`; each run is made once and shared by the tests of a file. Run `npm run build` first.
 */
import { join } from 'node:path';
import { FORMATS, type Format } from '../../src/reporters/index.js';
import { ROOT, runCli, type CliResult } from '../helpers/run-cli.js';

export const HOSTILE_DATA = join(ROOT, 'fixtures', 'hostile');

/** In every person's name of the fixture: it may appear only with `--names`, never in JUnit or GitHub output. */
export const NAME_MARK = 'NAMEMARK';
/** In every respondent id of the fixture: it must never appear anywhere. */
export const RESPONDENT_MARK = 'RESPMARK';

export const reportArgs = (format: Format, names: boolean, dataDir = HOSTILE_DATA): string[] =>
  ['report', '--data', dataDir, '--period', '2026-Q3', '--format', format, ...(names ? ['--names'] : [])];

const cache = new Map<string, CliResult>();

/** The report of the hostile folder in `format` (cached per format and `names`). */
export function hostileRun(format: Format, names: boolean): CliResult {
  const key = `${format}:${names}`;
  let result = cache.get(key);
  if (result === undefined) {
    result = runCli(reportArgs(format, names));
    cache.set(key, result);
  }
  return result;
}

export { FORMATS };
