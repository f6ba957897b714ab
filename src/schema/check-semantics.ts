/**
 * Checks a structurally valid definition for what JSON Schema cannot express and oncefill
 * needs in order to run it: ids that must exist, duplicates, cycles, group depth, valid
 * patterns, catalogue attributes and their compatibility with field types. Honest statuses
 * and other authoring rules are `check-authoring.ts`, run by `checkProcedure`.
 */
import type { DefinitionIssue } from '../shared/DefinitionError.js';
import { DOCUMENT_TYPE_IDS, FIELD_ACCEPTS, lookupAttribute } from './attribute-types.js';
import { DEFINITION_LIMITS } from './format-constants.js';
import type { Condition, Field, Procedure } from './procedure-format.js';

/** Field ids a condition reads. */
export function conditionFields(condition: Condition, out: string[] = []): string[] {
  if ('field' in condition) out.push(condition.field);
  else if ('all' in condition) for (const c of condition.all) conditionFields(c, out);
  else if ('any' in condition) for (const c of condition.any) conditionFields(c, out);
  else if ('not' in condition) conditionFields(condition.not, out);
  return out;
}

/**
 * @example
 * const errors = checkSemantics(procedure)
 */
export function checkSemantics(procedure: Procedure): DefinitionIssue[] {
  const errors: DefinitionIssue[] = [];
  const err = (path: string, code: DefinitionIssue['code'], message: string) => errors.push({ path, code, message });

  const byId = new Map<string, { field: Field; index: number }>();
  procedure.fields.forEach((field, index) => {
    if (byId.has(field.id)) err(`$.fields[${index}].id`, 'duplicate-id', `field id "${field.id}" is already used by $.fields[${byId.get(field.id)!.index}]`);
    else byId.set(field.id, { field, index });
  });

  // Groups: parents exist, are groups, no cycles, bounded depth.
  procedure.fields.forEach((field, index) => {
    if (field.group === undefined) return;
    const parent = byId.get(field.group);
    if (!parent) return err(`$.fields[${index}].group`, 'unknown-field', `group "${field.group}" is not a field of this definition`);
    if (parent.field.type !== 'group') return err(`$.fields[${index}].group`, 'bad-group', `"${field.group}" is a ${parent.field.type} field, not a group`);
    const seen = new Set([field.id]);
    let depth = 1;
    for (let p: Field | undefined = parent.field; p?.group !== undefined; p = byId.get(p.group)?.field) {
      if (seen.has(p.id)) return err(`$.fields[${index}].group`, 'cycle', `groups containing "${field.id}" form a cycle`);
      seen.add(p.id);
      if (++depth > DEFINITION_LIMITS.maxGroupDepth)
        return err(`$.fields[${index}].group`, 'too-deep', `groups are nested deeper than ${DEFINITION_LIMITS.maxGroupDepth} levels`);
    }
  });

  // Conditions name existing fields and do not depend on themselves.
  const dependsOn = new Map<string, string[]>();
  procedure.fields.forEach((field, index) => {
    const deps: string[] = [];
    for (const key of ['visibleWhen', 'requiredWhen'] as const) {
      const condition = field[key];
      if (!condition) continue;
      for (const ref of conditionFields(condition)) {
        if (!byId.has(ref)) err(`$.fields[${index}].${key}`, 'unknown-field', `condition reads field "${ref}", which this definition does not have`);
        else deps.push(ref);
      }
    }
    dependsOn.set(field.id, deps);
  });
  const cycle = findCycle(dependsOn);
  if (cycle) err(`$.fields[${byId.get(cycle[0]!)!.index}]`, 'cycle', `conditions depend on each other in a cycle: ${cycle.join(' → ')}`);

  // Options, prefill mappings, statuses.
  procedure.fields.forEach((field, index) => {
    const at = `$.fields[${index}]`;
    if ('options' in field) {
      const values = new Set<string>();
      field.options.forEach((option, o) => {
        if (values.has(option.value)) err(`${at}.options[${o}].value`, 'duplicate-option', `option value "${option.value}" appears twice`);
        values.add(option.value);
      });
    }
    if (field.type === 'text' && field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        err(`${at}.pattern`, 'invalid', 'pattern is not a valid regular expression');
      }
    }
    checkPrefill(field, at, byId, err);
  });

  const stepOf = new Map<string, number>();
  const stepIds = new Set<string>();
  procedure.steps?.forEach((step, s) => {
    if (stepIds.has(step.id)) err(`$.steps[${s}].id`, 'duplicate-id', `step id "${step.id}" is already used`);
    stepIds.add(step.id);
    step.fields.forEach((ref, f) => {
      if (!byId.has(ref)) err(`$.steps[${s}].fields[${f}]`, 'unknown-field', `step lists field "${ref}", which this definition does not have`);
      else if (stepOf.has(ref)) err(`$.steps[${s}].fields[${f}]`, 'duplicate-id', `field "${ref}" is already in step ${stepOf.get(ref)}`);
      else stepOf.set(ref, s);
    });
  });

  const componentIds = new Set<string>();
  procedure.documents?.forEach((component, c) => {
    const at = `$.documents[${c}]`;
    if (componentIds.has(component.id)) err(`${at}.id`, 'duplicate-id', `component id "${component.id}" is already used`);
    componentIds.add(component.id);
    if (component.fileField !== undefined) {
      const target = byId.get(component.fileField)?.field;
      if (!target) err(`${at}.fileField`, 'unknown-field', `file field "${component.fileField}" is not a field of this definition`);
      else if (target.type !== 'file') err(`${at}.fileField`, 'incompatible-attribute', `"${component.fileField}" is a ${target.type} field, not a file field`);
    }
    if (component.requiredWhen)
      for (const ref of conditionFields(component.requiredWhen))
        if (!byId.has(ref)) err(`${at}.requiredWhen`, 'unknown-field', `condition reads field "${ref}", which this definition does not have`);
    component.reuse?.forEach((reuse, r) => {
      const known =
        reuse.source === 'results' || reuse.source === 'personal'
          ? (DOCUMENT_TYPE_IDS as readonly string[]).includes(reuse.documentType)
          : lookupAttribute(reuse.source, reuse.documentType) !== undefined;
      if (!known) err(`${at}.reuse[${r}].documentType`, 'unknown-attribute', `the ${reuse.source} catalogue has no "${reuse.documentType}"`);
    });
  });

  return errors;
}

