/**
 * The agree-scale labels survey tools write instead of numbers, scored 1..5 (the scale a config using
 * them sets: `"survey": { "scale": { "min": 1, "max": 5 } }`). Qualtrics' 5-point scale says
 * "Somewhat"; its 7-point scale adds plain Agree/Disagree, which score like "Somewhat" here.
 */
export const AGREE_SCALE_ANSWERS: Readonly<Record<string, number>> = {
  'Strongly disagree': 1,
  Disagree: 2,
  'Somewhat disagree': 2,
  'Neither agree nor disagree': 3,
  Neutral: 3,
  'Somewhat agree': 4,
  Agree: 4,
  'Strongly agree': 5,
};

export const AGREE_SCALE = { min: 1, max: 5 } as const;
