import { getMetadataStorage, MetadataStorage } from 'class-validator';

type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type RulesByProperty = ReturnType<MetadataStorage['groupByPropertyName']>;

const remembering = new WeakSet<MetadataStorage>();

/**
 * Makes class-validator answer "which rules apply to this class" from memory. It finds them by testing every
 * decorated class of the process with `instanceof`, and groups them by property anew, for every object it
 * validates, nested ones included (typestack/class-validator#2686): a visible share of records-api's CPU per
 * command, and more garbage (docs/adr/0031-validation-rules-from-memory.md; figures: docs/performance.md,
 * "Measurements behind the code").
 *
 * A class's rules, its own and its ancestors', are registered when its module loads, before any instance can be
 * validated. Even so, any registration clears what is remembered, so an answer is never older than the last rule
 * added. Lookups with validation groups (which these services do not use) are not remembered. class-validator
 * only reads the arrays and groupings it is given back, so they are shared between validations.
 */
export function rememberValidationRules(storage: MetadataStorage = getMetadataStorage()): void {
  if (remembering.has(storage)) return;
  remembering.add(storage);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let rulesOf = new WeakMap<object, Map<string, Rules>>();
  let groupings = new WeakMap<Rules, RulesByProperty>();

  storage.addValidationMetadata = (metadata) => {
    rulesOf = new WeakMap();
    groupings = new WeakMap();
    register(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (typeof target !== 'function' || groups?.length) return lookUp(target, schema, always, strictGroups, groups);
    const question = `${always}|${strictGroups}|${schema}`;
    let answers = rulesOf.get(target);
    if (!answers) rulesOf.set(target, (answers = new Map()));
    let rules = answers.get(question);
    if (!rules) answers.set(question, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    let grouped = groupings.get(rules);
    if (!grouped) groupings.set(rules, (grouped = group(rules)));
    return grouped;
  };
}
