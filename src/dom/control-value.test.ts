// @vitest-environment happy-dom
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Field } from '../schema/procedure-format.js';
import { writeValue } from './control-value.js';

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
