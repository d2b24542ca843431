import {
  buildPrivacyNotice,
  defaultPolicy,
  NOTICE_SECTION_IDS,
  type NoticeSection,
  noticeParagraphs,
  type PrivacyPolicy,
} from './privacy-notice';

const ALLIANCE = 'Wessex Cancer Alliance';
const text = (section: NoticeSection | undefined): string =>
  (section?.blocks ?? []).map((b) => (b.kind === 'paragraph' ? b.text : b.items.join('\n'))).join('\n');
const section = (sections: NoticeSection[], id: NoticeSection['id']) => sections.find((s) => s.id === id);
const policy = (changes: Partial<PrivacyPolicy>): PrivacyPolicy => ({ ...defaultPolicy(), ...changes });

describe('the privacy notice', () => {
  it('has the six sections in order, and no Alliance section without extra text', () => {
    const sections = buildPrivacyNotice(ALLIANCE, defaultPolicy());
    expect(sections.map((s) => s.id)).toEqual(['what', 'why', 'how-long', 'who', 'rights', 'contact']);
    expect(NOTICE_SECTION_IDS).toEqual(expect.arrayContaining(sections.map((s) => s.id)));
    for (const s of sections) expect(s.blocks.length).toBeGreaterThan(0);
  });

  it('lists what the service holds', () => {
    const what = text(section(buildPrivacyNotice(ALLIANCE, defaultPolicy()), 'what'));
    for (const held of [
      'e-mail',
      'role',
      'enrolment',
      'attendance',
      'release time',
      'competency evidence',
      'sign-offs',
      'training',
      'survey',
      'audit trail',
    ])
      expect(what).toContain(held);
  });

  it('names the lawful basis and warns against patient data', () => {
    const why = text(section(buildPrivacyNotice(ALLIANCE, defaultPolicy()), 'why'));
    expect(why).toContain('public task');
    expect(why).toContain('Article 6(1)(e)');
    expect(why).toContain(ALLIANCE);
    expect(why).toMatch(/must not contain patient data/);
  });

  it('says the retention period of the policy: 6 years by default, 1 year in the singular', () => {
    expect(text(section(buildPrivacyNotice(ALLIANCE, defaultPolicy()), 'how-long'))).toContain(
      'for 6 years after it ends',
    );
    const one = text(section(buildPrivacyNotice(ALLIANCE, policy({ retentionYears: 1 })), 'how-long'));
    expect(one).toContain('for 1 year after it ends');
    expect(one).toContain('anonymised totals');
  });

  it('says who sees the records, and that national figures under 5 are suppressed', () => {
    const who = text(section(buildPrivacyNotice(ALLIANCE, defaultPolicy()), 'who'));
    expect(who).toContain('PCN supervisor');
    expect(who).toContain('Alliance supervisor');
    expect(who).toContain(`administrators of ${ALLIANCE}`);
    expect(who).toContain('under 5 is suppressed');
  });

  it('lists the rights: access (the export), rectification, erasure, objection', () => {
    const rights = section(buildPrivacyNotice(ALLIANCE, defaultPolicy()), 'rights')!;
    const list = rights.blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' && list.items).toHaveLength(4);
    expect(text(rights)).toMatch(/subject access request.*download a copy yourself from the "Your data" page/);
    expect(text(rights)).toMatch(/corrected[\s\S]*erased[\s\S]*object/);
  });

  it('names the controller and contact when set', () => {
    const contact = text(
      section(
        buildPrivacyNotice(
          ALLIANCE,
          policy({
            controllerName: 'University Hospital Southampton NHS FT',
            contactEmail: 'ig@example.nhs.uk',
            contactAddress: 'Tremona Road\nSouthampton\nSO16 6YD.',
          }),
        ),
        'contact',
      ),
    );
    expect(contact).toContain('The data controller is University Hospital Southampton NHS FT.');
    expect(contact).toContain('e-mail ig@example.nhs.uk.');
    expect(contact).toContain('Or write to: Tremona Road, Southampton, SO16 6YD.');
  });

  it('falls back to the Alliance and its administrators when the contact is unset or blank', () => {
    const contact = text(
      section(buildPrivacyNotice(ALLIANCE, policy({ controllerName: '  ', contactEmail: '' })), 'contact'),
    );
    expect(contact).toContain(`The data controller is ${ALLIANCE}.`);
    expect(contact).toContain(`contact the programme administrators of ${ALLIANCE}`);
    expect(contact).not.toContain('write to');
    expect(contact).toContain("Information Commissioner's Office");
  });

  it("ends with the Alliance's own text as paragraphs", () => {
    const sections = buildPrivacyNotice(
      ALLIANCE,
      policy({ noticeText: 'First paragraph\nwrapped.\r\n\r\n\n  Second paragraph.  \n\n   ' }),
    );
    const last = sections[sections.length - 1]!;
    expect(last.id).toBe('alliance');
    expect(last.heading).toBe(`More from ${ALLIANCE}`);
    expect(last.blocks).toEqual([
      { kind: 'paragraph', text: 'First paragraph wrapped.' },
      { kind: 'paragraph', text: 'Second paragraph.' },
    ]);
  });
});

describe('plain text into paragraphs', () => {
  it('gives none for empty, blank or missing text', () => {
    expect(noticeParagraphs(null)).toEqual([]);
    expect(noticeParagraphs(undefined)).toEqual([]);
    expect(noticeParagraphs(' \n \n ')).toEqual([]);
  });

  it('keeps a single paragraph whole', () => {
    expect(noticeParagraphs('One.')).toEqual(['One.']);
  });
});
