/** Minimal sparse model builder producing HiGHS ModelData (row-wise). */
export class ModelBuilder {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: (0 | 1)[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];

  addVar(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  addBinary(cost = 0): number {
    return this.addVar(cost, 0, 1, true);
  }

  /** lower <= sum(coef * var) <= upper; terms on the same variable are merged. */
  addRow(terms: readonly (readonly [number, number])[], lower: number, upper: number): void {
    const merged = new Map<number, number>();
    for (const [v, c] of terms) merged.set(v, (merged.get(v) ?? 0) + c);
    for (const [v, c] of merged) {
      if (c === 0) continue;
      this.indices.push(v);
      this.values.push(c);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  get numNonzeros(): number {
    return this.indices.length;
  }

  toModelData<Sense>(sense: Sense, infinity: number) {
    const inf = (v: number) => (v === Infinity ? infinity : v === -Infinity ? -infinity : v);
    return {
      numCols: this.numCols,
      numRows: this.numRows,
      sense,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper.map(inf)),
      rowLower: Float64Array.from(this.rowLower.map(inf)),
      rowUpper: Float64Array.from(this.rowUpper.map(inf)),
      matrix: {
        format: 'csr' as const,
        numRows: this.numRows,
        numCols: this.numCols,
        starts: Int32Array.from(this.starts),
        indices: Int32Array.from(this.indices),
        values: Float64Array.from(this.values),
      },
      integrality: Int32Array.from(this.integer),
    };
  }
}
