/** The CCC's evidence form: a reflection, a link with an optional note, or a file with an optional note. */
import type { EvidenceKind, SubmitEvidenceRequest } from '@ccc/contracts';

export interface EvidenceValues {
  kind: EvidenceKind | '';
  /** The reflection; for a link or a file, an optional note. */
  text: string;
  url: string;
}

export const EMPTY_EVIDENCE: EvidenceValues = { kind: 'reflection', text: '', url: '' };

export const evidenceFieldIds = {
  kind: 'evidence-kind',
  text: 'evidence-text',
  url: 'evidence-url',
  file: 'evidence-file',
} as const;

export type EvidenceField = keyof typeof evidenceFieldIds;
export type EvidenceErrors = Partial<Record<EvidenceField, string>>;

export const MIN_REFLECTION = 10;
export const MAX_TEXT = 20_000;

/** The same rules as the API, before sending. `hasFile` says whether a file is chosen. */
export function validateEvidence(values: EvidenceValues, hasFile: boolean): EvidenceErrors {
  const errors: EvidenceErrors = {};
  const text = values.text.trim();
  if (!values.kind) errors.kind = 'Select what kind of evidence you are adding';
  if (values.kind === 'reflection') {
    if (!text) errors.text = 'Enter your reflection';
    else if (text.length < MIN_REFLECTION)
      errors.text = `Your reflection must be at least ${MIN_REFLECTION} characters`;
  }
  // The API takes a link's note only at the length of a reflection.
  if (values.kind === 'link' && text && text.length < MIN_REFLECTION) {
    errors.text = `Write a note of at least ${MIN_REFLECTION} characters, or leave it empty`;
  }
  if (text.length > MAX_TEXT) errors.text = 'The text must be 20,000 characters or fewer';
  if (values.kind === 'link') {
    const url = values.url.trim();
    if (!url) errors.url = 'Enter the web address of your evidence';
    else if (!isWebAddress(url)) errors.url = 'Enter a web address starting with https:// or http://';
  }
  if (values.kind === 'file' && !hasFile) errors.file = 'Select a file to upload';
  return errors;
}

export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The request for a reflection or a link; a file goes as multipart instead. */
export function toEvidenceRequest(values: EvidenceValues): SubmitEvidenceRequest | null {
  const text = values.text.trim();
  if (values.kind === 'reflection') return { kind: 'reflection', text };
  if (values.kind === 'link')
    return text ? { kind: 'link', url: values.url.trim(), text } : { kind: 'link', url: values.url.trim() };
  return null;
}

/** Where an API field error belongs on the form. */
export function evidenceFieldFor(serverField: string): EvidenceField | null {
  return serverField === 'kind' || serverField === 'text' || serverField === 'url' || serverField === 'file'
    ? serverField
    : null;
}

/** A draft as saved by this form; anything else (an older shape, another form's) is ignored. */
export function readEvidenceDraft(content: unknown): EvidenceValues | null {
  if (typeof content !== 'object' || content === null) return null;
  const { kind, text, url } = content as Record<string, unknown>;
  const knownKind = kind === 'reflection' || kind === 'link' || kind === 'file' ? kind : 'reflection';
  if (typeof text !== 'string' && typeof url !== 'string') return null;
  return { kind: knownKind, text: typeof text === 'string' ? text : '', url: typeof url === 'string' ? url : '' };
}

/** Worth keeping as a draft: something was typed. */
export function hasEvidenceContent(values: EvidenceValues): boolean {
  return values.text.trim() !== '' || values.url.trim() !== '';
}
