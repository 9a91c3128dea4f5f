// Contract rules for questions, the calendar and `intake_unit`, on the questions fixture root
// (tests/fixtures/questions: the minimal root plus a calendar and eight questions with known figures).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentRoot } from '../../src/content/read-root.ts';
import { buildQuestionBoard } from '../../src/questions/board.ts';
import { FIXTURES, FIXTURE_TODAY, makeRoot } from '../helpers/fixture-root.ts';

const QROOT = path.join(FIXTURES, 'questions');
const NOW = new Date('2026-06-01T10:00:00+07:00');
const Q = 'questions/2026/q-dien-an-toan-sang.yaml';
const base = fs.readFileSync(path.join(QROOT, Q), 'utf8');
const set = (key: string, value: string | null) => {
  const line = new RegExp(`^${key}:.*\\n`, 'm');
  if (value === null) return base.replace(line, '');
  return line.test(base) ? base.replace(line, `${key}: ${value}\n`) : `${base}${key}: ${value}\n`;
};

function errorsFor(changes: Record<string, string | null>) {
  const root = makeRoot(changes, QROOT);
  const { issues } = readContentRoot(root, FIXTURE_TODAY, NOW);
  return issues.filter((i) => i.severity === 'error').map((i) => ({ file: path.relative(root, i.file), key: i.key, message: i.message, line: i.line }));
}

function expectError(changes: Record<string, string | null>, file: string, key: string, message: RegExp) {
  const errors = errorsFor(changes);
  const match = errors.find((e) => e.file === file && e.key === key);
  expect(match, `expected an error on ${file} key ${key}, got ${JSON.stringify(errors)}`).toBeDefined();
  expect(match!.message).toMatch(message);
}

describe('question rules', () => {
  it('the fixture root is valid and carries questions and the calendar', () => {
    expect(errorsFor({})).toEqual([]);
    const { model } = readContentRoot(QROOT, FIXTURE_TODAY, NOW);
    expect(model.questions).toHaveLength(8);
    expect(model.calendar.data.workdays).toEqual(['2026-05-23']);
  });

  it('a root without questions/ or calendar.yaml keeps working', () => {
    const { model, issues } = readContentRoot(makeRoot(), FIXTURE_TODAY, NOW);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(model.questions).toEqual([]);
    expect(model.calendar.file).toBeUndefined();
  });

  it('rejects an unknown field and unit', () => {
    expectError({ [Q]: set('field', 'khong-co') }, Q, 'field', /field "khong-co".*does not exist/);
    expectError({ [Q]: set('assigned_to', 'khong-co') }, Q, 'assigned_to', /unit "khong-co".*does not exist/);
    expectError({ [Q]: set('asked_by_unit', 'khong-co') }, Q, 'asked_by_unit', /does not exist/);
  });
  it('rejects answered without answered_at or entry', () => {
    expectError({ [Q]: set('answered_at', null) }, Q, 'answered_at', /required when status is answered/);
    expectError({ [Q]: set('entry', null) }, Q, 'entry', /required when status is answered/);
  });
  it('rejects answered_at before asked or in the future', () => {
    expectError({ [Q]: set('answered_at', '2026-05-25T08:00:00+07:00') }, Q, 'answered_at', /before asked/);
    expectError({ [Q]: set('answered_at', '2026-06-02T08:00:00+07:00') }, Q, 'answered_at', /in the future/);
  });
  it('rejects an entry that does not exist', () => {
    expectError({ [Q]: set('entry', 'khong-co-muc-nay') }, Q, 'entry', /entry "khong-co-muc-nay".*does not exist/);
  });
  it('rejects a time without offset and an impossible time', () => {
    expectError({ [Q]: set('asked', '2026-05-25T09:00:00') }, Q, 'asked', /offset/);
    expectError({ [Q]: set('asked', '2026-05-25') }, Q, 'asked', /offset/);
    expectError({ [Q]: set('answered_at', '2026-05-25T25:00:00+07:00') }, Q, 'answered_at', /real date and time/);
  });
  it('rejects duplicate ids', () => {
    expectError({ 'questions/copy.yaml': base }, 'questions/copy.yaml', 'id', /duplicate question id "q-dien-an-toan-sang"/);
  });
  it('requires a reason for consulting and declined', () => {
    expectError({ [Q]: set('status', 'consulting') }, Q, 'consult_reason', /required when status is consulting/);
    expectError({ [Q]: set('status', 'declined') }, Q, 'declined_reason', /required when status is declined/);
  });
  it('rejects unknown keys and a bad status, naming the line', () => {
    const errors = errorsFor({ [Q]: set('priority', 'high') });
    expect(errors).toContainEqual(expect.objectContaining({ file: Q, key: 'priority', message: expect.stringMatching(/unknown key/) }));
    expectError({ [Q]: set('status', 'done') }, Q, 'status', /open, consulting, answered, declined/);
  });
  it('checks calendar.yaml and intake_unit', () => {
    expectError({ 'calendar.yaml': 'holidays: [2026-02-30]\n' }, 'calendar.yaml', 'holidays[0]', /real date/);
    expectError({ 'calendar.yaml': 'holidays: [2026-05-23]\nworkdays: [2026-05-23]\n' }, 'calendar.yaml', 'workdays[0]', /both/);
    expectError({ 'calendar.yaml': 'weekends: []\n' }, 'calendar.yaml', 'weekends', /unknown key/);
    expectError({ 'fields/dien-luc.yaml': 'name: Điện lực\nintake_unit: khong-co\n' }, 'fields/dien-luc.yaml', 'intake_unit', /unit "khong-co"/);
  });
});

describe('figures on the fixture root (known answers)', () => {
  const { model } = readContentRoot(QROOT, FIXTURE_TODAY, NOW);
  const board = buildQuestionBoard(model, NOW);
  const byId = Object.fromEntries(board.questions.map((q) => [q.id, q]));

  it('clocks each question', () => {
    expect(byId['q-dien-an-toan-sang'].onTime).toBe(true); // 6 h, same day
    expect(byId['q-dien-muon'].onTime).toBe(false); // asked 16:30, answered next morning
    expect(byId['q-dien-cuoi-tuan'].onTime).toBe(false); // Friday evening: the make-up Saturday was the deadline
    expect(byId['q-dat-dung-17h'].onTime).toBe(true); // asked at 17:00 exactly (given in Z): due next day
    expect(byId['q-dien-qua-han'].overdue).toBe(true);
    expect(byId['q-dien-hom-nay'].overdue).toBe(false);
    expect(byId['q-dien-xin-y-kien'].overdue).toBe(false);
  });

  it('computes per-unit figures over every question', () => {
    expect(board.unitTotals.get('so-cong-thuong-nghe-an')).toMatchObject({ received: 6, answered: 3, answeredOnTime: 1, openOverdue: 1, medianAnswerHours: 17 });
    expect(board.unitTotals.get('bo-cong-thuong')).toMatchObject({ received: 2, answered: 1, answeredOnTime: 1, openOverdue: 0, medianAnswerHours: 23 });
  });

  it('lists consulting questions waiting more than 5 working days', () => {
    expect(board.longConsulting.map((q) => q.id)).toEqual(['q-dien-xin-y-kien']);
  });
});
