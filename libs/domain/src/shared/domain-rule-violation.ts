/**
 * A command refused by a rule of the domain. `code` is stable (clients branch on it), `rule` says in an
 * official's words what was broken, `legalBasis` names the text the rule comes from when there is one.
 */
export class DomainRuleViolation extends Error {
  constructor(
    readonly code: string,
    readonly rule: string,
    readonly details: { readonly field?: string; readonly legalBasis?: string } = {},
  ) {
    super(rule);
    this.name = 'DomainRuleViolation';
  }
}
