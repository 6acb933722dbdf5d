import type { ExtraParameter } from '../openapi/document';

const position = {
  type: 'string',
  pattern: '^\\d{1,20}(\\.\\d{1,20})?$',
  examples: ['42'],
} as const;

/** Read-your-writes parameters every read-model route accepts. */
export const readModelParameters: readonly ExtraParameter[] = [
  {
    name: 'X-Custody-Min-Position',
    in: 'header',
    description:
      'Answer only once the read models include this position (from X-Custody-Position)',
    schema: position,
  },
  {
    name: 'minPosition',
    in: 'query',
    description: 'Same as the X-Custody-Min-Position header; the header wins',
    schema: position,
  },
];
