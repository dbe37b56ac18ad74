/**
 * Raises `cells[index]`, memory shared between threads, to `value` if it is below, whatever the
 * other threads store meanwhile.
 */
export function raiseTo(cells: Int32Array, index: number, value: number): void {
  storeIfBetter(cells, index, value, (a, b) => a > b);
}

/** Lowers `cells[index]` to `value` if it is above, in the same way. */
export function lowerTo(cells: Int32Array, index: number, value: number): void {
  storeIfBetter(cells, index, value, (a, b) => a < b);
}

function storeIfBetter(cells: Int32Array, index: number, value: number, better: (a: number, b: number) => boolean): void {
  for (let current = Atomics.load(cells, index); better(value, current); current = Atomics.load(cells, index)) {
    if (Atomics.compareExchange(cells, index, current, value) === current) return;
  }
}
