/**
 * Stores `value` at `index` of memory shared between threads if it is `better` than what is
 * there, whatever the other threads store meanwhile.
 */
export function storeIfBetter(cells: Int32Array, index: number, value: number, better: (a: number, b: number) => boolean): void {
  for (let current = Atomics.load(cells, index); better(value, current); current = Atomics.load(cells, index)) {
    if (Atomics.compareExchange(cells, index, current, value) === current) return;
  }
}
