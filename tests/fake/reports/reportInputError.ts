/** An inventory run asked for something no vendor writes; the message names the field, the value and the rule. */
export class ReportInputError extends Error {
  readonly code = "InvalidArgument";

  constructor(field: string, value: unknown, rule: string) {
    super(`inventory report ${field} ${JSON.stringify(value)}: ${rule}`);
    this.name = "ReportInputError";
  }
}
