/**
 * An upper-leaning estimate of the length of JSON.stringify(value), without
 * building the string: the batch writer only needs to keep its appends well
 * under the store's size limit. Strings count their length plus quotes (an
 * escaped character may count a few more; the writer's margin covers it).
 */
export const estimateJsonLength = (value: unknown): number => {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number' || typeof value === 'boolean') return 24;
  if (value === null || value === undefined) return 4;
  let total = 2;
  if (Array.isArray(value)) {
    for (const item of value) total += estimateJsonLength(item) + 1;
    return total;
  }
  for (const key in value as Record<string, unknown>) {
    total += key.length + 4 + estimateJsonLength((value as Record<string, unknown>)[key]);
  }
  return total;
};
