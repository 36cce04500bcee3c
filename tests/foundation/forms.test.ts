// How a form's fields become input, and what a refused form hands back.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formField, readForm, refusedForm, submittedValues } from '../../lib/forms.ts';
import { fail } from '../../lib/result.ts';

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const Settings = z.object({
  name: formField.text,
  due: formField.optional,
  words: formField.number,
  publish: formField.checkbox,
  chain: formField.list,
});

describe('form fields', () => {
  it('reads text, optional, number, checkbox and list fields as an HTML form sends them', () => {
    const read = readForm(
      Settings,
      formOf([
        ['name', 'Budget'],
        ['due', ''],
        ['words', '150'],
        ['publish', 'on'],
        ['chain', 'ADVISER'],
      ]),
    );
    expect(read).toEqual({ ok: true, data: { name: 'Budget', due: undefined, words: 150, publish: true, chain: ['ADVISER'] } });
  });

  it('takes a missing field as what a browser means by leaving it out', () => {
    const read = readForm(Settings, formOf([]));
    expect(read.ok && read.data).toMatchObject({ name: '', publish: false, chain: [] });
    expect(read.ok && Number.isNaN(read.data.words)).toBe(true);
  });

  it('refuses a field sent twice where one is expected, with a message for that field', () => {
    expect(
      readForm(
        Settings,
        formOf([
          ['name', 'a'],
          ['name', 'b'],
        ]),
      ),
    ).toMatchObject({ ok: false, status: 422, fieldErrors: { name: expect.any(String) } });
  });

  it('hands back what was typed after a refusal, but never a password or a token', () => {
    const form = formOf([
      ['email', 'sam@lincoln.example'],
      ['password', 'hunter2hunter2'],
      ['confirm', 'hunter2hunter2'],
      ['token', 'secret'],
      ['$ACTION_ID_1', ''],
      ['chain', 'A'],
      ['chain', 'B'],
    ]);
    expect(submittedValues(form)).toEqual({ email: 'sam@lincoln.example', chain: ['A', 'B'] });
    expect(refusedForm(fail(401, 'No.'), form)).toEqual({ ok: false, error: 'No.', fieldErrors: undefined, values: { email: 'sam@lincoln.example', chain: ['A', 'B'] } });
  });
});
