import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authorisationMatrix } from '../../src/domain/authorisation';

/** The README's authorisation table must say what the code enforces. */
describe('README authorisation matrix', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const table =
    /<!-- authorisation-matrix:start -->\n([\s\S]*?)<!-- authorisation-matrix:end -->/.exec(
      readme,
    )?.[1];

  const rows = new Map(
    (table ?? '')
      .split('\n')
      .filter(
        (line) =>
          line.startsWith('| ') && !line.startsWith('| who') && !line.startsWith('| ---'),
      )
      .map((line) => {
        const [who = '', commands = '', rule = ''] = line
          .slice(2, -2)
          .split(' | ')
          .map((cell) => cell.trim());
        const named = [...commands.matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1]);
        return [who, { commands: named, rule }] as const;
      }),
  );

  it('has the table', () => {
    expect(table).toBeDefined();
  });

  it.each(Object.entries(authorisationMatrix))(
    'lists what a %s may run',
    (party, entry) => {
      expect(rows.get(party)).toEqual({
        commands: [...entry.commands],
        rule: entry.rule,
      });
    },
  );

  it('lists no party the code does not know', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(authorisationMatrix).sort());
  });
});
