/**
 * What the programme's short names mean, in words a new CCC or PCN supervisor can read: shown as hints where the
 * name appears, instead of pointing at a slide or table of the offer letter nobody has seen.
 */
export const GLOSSARY = {
  TNA:
    'A training needs analysis (TNA) is where you and your Alliance supervisor rate how confident you are in each ' +
    'competency and agree the training you need. It is done at the start of the programme and reviewed later on.',
  eHNA:
    'An electronic holistic needs assessment (eHNA) is a questionnaire a person with cancer fills in about their ' +
    'worries and needs, so that a care plan can be agreed with them.',
  DES: 'The Directed Enhanced Service (DES) sets out what a PCN is paid to provide, including cancer care.',
  QOF: 'The Quality and Outcomes Framework (QOF) rewards GP practices for the quality of the care they give.',
  pcnDuties:
    'What the PCN agreed to do when it took on a CCC: an induction, mandatory and IT training, clinical ' +
    'supervision in the practice, supervision after the first six months and an appraisal after a year. The PCN ' +
    'supervisor confirms each one here once it is done.',
  allianceDuties:
    'What the Cancer Alliance agreed to provide: the six months of supervision and teaching, and the support around ' +
    'them. The Alliance confirms each one here once it is done.',
} as const;

const TERMS: [RegExp, keyof typeof GLOSSARY][] = [
  [/\beHNA\b/, 'eHNA'],
  [/\bTNA\b/, 'TNA'],
  [/\bDES\b/, 'DES'],
  [/\bQOF\b/, 'QOF'],
  // The offer letter's table of the PCN's duties, which expectation titles still name.
  [/\bTable 2\b/, 'pcnDuties'],
];

/** The explanations of the short names a text uses, in the order of the glossary. */
export function termsIn(text: string): string[] {
  return TERMS.filter(([pattern]) => pattern.test(text)).map(([, key]) => GLOSSARY[key]);
}
