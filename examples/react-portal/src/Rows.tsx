/**
 * A repeated group (the diplomas, the practice rows) over the oncefill session: each row's
 * fields are the paths `group[i].field`, bound with `register` like any other field. Rows
 * oncefill filled show as soon as their values arrive; the citizen adds rows and removes them
 * (down to the group's minimum).
 */
import type { Procedure } from 'oncefill';
import type { UseOncefillResult } from 'oncefill/react';
import { useState } from 'react';
import { Field, FieldNote, Problem, inputType, labelOf } from './parts.js';
import { fieldById, membersOf, removeRow, rowCount, rowPath } from '../../shared/dossier.js';

export function Rows({ procedure, form, group, problems }: { procedure: Procedure; form: UseOncefillResult; group: string; problems: Record<string, string> }) {
  const definition = fieldById(procedure, group)!;
  const members = membersOf(procedure, group);
  // Rows the citizen added and has not filled yet: the session holds values, not empty rows.
  const [shown, setShown] = useState(0);
  const count = rowCount(definition, form.values, shown);
  const min = definition.type === 'group' ? definition.repeat?.min ?? 1 : 1;
  const max = definition.type === 'group' ? definition.repeat?.max ?? Infinity : Infinity;

  const remove = (index: number) => {
    for (const [path, value] of removeRow(procedure, definition, form.values, index)) form.set(path, value);
    setShown(count - 1);
  };

  return (
    <fieldset className="rows" data-group={group}>
      <legend>{labelOf(procedure, group)}</legend>
      {Array.from({ length: count }, (_, i) => (
        <div className="row" key={i} data-row={i}>
          {members.map((m) => {
            const path = rowPath(group, i, m.id);
            const label = `${m.label.vi} (${i + 1})`;
            return (
              <Field key={m.id} label={label} note={<FieldNote form={form} path={path} />} problem={<Problem path={path} text={problems[path]} />}>
                {m.type === 'textarea' ? <textarea {...form.register(path)} /> : <input type={inputType(m)} {...form.register(path)} />}
              </Field>
            );
          })}
          {count > min && (
            <button type="button" className="link" onClick={() => remove(i)}>
              Xóa dòng {i + 1}
            </button>
          )}
        </div>
      ))}
      {count < max && (
        <button type="button" className="add-row" onClick={() => setShown(count + 1)}>
          Thêm dòng
        </button>
      )}
      <Problem path={group} text={problems[group]} />
    </fieldset>
  );
}
