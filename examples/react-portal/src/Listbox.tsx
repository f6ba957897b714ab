/**
 * A non-native select: a combobox button and a popup listbox (WAI-ARIA APG "select-only
 * combobox"). Its value lives in React state only: no `<select>`, no hidden input, so DOM
 * filling cannot reach it and only the React path (`register`) can.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';

export interface ListboxOption {
  value: string;
  label: string;
}

export interface ListboxProps {
  label: string;
  options: ListboxOption[];
  value?: string;
  /** The chosen option's value (what `register(path).onChange` takes). */
  onChange: (value: string) => void;
  readOnly?: boolean;
  placeholder?: string;
  name?: string;
}

export function Listbox({ label, options, value = '', onChange, readOnly = false, placeholder = '— Chọn —', name }: ListboxProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const selected = options.find((o) => o.value === value);

  const show = () => {
    if (readOnly) return;
    setActive(Math.max(0, options.findIndex((o) => o.value === value)));
    setOpen(true);
  };
  const pick = (index: number) => {
    const option = options[index];
    if (option) onChange(option.value);
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => (open ? setActive((i) => Math.min(options.length - 1, i + 1)) : show()),
      ArrowUp: () => (open ? setActive((i) => Math.max(0, i - 1)) : show()),
      Home: () => open && setActive(0),
      End: () => open && setActive(options.length - 1),
      Enter: () => (open ? pick(active) : show()),
      ' ': () => (open ? pick(active) : show()),
      Escape: () => setOpen(false),
      Tab: () => open && pick(active),
    };
    const action = keys[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    action();
  };

  return (
    <div className="field listbox" data-name={name}>
      <span className="label" id={`${id}-label`}>
        {label}
      </span>
      <button
        ref={button}
        type="button"
        role="combobox"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-labelledby={`${id}-label`}
        aria-readonly={readOnly || undefined}
        aria-activedescendant={open ? `${id}-option-${active}` : undefined}
        data-value={value}
        onClick={() => (open ? setOpen(false) : show())}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      >
        {selected?.label ?? placeholder}
      </button>
      {open && (
        <ul role="listbox" id={`${id}-list`} aria-labelledby={`${id}-label`} tabIndex={-1}>
          {options.map((option, i) => (
            <li
              key={option.value}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={option.value === value}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the button's blur would close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(i);
              }}
            >
              {option.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
