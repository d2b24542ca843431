import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_EVIDENCE,
  evidenceFieldFor,
  isWebAddress,
  readEvidenceDraft,
  toEvidenceRequest,
  validateEvidence,
} from './evidence-form';

describe('the evidence form', () => {
  it('needs a reflection of at least 10 characters', () => {
    expect(validateEvidence(EMPTY_EVIDENCE, false)).toEqual({ text: 'Enter your reflection' });
    expect(validateEvidence({ ...EMPTY_EVIDENCE, text: ' too short ' }, false).text).toMatch(/at least 10/);
    expect(validateEvidence({ ...EMPTY_EVIDENCE, text: 'I ran a safety netting audit.' }, false)).toEqual({});
  });

  it('needs a web address for a link, and a file for a file', () => {
    expect(validateEvidence({ kind: 'link', text: '', url: '' }, false).url).toBe(
      'Enter the web address of your evidence',
    );
    expect(validateEvidence({ kind: 'link', text: '', url: 'example.org' }, false).url).toMatch(/https:\/\//);
    expect(validateEvidence({ kind: 'link', text: '', url: 'https://example.org/a' }, false)).toEqual({});
    expect(validateEvidence({ kind: 'link', text: 'short', url: 'https://example.org/a' }, false).text).toMatch(
      /at least 10 characters, or leave it empty/,
    );
    expect(validateEvidence({ kind: 'file', text: '', url: '' }, false).file).toBe('Select a file to upload');
    expect(validateEvidence({ kind: 'file', text: '', url: '' }, true)).toEqual({});
  });

  it('tells web addresses from other text', () => {
    expect(isWebAddress('https://example.org')).toBe(true);
    expect(isWebAddress('http://intranet/page')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('ftp://example.org')).toBe(false);
  });

  it('makes the request for a reflection or a link, trimmed; a file goes another way', () => {
    expect(toEvidenceRequest({ kind: 'reflection', text: '  My reflection  ', url: '' })).toEqual({
      kind: 'reflection',
      text: 'My reflection',
    });
    expect(toEvidenceRequest({ kind: 'link', text: '', url: ' https://example.org ' })).toEqual({
      kind: 'link',
      url: 'https://example.org',
    });
    expect(toEvidenceRequest({ kind: 'link', text: 'the audit', url: 'https://example.org' })).toEqual({
      kind: 'link',
      url: 'https://example.org',
      text: 'the audit',
    });
    expect(toEvidenceRequest({ kind: 'file', text: '', url: '' })).toBeNull();
  });

  it('reads back a draft it saved, and ignores anything else', () => {
    expect(readEvidenceDraft({ kind: 'link', text: 'a', url: 'https://x.org' })).toEqual({
      kind: 'link',
      text: 'a',
      url: 'https://x.org',
    });
    expect(readEvidenceDraft({ text: 'only text' })).toEqual({ kind: 'reflection', text: 'only text', url: '' });
    expect(readEvidenceDraft('text')).toBeNull();
    expect(readEvidenceDraft({ ratings: {} })).toBeNull();
  });

  it('puts the API’s field errors on the form’s fields', () => {
    expect(evidenceFieldFor('text')).toBe('text');
    expect(evidenceFieldFor('file')).toBe('file');
    expect(evidenceFieldFor('version')).toBeNull();
  });
});
