import { badge, h, link } from '../dom.js';
import { formatAgo, formatPercent } from '../format.js';
import { scoreBar } from '../widgets/score-bar.js';
import { table } from '../widgets/table.js';

const warnings = (report) => {
  const notes = [];
  if (report.keyPersonRisk.atRisk) {
    const who = report.people.find((p) => p.personId === report.keyPersonRisk.personId);
    notes.push(
      h(
        'p',
        { class: 'note warn' },
        badge('key-person risk', 'warn'),
        ` ${formatPercent(report.keyPersonRisk.share)} of the relationship rests on `,
        who?.personName ?? 'one person',
        report.keyPersonRisk.reason === 'sole-relationship' ? ' alone.' : '.',
      ),
    );
  }
  if (report.ownerNotStrongest) {
    notes.push(
      h(
        'p',
        { class: 'note' },
        badge('owner not strongest', 'info'),
        ' Someone other than the owner holds the strongest relationship.',
      ),
    );
  }
  return notes;
};

const columns = (ownerId) => [
  {
    label: 'Person',
    cell: (p) =>
      h(
        'span',
        {},
        link(`/portfolio/${p.personId}`, p.personName ?? p.personId),
        ' ',
        p.personId === ownerId && badge('owner', 'ok'),
      ),
  },
  { label: 'Strength', class: 'wide', cell: (p) => scoreBar(p.score, p.band) },
  { label: 'Interactions', class: 'num', cell: (p) => String(p.interactions) },
  { label: 'Last', cell: (p) => formatAgo(p.lastInteractionAt) },
];

/** Every person's relationship with the client, strongest first, with risk notes. */
export const relationshipsSection = (report) =>
  h(
    'div',
    { class: 'relationships' },
    warnings(report),
    table(columns(report.ownerId), report.people, {
      empty: 'Nobody has a recorded relationship with this client yet.',
    }),
  );
