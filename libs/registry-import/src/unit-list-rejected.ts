/** A bad row of an official list, by line number, so the person importing it can find and fix it. */
export interface RowError {
  readonly line: number;
  readonly message: string;
}

/** The whole file is refused: nothing of it is imported. */
export class UnitListRejected extends Error {
  constructor(
    readonly file: string,
    readonly errors: readonly RowError[],
  ) {
    super(`${file}: ${errors.length} bad row(s); nothing was imported.\n${errors.map((e) => `  line ${e.line}: ${e.message}`).join('\n')}`);
    this.name = 'UnitListRejected';
  }
}
