// @vitest-environment happy-dom
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Field } from '../schema/procedure-format.js';
import { parseProcedure } from '../schema/parse-procedure.js';
import { readFormSubmission } from '../server/read-form-submission.js';
import { SHIPPED_PROCEDURES } from '../testing/create-gateway-handlers.js';
import { parseIsoCalendarDate } from '../vn/parse-iso-calendar-date.js';
import { readValue, writeValue } from './control-value.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const field = (type: string) => ({ id: 'x', type }) as unknown as Field;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** A controlled input whose value lives in React state; `rerender()` re-renders it for another reason. */
function renderControlled(type: string) {
  const seen: { state?: string; rerender?: () => void } = {};
  function Form() {
    const [value, setValue] = useState('');
    const [, setTicks] = useState(0);
    seen.state = value;
    seen.rerender = () => setTicks((t) => t + 1);
    return createElement('input', { type, value, onChange: (e: { target: HTMLInputElement }) => setValue(e.target.value) });
  }
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() => root!.render(createElement(Form)));
  return { input: host.querySelector('input')!, seen };
}

describe('writeValue on a React controlled input', () => {
  it.each([
    ['text', 'Nguyễn Thị Lan'],
    ['date', '1990-05-09'],
  ])('lands a %s value in React state, so a re-render keeps it', (type, value) => {
    const { input, seen } = renderControlled(type);
    act(() => void writeValue(field(type), [input], new Map(), value));
    expect(seen.state).toBe(value);
    act(() => seen.rerender!());
    expect(input.value).toBe(value);
  });

  it('lands a checked box in React state, so a re-render keeps it', () => {
    const seen: { state?: boolean; rerender?: () => void } = {};
    function Box() {
      const [checked, setChecked] = useState(false);
      const [, setTicks] = useState(0);
      seen.state = checked;
      seen.rerender = () => setTicks((t) => t + 1);
      return createElement('input', { type: 'checkbox', checked, onChange: (e: { target: HTMLInputElement }) => setChecked(e.target.checked) });
    }
    const host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
    act(() => root!.render(createElement(Box)));
    const box = host.querySelector('input')!;
    act(() => void writeValue(field('checkbox'), [box], new Map(), true));
    expect(seen.state).toBe(true);
    act(() => seen.rerender!());
    expect(box.checked).toBe(true);
  });

  it('writes without events when asked, leaving React state alone', () => {
    const { input, seen } = renderControlled('text');
    act(() => void writeValue(field('text'), [input], new Map(), 'Nguyễn Thị Lan', false));
    expect(input.value).toBe('Nguyễn Thị Lan');
    expect(seen.state).toBe('');
  });
});

describe('readValue of a date in a text input', () => {
  const procedure = parseProcedure(SHIPPED_PROCEDURES.find((p) => (p as { code: string }).code === '1.004616'));
  const birthDate = procedure.fields.find((f) => f.id === 'birthDate')!;
  it.each(['09/05/1990', '9/5/1990', '09-05-1990', '9.5.1990', ' 09/05/1990 ', '05/1990', '5-1990', '1990-05-09', ' 1990-05-09 ', '1990', '31/04/1990', '9/5-1990', '09 / 05 / 1990', 'hôm qua', ''])(
    'reads %j as the back office reads it posted (readFormSubmission)',
    (text) => {
      const input = document.body.appendChild(document.createElement('input'));
      input.value = text;
      const posted = readFormSubmission(procedure, new URLSearchParams({ birthDate: text })).values.birthDate;
      const read = readValue(birthDate, [input], new Map());
      // Where the back office reads a real date, the browser reads the same one; where it reads none, neither does the browser.
      const real = (value: unknown) => typeof value === 'string' && parseIsoCalendarDate(value) !== undefined;
      if (real(posted)) expect(read).toBe(posted);
      else expect(real(read)).toBe(false);
    },
  );
});
