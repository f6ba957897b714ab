/**
 * Plans what to ask: the minimal attribute set per source for one procedure, and for every
 * field and dossier component the attribute references it resolves from. Pure and cached per
 * procedure object.
 */
import { lookupAttribute, type ResolvedAttribute } from '../schema/attribute-types.js';
import type { SourceKind } from '../schema/format-constants.js';
import type { DossierComponent, Field, Procedure } from '../schema/procedure-format.js';

export interface PlannedRef {
  source: SourceKind;
  /** The attribute as written in the definition (may be dotted). */
  attribute: string;
  resolved: ResolvedAttribute;
}

export interface PlannedField {
  field: Field;
  refs: PlannedRef[];
  /** Set for members of a prefilled repeated group: the group's id and its row list refs. */
  row?: { groupId: string; group: PlannedGroup };
}

export interface PlannedGroup {
  field: Field;
  /** Refs to list attributes the rows come from, in priority order. */
  refs: PlannedRef[];
}

export interface PlannedComponent {
  component: DossierComponent;
  refs: Array<{ source: SourceKind; attribute: string; documentType: string; procedures?: readonly string[]; allowExpired?: boolean }>;
}

export interface QueryPlan {
  /** Base attribute ids to ask, per source, sorted (stable cache keys). */
  attributes: Partial<Record<SourceKind, string[]>>;
  fields: PlannedField[];
  groups: PlannedGroup[];
  components: PlannedComponent[];
}

const plans = new WeakMap<Procedure, QueryPlan>();

/**
 * @example
 * planQueries(procedure).attributes.population // ['birthDate', 'fullName', …]
 */
export function planQueries(procedure: Procedure): QueryPlan {
  const cached = plans.get(procedure);
  if (cached) return cached;
  const asked: Partial<Record<SourceKind, Set<string>>> = {};
  const ask = (source: SourceKind, base: string) => (asked[source] ??= new Set()).add(base);
  const refsOf = (field: Field): PlannedRef[] =>
    (field.prefill?.from ?? []).flatMap((ref) => {
      const resolved = lookupAttribute(ref.source, ref.attribute);
      return resolved ? [{ source: ref.source, attribute: ref.attribute, resolved }] : [];
    });

  const byId = new Map(procedure.fields.map((f) => [f.id, f]));
  const groups = new Map<string, PlannedGroup>();
  for (const field of procedure.fields) {
    if (field.type !== 'group' || !field.repeat || !field.prefill) continue;
    const refs = refsOf(field).filter((r) => r.resolved.list && r.resolved.parts.length === 0);
    if (refs.length > 0) groups.set(field.id, { field, refs });
  }

  /** The nearest repeated group above a field, if any. */
  const repeatedParent = (field: Field): Field | undefined => {
    const seen = new Set<string>();
    for (let id = field.group; id !== undefined && !seen.has(id); id = byId.get(id)?.group) {
      seen.add(id);
      const parent = byId.get(id);
      if (parent?.type === 'group' && parent.repeat) return parent;
    }
    return undefined;
  };

  const fields: PlannedField[] = [];
  for (const field of procedure.fields) {
    if (field.type === 'group' || field.type === 'file' || !field.prefill) continue;
    const parent = repeatedParent(field);
    if (parent) {
      // Rows are filled only from the list their group takes them from.
      const group = groups.get(parent.id);
      if (!group) continue;
      const refs = refsOf(field).filter((r) => r.resolved.list && group.refs.some((g) => g.source === r.source && g.attribute === r.resolved.base));
      if (refs.length === 0) continue;
      for (const r of refs) ask(r.source, r.resolved.base);
      fields.push({ field, refs, row: { groupId: parent.id, group } });
      continue;
    }
    const refs = refsOf(field);
    if (refs.length === 0) continue;
    for (const r of refs) ask(r.source, r.resolved.base);
    fields.push({ field, refs });
  }
  for (const group of groups.values()) for (const r of group.refs) ask(r.source, r.resolved.base);

  const components: PlannedComponent[] = (procedure.documents ?? []).flatMap((component) => {
    const refs = (component.reuse ?? []).map((reuse) => {
      // Documents come from the stores by type; the personal store keeps them in one list.
      const attribute = reuse.source === 'personal' ? 'savedDocuments' : reuse.documentType;
      ask(reuse.source, attribute);
      return { source: reuse.source, attribute, documentType: reuse.documentType, ...(reuse.procedures ? { procedures: reuse.procedures } : {}), ...(reuse.allowExpired ? { allowExpired: true } : {}) };
    });
    return refs.length > 0 ? [{ component, refs }] : [];
  });

  const attributes: Partial<Record<SourceKind, string[]>> = {};
  for (const [source, set] of Object.entries(asked) as Array<[SourceKind, Set<string>]>) attributes[source] = [...set].sort();
  const plan = { attributes, fields, groups: [...groups.values()], components };
  plans.set(procedure, plan);
  return plan;
}
