export { seededRandom as createRandom } from '@synergies/shared';

export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}
