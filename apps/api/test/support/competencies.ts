import type { CompetencyDetailResponse, CompetencyGridResponse } from '@ccc/contracts';
import type { TestApp } from './test-app';

/** The first bytes of a real PDF, with a little body after them: enough to pass the content check. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A Windows program, named as if it were a PDF. */
export const EXE_BYTES = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64)]);

export async function grid(t: TestApp, token: string, enrolmentId: string): Promise<CompetencyGridResponse> {
  return (await t.http().get(`/api/enrolments/${enrolmentId}/competencies`).set('Authorization', token).expect(200))
    .body;
}

export async function competency(
  t: TestApp,
  token: string,
  enrolmentId: string,
  code: string,
): Promise<CompetencyDetailResponse> {
  return (
    await t.http().get(`/api/enrolments/${enrolmentId}/competencies/${code}`).set('Authorization', token).expect(200)
  ).body;
}

export function stateOf(body: CompetencyGridResponse, code: string) {
  return body.domains.flatMap((d) => d.competencies).find((c) => c.code === code)!.progress;
}
