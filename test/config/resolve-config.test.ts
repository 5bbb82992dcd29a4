import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../../src/config/resolve-config.js';
import type { Config } from '../../src/core/config.js';
import { formatProblem } from '../../src/core/problems.js';
import { FIGURE_BOUNDS, FIGURE_KINDS, INFO_MEASURE_IDS, MEASURE_IDS } from '../../src/core/report.js';
import { METRICS } from '../../src/metrics/index.js';

const problemsOf = (json: unknown): string[] => {
  const resolved = resolveConfig(json, { file: 'ops-metrics.config.json' });
  return 'problems' in resolved ? resolved.problems.map(formatProblem) : [];
};
const configOf = (json: unknown): Config => {
  const resolved = resolveConfig(json);
  if (!('config' in resolved)) throw new Error(JSON.stringify(resolved.problems));
  return resolved.config;
};

describe('defaults', () => {
  it('holds the documented defaults', () => {
    const config = defaultConfig();
    expect(config).toMatchObject({
      timezone: 'UTC',
      programStart: undefined,
      survey: { scale: { min: 0, max: 10 }, minGroupSize: 5, baselineWave: undefined },
      courses: { automationDesign: ['automation-design', 'automation design'] },
      rca: { clockStartsAt: 'resolved', hours: 48 },
      recurrence: { infer: true, windowDays: 90 },
      targets: {},
      thresholds: { task_execution: 0.25, year1_turnover: 0.2, coding_frustration: 6, ops1_undervalued: 6, promotion_pay: { base: 0.08, totalComp: 0.12 } },
      severity: { task_execution: 'error', year1_turnover: 'error', coding_frustration: 'error', no_improvements: 'error', ops1_undervalued: 'error', promotion_pay: 'error' },
      datasets: {},
    });
    expect(config.levels.get('ops engineer 2.0')).toBe('ops2');
    expect(config.priorities.get('sev-1')).toBe('P1');
    expect(config.survey.questions.size).toBe(0);
    expect(config.survey.answers.size).toBe(0);
    expect(resolveConfig(undefined)).toEqual({ config });
  });
});

describe('merging', () => {
  it('adds levels, priorities, questions and answers to the defaults, a given key winning, keys lower-cased', () => {
    const config = configOf({
      levels: { 'SRE II': 'other', 'Ops Architect': 'ops2', 'OPERATIONS ENGINEER': 'ops1_senior' },
      priorities: { Sev0: 'P1', High: 'P1' },
      survey: { questions: { ' How free are you? ': 'autonomy' }, answers: { 'Strongly agree': 5 } },
    });
    expect(config.levels.get('sre ii')).toBe('other');
    expect(config.levels.get('ops architect')).toBe('ops2');
    expect(config.levels.get('operations engineer')).toBe('ops1_senior'); // replaces the default ops1
    expect(config.levels.get('operations technician')).toBe('technician'); // a default kept
    expect(config.priorities.get('sev0')).toBe('P1');
    expect(config.priorities.get('high')).toBe('P1'); // was P2
    expect(config.priorities.get('low')).toBe('P4');
    expect([...config.survey.questions]).toEqual([['how free are you?', 'autonomy']]);
    expect([...config.survey.answers]).toEqual([['strongly agree', 5]]);
  });

  it("keeps the file's own survey.questions keys as written, apart from the defaults, to check them against a survey's columns", () => {
    const config = configOf({ survey: { questions: { ' How free are you? ': 'autonomy', 'I feel valued.': 'feel_valued' } } });
    expect([...config.survey.givenQuestions ?? []]).toEqual([[' How free are you? ', 'autonomy'], ['I feel valued.', 'feel_valued']]);
    expect([...defaultConfig().survey.givenQuestions ?? []]).toEqual([]);
  });

  it('merges nested settings key by key and replaces course lists', () => {
    const config = configOf({
      timezone: 'America/New_York', programStart: '2026-02-01',
      rca: { hours: 72 }, thresholds: { year1_turnover: 0.3, promotion_pay: { base: 0.1 } },
      severity: { coding_frustration: 'warn', promotion_pay: 'off' },
      courses: { automationDesign: ['Automation Design 101'] }, targets: { retention_2y: 0.9 },
      datasets: { incidents: { path: 'exports/pd.csv', preset: 'pagerduty', columns: { 'Incident Number': 'incident_id' } } },
    });
    expect(config.rca).toEqual({ clockStartsAt: 'resolved', hours: 72 });
    expect(config.thresholds).toEqual({
      task_execution: 0.25, year1_turnover: 0.3, coding_frustration: 6, ops1_undervalued: 6, promotion_pay: { base: 0.1, totalComp: 0.12 },
    });
    expect(config.severity).toMatchObject({ coding_frustration: 'warn', promotion_pay: 'off', year1_turnover: 'error' });
    expect(config.courses.automationDesign).toEqual(['automation design 101']);
    expect(config.targets).toEqual({ retention_2y: 0.9 });
    expect(config.datasets).toEqual({ incidents: { path: 'exports/pd.csv', preset: 'pagerduty', columns: { 'Incident Number': 'incident_id' } } });
    expect([config.timezone, config.programStart]).toEqual(['America/New_York', '2026-02-01']);
  });
});

