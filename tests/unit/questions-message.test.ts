// The ask form's message format, read back by `npm run question -- add --from-email`, and the times
// of a portal export. Pure.
import { describe, expect, it } from 'vitest';
import { askBody, askMailto, askSubject, parseAskMessage } from '../../src/questions/ask-message.ts';
import { normalizeAskedTime } from '../../src/questions/intake-sheet.ts';

describe('ask message', () => {
  const m = { field: 'dien-luc', question: 'Trồng cây dưới đường dây 110 kV\ncách bao xa?', asked_by: 'UBND xã Hạnh Lâm', contact: '0912 000 000' };

  it('round-trips through the email body, also quoted by a mail client', () => {
    const body = askBody(m, 'Điện lực');
    expect(parseAskMessage(body)).toEqual(m);
    expect(parseAskMessage(body.split('\n').map((l) => `> ${l}`).join('\r\n'))).toEqual(m);
    expect(parseAskMessage(`${body}\n-- \nChữ ký của người gửi`).question).toBe(m.question);
  });

  it('reads the key=value lines of a form sent without JavaScript', () => {
    expect(parseAskMessage('field=dat-dai\r\nquestion=Hỏi một\r\ndòng hai\r\nasked_by=UBND xã A\r\ncontact=\r\n')).toEqual({
      field: 'dat-dai',
      question: 'Hỏi một\ndòng hai',
      asked_by: 'UBND xã A',
      contact: '',
    });
  });

  it('repairs a body UTF-8-encoded twice (Chromium, plain form) and leaves real text alone', () => {
    const twice = (t: string) => new TextDecoder('windows-1252').decode(new TextEncoder().encode(t));
    expect(parseAskMessage(twice('field=dat-dai\nquestion=Hồ sơ đường dây nộp ở đâu?\nasked_by=UBND xã Nam Đàn'))).toEqual({ field: 'dat-dai', question: 'Hồ sơ đường dây nộp ở đâu?', asked_by: 'UBND xã Nam Đàn' });
    expect(parseAskMessage('field=x\nquestion=Câu\nasked_by=A').question).toBe('Câu');
  });

  it('percent-encodes subject and body in the mailto: URL', () => {
    const url = askMailto('a@b.vn', askSubject('Hỏi đáp hai cấp', 'dien-luc', 'Điện lực'), 'x & y\nz');
    expect(url).toBe(`mailto:a@b.vn?subject=${encodeURIComponent('[Hỏi đáp hai cấp] Câu hỏi mới – Điện lực [dien-luc]')}&body=x%20%26%20y%0D%0Az`);
    expect(new URL(url).searchParams.get('body')).toBe('x & y\r\nz');
  });
});

describe('portal export times', () => {
  it.each([
    ['2026-05-29T08:15:00+07:00', '2026-05-29T08:15:00+07:00'],
    ['2026-05-29T01:15:00Z', '2026-05-29T01:15:00Z'],
    ['29/05/2026 08:15', '2026-05-29T08:15:00+07:00'],
    ['9/5/2026 8:05:30', '2026-05-09T08:05:30+07:00'],
    ['2026-05-29 08:15', '2026-05-29T08:15:00+07:00'],
    ['29/05/2026', '29/05/2026'], // no time: left for the schema to reject
  ])('%s → %s', (given, expected) => {
    expect(normalizeAskedTime(given)).toBe(expected);
  });
});
