import { describe, expect, it } from '@jest/globals';
import {
  initialRecordValues,
  recordFieldFor,
  recordFieldIds,
  toRecordRequest,
  validateRecord,
  type RecordContext,
  type RecordValues,
} from './record-form';

const context: RecordContext = {
  attendees: [
    { enrolmentId: 'e1', ccc: { fullName: 'Sam Taylor' }, attendance: 'expected' },
    { enrolmentId: 'e2', ccc: { fullName: 'Jamie Reid' }, attendance: 'present' },
  ],
  staffRoles: ['alliance_supervisor'],
};

describe('the record form', () => {
  it('starts from what the register already says', () => {
    const values = initialRecordValues(context, {}, null);
    expect(values.attendance).toEqual({ e1: '', e2: 'present' });
    expect(values.staff).toEqual({ alliance_supervisor: '' });
  });

  it('asks for every attendee, every supervisor and every part of an action', () => {
    const values: RecordValues = {
      ...initialRecordValues(context, {}, null),
      actions: [{ key: 7, description: '', owner: '', ownerEnrolmentId: '', dueDate: '2026-02-30' }],
    };
    const errors = validateRecord(values, context);
    expect(errors[recordFieldIds.attendance('e1')]).toBe(
      'Say whether Sam Taylor was present, sent apologies or was absent',
    );
    expect(errors[recordFieldIds.attendance('e2')]).toBeUndefined();
    // The supervisors' attendance may be left blank.
    expect(errors[recordFieldIds.staff('alliance_supervisor')]).toBeUndefined();
    expect(errors[recordFieldIds.action(7, 'description')]).toBe('Describe action 1');
    expect(errors[recordFieldIds.action(7, 'owner')]).toBe('Choose who owns action 1');
    expect(errors[recordFieldIds.action(7, 'dueDate')]).toBe('Enter a real due date for action 1');
  });

  it('builds the request for the whole register', () => {
    const values: RecordValues = {
      attendance: { e1: 'apologies', e2: 'present' },
      staff: { alliance_supervisor: 'present' },
      notes: '  Went well ',
      actions: [
        { key: 1, description: 'Read the toolkit', owner: 'ccc', ownerEnrolmentId: 'e2', dueDate: '2026-12-31' },
      ],
    };
    expect(validateRecord(values, context)).toEqual({});
    expect(toRecordRequest(values, context, 4)).toEqual({
      attendance: [
        { enrolmentId: 'e1', attendance: 'apologies' },
        { enrolmentId: 'e2', attendance: 'present' },
      ],
      staffAttendance: { alliance_supervisor: 'present' },
      notes: 'Went well',
      actions: [{ description: 'Read the toolkit', owner: 'ccc', ownerEnrolmentId: 'e2', dueDate: '2026-12-31' }],
      version: 4,
    });
  });

  it('asks which CCC owns a CCC’s action in a group, and sends it; not with one CCC, nor for a supervisor', () => {
    const action = {
      key: 5,
      description: 'Present a case',
      owner: 'ccc' as const,
      ownerEnrolmentId: '',
      dueDate: '2026-12-31',
    };
    const values: RecordValues = {
      attendance: { e1: 'present', e2: 'present' },
      staff: {},
      notes: '',
      actions: [action],
    };
    expect(validateRecord(values, context)[recordFieldIds.action(5, 'ownerEnrolmentId')]).toBe(
      'Choose which CCC owns action 1',
    );
    const one: RecordContext = { attendees: [context.attendees[0]!], staffRoles: [] };
    expect(validateRecord({ ...values, attendance: { e1: 'present' } }, one)).toEqual({});
    expect(toRecordRequest({ ...values, attendance: { e1: 'present' } }, one, 1).actions).toEqual([
      { description: 'Present a case', owner: 'ccc', dueDate: '2026-12-31' },
    ]);
    const supervisors = {
      ...values,
      actions: [{ ...action, owner: 'alliance_supervisor' as const, ownerEnrolmentId: 'e1' }],
    };
    expect(validateRecord(supervisors, context)).toEqual({});
    expect(toRecordRequest(supervisors, context, 1).actions).toEqual([
      { description: 'Present a case', owner: 'alliance_supervisor', dueDate: '2026-12-31' },
    ]);
  });

  it('sends only the supervisors whose attendance was given', () => {
    const values: RecordValues = {
      attendance: { e1: 'present', e2: 'present' },
      staff: { alliance_supervisor: '' },
      notes: '',
      actions: [],
    };
    expect(toRecordRequest(values, context, 1)).toEqual({
      attendance: [
        { enrolmentId: 'e1', attendance: 'present' },
        { enrolmentId: 'e2', attendance: 'present' },
      ],
      version: 1,
    });
  });

  it('places API field errors on the right row', () => {
    const values: RecordValues = {
      ...initialRecordValues(context, {}, null),
      actions: [{ key: 3, description: 'x', owner: 'ccc', ownerEnrolmentId: '', dueDate: '2026-12-31' }],
    };
    expect(recordFieldFor('attendance[1].attendance', values, context)).toBe(recordFieldIds.attendance('e2'));
    expect(recordFieldFor('actions.0.dueDate', values, context)).toBe(recordFieldIds.action(3, 'dueDate'));
    expect(recordFieldFor('actions[0].ownerEnrolmentId', values, context)).toBe(
      recordFieldIds.action(3, 'ownerEnrolmentId'),
    );
    expect(recordFieldFor('staffAttendance.alliance_supervisor', values, context)).toBe(
      recordFieldIds.staff('alliance_supervisor'),
    );
    expect(recordFieldFor('notes', values, context)).toBe(recordFieldIds.notes);
    // A supervisor the form does not ask about: the error is shown apart, not linked to a missing field.
    expect(recordFieldFor('staffAttendance.pcn_supervisor', values, context)).toBeNull();
    expect(recordFieldFor('version', values, context)).toBeNull();
  });
});