describe('problems', () => {
  it.each([
    [{ survey: { minGroupsize: 5 } }, '$.survey.minGroupsize: unknown key; did you mean minGroupSize? expected one of scale, minGroupSize, baselineWave, questions, answers'],
    [{ rca: { hours: '48' } }, '$.rca.hours: expected a number, found "48"'],
    [{ survey: { minGroupSize: 2 } }, '$.survey.minGroupSize: expected an integer >= 3 (the floor is 3, so small groups stay anonymous), found 2'],
    [{ survey: { minGroupSize: 4.5 } }, '$.survey.minGroupSize: expected an integer, found 4.5'],
    [{ timezone: 'Mars/Olympus' }, '$.timezone: expected an IANA time zone name like America/New_York, found "Mars/Olympus"'],
    [{ programStart: '2026-02-30' }, '$.programStart: expected a date YYYY-MM-DD, found "2026-02-30"'],
    [{ levels: { 'SRE II': 'ops3' } }, '$.levels["SRE II"]: expected one of technician, ops1, ops1_senior, manager, ops2, senior_architect, strategy_lead, other, found "ops3"'],
    [{ priorities: { Sev0: 'P0' } }, '$.priorities.Sev0: expected one of P1, P2, P3, P4, P5, found "P0"'],
    [{ survey: { questions: { 'Q?': 'happiness' } } }, '$.survey.questions["Q?"]: expected one of role_scope_satisfaction, autonomy, problem_quality, career_growth, design_vs_execution_time, coding_expectations, feel_valued, found "happiness"'],
    [{ severity: { coding_frustration: 'warning' } }, '$.severity.coding_frustration: expected one of error, warn, off, found "warning"'],
    [{ severity: { coding: 'warn' } }, '$.severity.coding: unknown key; expected a red-flag id (task_execution, year1_turnover, coding_frustration, no_improvements, ops1_undervalued, promotion_pay)'],
    [{ rca: { clockStartsAt: 'closed' } }, '$.rca.clockStartsAt: expected one of resolved, opened, found "closed"'],
    [{ thresholds: { task_execution: 25 } }, '$.thresholds.task_execution: expected a number from 0 to 1, found 25'],
    [{ thresholds: { promotion_pay: { total: 0.1 } } }, '$.thresholds.promotion_pay.total: unknown key; expected one of base, totalComp'],
    [{ survey: { scale: { min: 5, max: 1 } } }, '$.survey.scale.max: expected a number above min (5), found 1'],
    // A scale names both ends: a lone max of 5 must not take min 0 for a 1-5 survey and shift every score.
    [{ survey: { scale: { max: 5 } } }, '$.survey.scale.min: expected a number, found nothing'],
    [{ targets: { autonomy: 8 } }, '$.targets.autonomy: expected a measure with a target (autonomy is info: shown, never judged), found 8'],
    // Past the safe integers, zod's own check: its message alone would read "expected Invalid input".
    [{ recurrence: { windowDays: 1e20 } }, '$.recurrence.windowDays: expected an integer from -9007199254740991 to 9007199254740991, found 100000000000000000000'],
    [{ survey: { minGroupSize: 1e20 } }, '$.survey.minGroupSize: expected an integer from -9007199254740991 to 9007199254740991, found 100000000000000000000'],
    [{ recurrence: { infer: 'yes' } }, '$.recurrence.infer: expected true or false, found "yes"'],
    [{ courses: { automationDesign: 'x' } }, '$.courses.automationDesign: expected an array, found "x"'],
    [{ datasets: { incident: { path: 'x' } } }, '$.datasets.incident: unknown key; expected a dataset name (people, job_history, incidents, action_items, survey, trainings, automation_contributions, improvements, automation_coverage, mentorships, skill_assessments, meetings, requirements, time_allocation)'],
    [{ datasets: { survey: { delimiter: ';;' } } }, '$.datasets.survey.delimiter: expected a single character, found ";;"'],
    [{ datasets: { incidents: { preset: 'pager-duty' } } }, '$.datasets.incidents.preset: expected a preset that reads incidents (pagerduty-csv, pagerduty-api, jira, opsgenie, incidentio, pagerduty), found "pager-duty"'],
    [{ datasets: { people: { preset: 'jira' } } }, '$.datasets.people.preset: expected a preset that reads people (bamboohr, workday), found "jira"'],
    [{ datasets: { trainings: { preset: 'jira' } } }, '$.datasets.trainings.preset: expected no preset (none reads trainings), found "jira"'],
    [{ datasets: { trainings: { dateFormat: '%Y-%m-%d' } } }, '$.datasets.trainings.dateFormat: expected a date-fns format like dd/MM/yyyy or MM/dd/yyyy h:mm a, with yyyy and dd, not YYYY or DD (week year and day of year), found "%Y-%m-%d"'],
    [{ datasets: { trainings: { dateFormat: "'day' dd 'of' MM" } } }, '$.datasets.trainings.dateFormat: expected a date-fns format like dd/MM/yyyy or MM/dd/yyyy h:mm a, with a year, a month and a day (yyyy, MM, dd), found "\'day\' dd \'of\' MM"'],
    // date-fns refuses these at the first cell (YYYY after a console warning): said here instead.
    [{ datasets: { trainings: { dateFormat: 'dd/MM/YYYY' } } }, '$.datasets.trainings.dateFormat: expected a date-fns format like dd/MM/yyyy or MM/dd/yyyy h:mm a, with yyyy and dd, not YYYY or DD (week year and day of year), found "dd/MM/YYYY"'],
    [{ datasets: { trainings: { dateFormat: 'yyyy-MM-ddThh:mm' } } }, '$.datasets.trainings.dateFormat: expected a date-fns format like dd/MM/yyyy or MM/dd/yyyy h:mm a, with t or T (a Unix timestamp) alone; quote a literal T, as in yyyy-MM-dd\'T\'HH:mm, found "yyyy-MM-ddThh:mm"'],
    [{ datasets: { trainings: { dateFormat: 'dd/MM/yyyy HH:mm CET' } } }, '$.datasets.trainings.dateFormat: expected a date-fns format like dd/MM/yyyy or MM/dd/yyyy h:mm a, with only date-fns tokens; quote other letters, as in yyyy-MM-dd\'T\'HH:mm, found "dd/MM/yyyy HH:mm CET"'],
    [{ datasets: { trainings: { columns: { course: 'course_name' } } } }, '$.datasets.trainings.columns.course: expected a column of trainings (employee_id, course, completed_on), found "course_name"'],
    [[], '$: expected an object, found an array'],
    [null, '$: expected an object, found null'],
  ])('%j → %s', (json, message) => {
    expect(problemsOf(json)).toEqual([`ops-metrics.config.json:0: ${message}`]);
  });

  it('takes date-fns formats that can give a date, a Unix timestamp included', () => {
    for (const dateFormat of ['dd/MM/yyyy', 'MM/dd/yyyy h:mm a', "yyyy-MM-dd'T'HH:mm", 'd MMM yy', 't', 'T']) {
      expect(problemsOf({ datasets: { trainings: { dateFormat } } }), dateFormat).toEqual([]);
    }
  });

  it('takes a column map\'s target as headers are matched: case, spaces, - and _ alike', () => {
    expect(problemsOf({ datasets: { trainings: { columns: { Finished: ' Completed-On ', Who: 'EMPLOYEE ID' } } } })).toEqual([]);
  });

  it('takes a preset name as the presets are matched: case and surrounding spaces ignored', () => {
    expect(problemsOf({ datasets: { survey: { preset: ' Qualtrics ' }, incidents: { preset: 'PagerDuty-CSV' } } })).toEqual([]);
  });

  it('refuses a target for exactly the measures the metrics define without one', () => {
    // A target the report would never apply is a mistake to say, not a setting to ignore.
    const withoutTarget = METRICS.flatMap((metric) => metric.measures.filter((m) => m.target === null).map((m) => m.id));
    expect([...INFO_MEASURE_IDS].sort()).toEqual(withoutTarget.sort());
    for (const id of MEASURE_IDS) expect(problemsOf({ targets: { [id]: 1 } }).length, id).toBe(INFO_MEASURE_IDS.includes(id) ? 1 : 0);
  });

  it('refuses a target outside what the figure can be: a percent for a share, a negative rate, a reduction above all of it', () => {
    // 95 for retention_2y (a share, 0.96 in the sample) could never be met: the gate would fail for a slip of the config.
    expect(problemsOf({ targets: { retention_2y: 95 } })).toEqual([
      'ops-metrics.config.json:0: $.targets.retention_2y: expected a number from 0 to 1 (retention_2y is a share: 0.95 for 95 %), found 95',
    ]);
    expect(problemsOf({ targets: { improvements_per_engineer_year: -3 } })).toEqual([
      'ops-metrics.config.json:0: $.targets.improvements_per_engineer_year: expected a number >= 0 (improvements_per_engineer_year is never below 0), found -3',
    ]);
    expect(problemsOf({ targets: { routine_time_reduction: 1.5 } })).toEqual([
      'ops-metrics.config.json:0: $.targets.routine_time_reduction: expected a number <= 1 (routine_time_reduction is a reduction: 1 is all of it), found 1.5',
    ]);
    expect(problemsOf({ targets: { role_scope_score: 11, satisfaction_uplift: -1.01 } })).toHaveLength(2);
    // The bounds themselves are figures a measure can reach, so targets there are taken; the skill-growth
    // uplift has no bound (velocities can be negative).
    expect(problemsOf({ targets: { retention_2y: 1, p1_rca_48h: 0, role_scope_score: 10, satisfaction_uplift: -1, routine_time_reduction: 1, recurrence_reduction_yoy: -4, automation_coverage_growth: 0, mentored_growth_uplift: -5 } })).toEqual([]);
  });

  it('bounds the target of every judged measure whose figure metrics.md bounds, and of no info measure', () => {
    for (const id of INFO_MEASURE_IDS) expect(FIGURE_KINDS[id], id).toBeUndefined();
    // Every share-like ratio (a group's proportion) is bounded on both sides: the ones open on a side are
    // the counts and rates, the uplifts and the reductions, and the skill-growth uplift on both.
    const bounds = (id: (typeof MEASURE_IDS)[number]) => (FIGURE_KINDS[id] === undefined ? {} : FIGURE_BOUNDS[FIGURE_KINDS[id]!]);
    const open = MEASURE_IDS.filter((id) => !INFO_MEASURE_IDS.includes(id) && (bounds(id).min === undefined || bounds(id).max === undefined));
    expect(open.sort()).toEqual(['automation_coverage_growth', 'improvements_per_engineer_year', 'mentored_growth_uplift', 'recurrence_reduction_yoy', 'requirements_incorporated_per_year', 'roadmap_meetings_per_quarter', 'routine_time_reduction', 'satisfaction_uplift']);
  });

  it('refuses a __proto__ key anywhere, which a map would take for its prototype and lose', () => {
    // JSON.parse makes __proto__ an own key; the config's maps would drop it without a word.
    const json = JSON.parse('{ "priorities": { "__proto__": "P1" }, "levels": { "__proto__": { "Chief Wizard": "ops2" } }, ' +
      '"datasets": { "people": { "columns": { "__proto__": "title" } } } }') as unknown;
    expect(problemsOf(json)).toEqual([
      'ops-metrics.config.json:0: $.priorities.__proto__: unknown key; __proto__ is no key a config can give (it would be read as an object\'s prototype)',
      'ops-metrics.config.json:0: $.levels.__proto__: unknown key; __proto__ is no key a config can give (it would be read as an object\'s prototype)',
      'ops-metrics.config.json:0: $.datasets.people.columns.__proto__: unknown key; __proto__ is no key a config can give (it would be read as an object\'s prototype)',
    ]);
    // constructor is a plain key: a title like any other.
    expect(configOf(JSON.parse('{ "levels": { "constructor": "ops2" } }')).levels.get('constructor')).toBe('ops2');
  });

  it('refuses two keys of one map that read as one but map it differently, and lets keys that agree be', () => {
    // Titles, priorities, question and answer texts are matched ignoring case and surrounding spaces, so
    // JSON keeps both keys and the later would win without a word.
    expect(problemsOf({
      levels: { 'SRE II': 'other', ' sre ii ': 'ops2' },
      priorities: { Sev1: 'P1', SEV1: 'P1' },
      survey: { questions: { 'Scope?': 'role_scope_satisfaction', 'SCOPE?': 'autonomy' }, answers: { Agree: 4, agree: 5 } },
    })).toEqual([
      'ops-metrics.config.json:0: $.levels[" sre ii "]: " sre ii " and "SRE II" are one title (keys match ignoring case and surrounding spaces) mapped to "ops2" and "other": keep the one you mean',
      'ops-metrics.config.json:0: $.survey.questions["SCOPE?"]: "SCOPE?" and "Scope?" are one question (keys match ignoring case and surrounding spaces) mapped to "autonomy" and "role_scope_satisfaction": keep the one you mean',
      'ops-metrics.config.json:0: $.survey.answers.agree: "agree" and "Agree" are one answer (keys match ignoring case and surrounding spaces) mapped to 5 and 4: keep the one you mean',
    ]);
    // The same value twice changes nothing: read as one entry.
    expect(configOf({ priorities: { Sev1: 'P1', SEV1: 'P1' } }).priorities.get('sev1')).toBe('P1');
  });

  it('names every unknown measure id under targets', () => {
    expect(problemsOf({ targets: { retention_2y: 0.9, retention_3y: 0.9 } })[0]).toMatch(
      /^ops-metrics\.config\.json:0: \$\.targets\.retention_3y: unknown key; expected a measure id \(retention_2y, retention_1y, .*requirements_incorporated_per_year\)$/,
    );
  });

  it('reports every problem of the file, not only the first', () => {
    expect(problemsOf({ timezone: 3, rca: { hours: 0 }, extra: true })).toEqual([
      'ops-metrics.config.json:0: $.timezone: expected a string, found 3',
      'ops-metrics.config.json:0: $.rca.hours: expected a number > 0, found 0',
      'ops-metrics.config.json:0: $.extra: unknown key; expected one of timezone, programStart, levels, priorities, survey, courses, rca, recurrence, targets, thresholds, severity, datasets',
    ]);
  });
});
