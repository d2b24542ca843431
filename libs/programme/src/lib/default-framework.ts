import type { Competency, CompetencyDomain, CompetencyFramework } from './competencies';

/*
 * The default competency framework, built from the seed's role description and the primary care priorities
 * ("What the CCC role covers" in the domain notes). An Alliance that uses ACCEND or its own framework imports it
 * as data; this one is there so that a new installation has something to work towards from the first day.
 */

const c = (code: string, title: string, description: string, evidenceGuidance: string): Competency => ({
  code,
  title,
  description,
  evidenceGuidance,
});

const domain = (key: string, title: string, description: string, competencies: Competency[]): CompetencyDomain => ({
  key,
  title,
  description,
  competencies,
});

export const DEFAULT_FRAMEWORK: CompetencyFramework = {
  key: 'ccc-core',
  name: 'Cancer Care Coordinator core competencies',
  version: 1,
  scale: [
    { value: 1, label: 'Aware', description: 'Knows what the task involves and why it matters; has not done it yet.' },
    { value: 2, label: 'Developing', description: 'Does it with guidance or supervision.' },
    { value: 3, label: 'Competent', description: "Does it independently, safely and to the PCN's standard." },
    {
      value: 4,
      label: 'Proficient',
      description: 'Does it confidently in complex situations and helps others to do it.',
    },
  ],
  domains: [
    domain(
      'prevention',
      'Prevention',
      'Finding the people most at risk and helping them to lower their risk of cancer.',
      [
        c(
          'PREV-01',
          'Identify at-risk populations',
          'Uses QOF registers and practice searches (for example obesity and smoking) to identify patients at increased risk of cancer.',
          'An anonymised search or report you ran, what it found and what was done with the result.',
        ),
        c(
          'PREV-02',
          'Lead preventative advice',
          'Leads on preventative advice in the surgeries, on social media and on the practice websites.',
          'Material you prepared or a campaign you ran, where it appeared and how many people it reached.',
        ),
        c(
          'PREV-03',
          'Signpost to prevention services',
          'Signposts patients to stop-smoking, weight management, alcohol and other local services.',
          'A reflection on an anonymised conversation, and the list of services you now signpost to.',
        ),
        c(
          'PREV-04',
          'Code prevention activity',
          'Records prevention activity with the correct clinical codes so that it is counted and can be searched.',
          'A short audit of your own coding, or examples of the codes you use and why.',
        ),
      ],
    ),
    domain(
      'screening',
      'Screening',
      'Raising uptake of the national bowel, breast and cervical screening programmes.',
      [
        c(
          'SCR-01',
          'Find low screening uptake',
          'Identifies practices and groups with low screening rates, non-responders and low-participation groups.',
          'An anonymised summary of uptake by practice or group, with the gaps you found.',
        ),
        c(
          'SCR-02',
          'Contact non-responders',
          'Contacts non-responders with information and support to encourage uptake, by the means that suits them.',
          'The approach and scripts or letters you used, and how many people you reached.',
        ),
        c(
          'SCR-03',
          'Reduce inequalities in screening',
          'Adapts the approach for people who face barriers: language, learning disability, deprivation, disability.',
          'A reflection on an adjustment you made for a group, and what changed.',
        ),
        c(
          'SCR-04',
          'Measure the effect on uptake',
          'Compares uptake before and after an intervention and reports it to the PCN.',
          'The before-and-after figures and the note or slide you shared with the PCN.',
        ),
      ],
    ),
    domain(
      'safety-netting',
      'Safety netting',
      'Making sure that no patient on a suspected cancer pathway is lost along the way.',
      [
        c(
          'SN-01',
          'Arrange follow-up',
          'Arranges follow-up GP appointments and gives information and leaflets to patients referred or investigated.',
          'An anonymised example of a follow-up you arranged and the information you gave.',
        ),
        c(
          'SN-02',
          'Follow up patients who may not attend',
          'Identifies and follows up patients who may not attend tests or appointments.',
          'Your process for finding them and an anonymised example of a patient brought back in.',
        ),
        c(
          'SN-03',
          'Monitor FIT completion',
          'Monitors the return of FIT kits and acts when a kit is not returned.',
          'Your tracking list (anonymised) and what you did about kits not returned.',
        ),
        c(
          'SN-04',
          'Audit the safety-netting process',
          "Audits the PCN's safety-netting process and reports what works and what does not.",
          'The audit: what you looked at, what you found and what the PCN agreed to change.',
        ),
      ],
    ),
    domain(
      'early-diagnosis',
      'Early diagnosis',
      'Helping the practices to refer promptly and patients to move through their pathway.',
      [
        c(
          'ED-01',
          'Promote decision support tools',
          'Promotes the digital decision-support and safety-netting tools to the clinicians of the PCN.',
          'How you introduced a tool, to whom, and what use it gets now.',
        ),
        c(
          'ED-02',
          'Monitor urgent suspected cancer referrals',
          'Monitors two-week-wait (urgent suspected cancer) referrals and escalates breaches.',
          'An anonymised example of a breach you spotted and how it was escalated.',
        ),
        c(
          'ED-03',
          'Navigate patients through care',
          'Helps patients understand and move through their pathway: appointments, tests, transport, who to call.',
          'A reflection on an anonymised patient you navigated, and what difference it made.',
        ),
      ],
    ),
    domain(
      'personalised-care',
      'Personalised care',
      'Coordinating care and support for people living with and beyond cancer.',
      [
        c(
          'PC-01',
          'Coordinate care after a diagnosis',
          'Coordinates care for anyone diagnosed with cancer in the practice, signposting at any point of their pathway.',
          'An anonymised case showing the coordination and the services you signposted to.',
        ),
        c(
          'PC-02',
          'Prepare patients for Cancer Care Reviews',
          'Prepares patients for their Cancer Care Review so that it covers what matters to them.',
          'The preparation you use (letter, questionnaire or call) and an anonymised example.',
        ),
        c(
          'PC-03',
          'Support palliative care coordination',
          'Helps maintain the palliative care register and coordinates Gold Standard Framework meetings.',
          'Your part in a Gold Standard Framework meeting (agenda, actions) with patient details removed.',
        ),
        c(
          'PC-04',
          'Holistic needs assessment and care plans',
          'Carries out holistic needs assessments and agrees care plans with patients.',
          'An anonymised assessment and care plan, with a reflection on the conversation.',
        ),
        c(
          'PC-05',
          'End of treatment and wellbeing information',
          'Uses end of treatment summaries and gives health and wellbeing information.',
          'An example of information you gave after treatment and how the patient used it.',
        ),
      ],
    ),
    domain(
      'primary-care-drivers',
      'Primary care drivers',
      "The contract and quality measures that shape the PCN's cancer work.",
      [
        c(
          'PCD-01',
          'PCN DES early cancer diagnosis',
          'Supports the PCN DES early cancer diagnosis requirements: referral practice review, cervical and bowel screening uptake, FIT with colorectal referrals, teledermatology, prostate cancer assessment and the non-specific symptoms pathway.',
          'A piece of DES work you contributed to and the figures before and after.',
        ),
        c(
          'PCD-02',
          'IIF CAN-01: FIT with lower GI referrals',
          'Helps the practices meet IIF CAN-01: lower GI fast-track referrals accompanied by a FIT result.',
          'The share of referrals with a FIT result before and after your work.',
        ),
        c(
          'PCD-03',
          'QOF cancer indicators',
          'Supports QOF CAN001 (cancer register), CAN004 (Cancer Care Review within 12 months of diagnosis) and CAN005 (support information within 3 months of diagnosis).',
          'Register and review figures you helped to improve, with how you did it.',
        ),
        c(
          'PCD-04',
          'Clinical system tools and national direction',
          'Uses the clinical system tools (for example Ardens templates and searches) and relates the work to the NHS Long Term Plan.',
          'A search or template you use routinely and a note on which national ambition it serves.',
        ),
      ],
    ),
  ],
};