function checkPrefill(
  field: Field,
  at: string,
  byId: Map<string, { field: Field; index: number }>,
  err: (path: string, code: DefinitionIssue['code'], message: string) => void,
): void {
  const accepts = FIELD_ACCEPTS[field.type] ?? [];
  // The list this field's rows come from, when it sits in a repeated group that is prefilled.
  const parent = field.group === undefined ? undefined : byId.get(field.group)?.field;
  const rowSource = parent?.type === 'group' && parent.repeat && parent.prefill ? parent.prefill.from : undefined;

  field.prefill?.from.forEach((ref, r) => {
    const path = `${at}.prefill.from[${r}]`;
    const found = lookupAttribute(ref.source, ref.attribute);
    if (!found) return err(`${path}.attribute`, 'unknown-attribute', `the ${ref.source} catalogue has no attribute "${ref.attribute}"`);
    if (field.type === 'group') {
      if (!field.repeat) return err(`${at}.prefill`, 'incompatible-attribute', 'only a repeated group takes its rows from a source');
      if (!found.list || found.parts.length > 0)
        return err(`${path}.attribute`, 'incompatible-attribute', `"${ref.attribute}" is not a list, so it cannot give the rows of a repeated group`);
      return;
    }
    if (!accepts.includes(found.type))
      return err(`${path}.attribute`, 'incompatible-attribute', `a ${field.type} field cannot hold "${ref.attribute}" (a ${found.type} value)`);
    if (found.list && found.parts.length > 0 && rowSource && !rowSource.some((row) => row.source === ref.source && row.attribute === found.base))
      err(`${path}.attribute`, 'incompatible-attribute', `"${ref.attribute}" is a part of a list the enclosing group does not take its rows from`);
  });
}

/** Returns one cycle (as a list of ids, first repeated at the end) or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1: on the stack, 2: done
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    // Iterative DFS so a long chain cannot overflow the stack.
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = graph.get(top.node) ?? [];
      if (top.next >= edges.length) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const to = edges[top.next++]!;
      if (state.get(to) === 1) {
        const from = stack.findIndex((frame) => frame.node === to);
        return [...stack.slice(from).map((frame) => frame.node), to];
      }
      if (!state.has(to)) {
        state.set(to, 1);
        stack.push({ node: to, next: 0 });
      }
    }
  }
  return undefined;
}
