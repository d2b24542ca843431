import { describe, expect, it } from '@jest/globals';
import { GLOSSARY, termsIn } from './glossary';

describe('termsIn', () => {
  it('explains each short name a title uses, and nothing else', () => {
    expect(termsIn('eHNA & Cancer Care Reviews, support for cancer patients')).toEqual([GLOSSARY.eHNA]);
    expect(termsIn('Introduction to DES, QOF, integrated care')).toEqual([GLOSSARY.DES, GLOSSARY.QOF]);
    expect(termsIn('Provide the training and supervision set in Table 2')).toEqual([GLOSSARY.pcnDuties]);
    expect(termsIn('Prevention, screening, early diagnosis')).toEqual([]);
    // A word that only contains the letters is not the term.
    expect(termsIn('DESIGN')).toEqual([]);
  });
});
