/** What marks a worker thread started to validate the survey file (see survey-worker.ts and main.ts). */
export const SURVEY_TASK_KIND = 'ops-metrics/validate-survey';
