import { BadRequestException, type Type } from '@nestjs/common';
import { ReturnEvidenceDto, SignOffDto, WithdrawSignOffDto } from '../competencies/dto/competencies.dto';
import { ChangeEnrolmentDto, PauseEnrolmentDto, ReopenEnrolmentDto } from '../enrolments/dto/change-enrolment.dto';
import { WithdrawEnrolmentDto } from '../enrolments/dto/withdraw-enrolment.dto';
import { LinkAnswerDto } from '../links/dto/link-answer.dto';
import { CreateAmendmentDto } from '../month-six/dto/amendment.dto';
import { DeclineReleaseDto } from '../release-time/dto/release.dto';
import { RequestErasureDto } from '../retention/dto/erasure.dto';
import { CancelSessionDto, RescheduleSessionDto } from '../sessions/dto/book-session.dto';
import { createValidationPipe, type FieldError } from './errors';

/** Every field where someone says why (a reason, a comment), with what else its body needs to reach it. */
const SAY_WHY: [Type, 'reason' | 'comment', object][] = [
  [SignOffDto, 'comment', {}],
  [ReturnEvidenceDto, 'comment', {}],
  [WithdrawSignOffDto, 'reason', {}],
  [ChangeEnrolmentDto, 'reason', {}],
  [ReopenEnrolmentDto, 'reason', {}],
  [PauseEnrolmentDto, 'reason', {}],
  [WithdrawEnrolmentDto, 'reason', {}],
  [RequestErasureDto, 'reason', {}],
  [DeclineReleaseDto, 'reason', {}],
  [RescheduleSessionDto, 'reason', {}],
  [CancelSessionDto, 'reason', {}],
  [LinkAnswerDto, 'reason', { decision: 'decline' }],
  [CreateAmendmentDto, 'reason', {}],
];

/** The body as the API's own validation pipe leaves it, or the fields it refuses. */
async function validate(
  metatype: Type,
  body: object,
): Promise<{ value?: Record<string, unknown>; errors?: FieldError[] }> {
  try {
    return { value: await createValidationPipe().transform(body, { type: 'body', metatype }) };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return { errors: (error.getResponse() as { errors: FieldError[] }).errors };
  }
}

describe('required text that says why', () => {
  it.each(SAY_WHY)(
    '%p.%s refuses a value of only spaces, tabs or line breaks, naming the field',
    async (dto, field, rest) => {
      for (const blank of ['', '   ', '\t \n ', '\u00a0\u00a0\u00a0'])
        expect((await validate(dto, { ...rest, [field]: blank })).errors?.map((e) => e.field)).toContain(field);
    },
  );

  it.each(SAY_WHY)('%p.%s takes a real reason with spaces around it', async (dto, field, rest) => {
    const { errors = [] } = await validate(dto, { ...rest, [field]: '  The PCN moved the clinic \n' });
    expect(errors.map((e) => e.field)).not.toContain(field);
  });

  it('keeps the reason trimmed, and counts its length after trimming', async () => {
    expect(await validate(CancelSessionDto, { reason: '  The PCN moved the clinic \n', version: 2 })).toEqual({
      value: expect.objectContaining({ reason: 'The PCN moved the clinic', version: 2 }),
    });
    expect((await validate(CancelSessionDto, { reason: '  ab  ', version: 2 })).errors).toEqual([
      { field: 'reason', reason: 'reason must say why the session is cancelled' },
    ]);
  });

  it('gives the field its own reason, and refuses control characters after trimming', async () => {
    expect((await validate(CancelSessionDto, { reason: '    ' })).errors).toContainEqual({
      field: 'reason',
      reason: 'reason must say why the session is cancelled',
    });
    expect((await validate(CancelSessionDto, { reason: 'ill\u0007ness' })).errors?.map((e) => e.field)).toContain(
      'reason',
    );
  });
});
