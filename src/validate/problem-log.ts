/**
 * The problems of one file: all are counted, the first `cap` are kept (a broken export of a million
 * rows must not hold a million messages in memory; the CLI prints the first 50 and a count of the rest).
 */
import type { Problem } from '../core/problems.js';

export const DEFAULT_PROBLEM_CAP = 1000;

/** A problem before the file name is attached. */
export type Finding = Omit<Problem, 'file'>;

export const hasError = (findings: readonly Finding[]): boolean => findings.some((finding) => finding.severity === 'error');

export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
  /** Problems counted but not kept. */
  readonly omitted: number;
}

export class ProblemLog {
  readonly problems: Problem[] = [];
  private counts = { errors: 0, warnings: 0, omitted: 0 };

  constructor(
    private readonly file: string,
    private readonly cap = DEFAULT_PROBLEM_CAP,
  ) {}

  add(finding: Finding): void {
    if (finding.severity === 'error') this.counts.errors += 1;
    else this.counts.warnings += 1;
    if (this.problems.length < this.cap) this.problems.push({ file: this.file, ...finding });
    else this.counts.omitted += 1;
  }

  addAll(findings: readonly Finding[]): void {
    for (const finding of findings) this.add(finding);
  }

  get totals(): ProblemCounts {
    return { ...this.counts };
  }
}
