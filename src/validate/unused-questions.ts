/**
 * Survey answers to a question the metrics do not use are read and count nowhere: surveys ask other
 * things too, so they are not an error. But a misspelt id would quietly empty a measure, so the first
 * answer to each such question gets a warning that names it and says how to map it.
 */
import { QUESTION_IDS } from '../core/datasets.js';
import type { Finding } from './problem-log.js';

const USED: ReadonlySet<string> = new Set(QUESTION_IDS);

/**
 * A check to call on each accepted answer: a warning the first time a question is not one the metrics use.
 * `questionId` is the question as read (a text the map does not know is read lower-cased, to match any
 * case); `asWritten`, the cell, is what the warning quotes, as the file has it.
 */
export function watchUnusedQuestions(): (questionId: string, line: number, asWritten?: unknown) => Finding | undefined {
  const warned = new Set<string>();
  return (questionId, line, asWritten) => {
    if (USED.has(questionId) || warned.has(questionId)) return undefined;
    warned.add(questionId);
    const shown = typeof asWritten === 'string' ? asWritten.trim() : questionId;
    return {
      line,
      column: 'question_id',
      severity: 'warning',
      message: `${JSON.stringify(shown)} is not a question the metrics use, so its answers count nowhere; if it means one of ` +
        `${QUESTION_IDS.join(', ')}, map it under "survey.questions" in the config (later answers to it are not listed)`,
    };
  };
}
