import type { DisputeReport, DisputeView } from './dispute-report';

/** A report section: a title and a table. Both renderers share this layout. */
interface Section {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const text = (value: string | number | boolean | null): string =>
  value === null ? '-' : String(value);

const viewSections = (label: string, view: DisputeView): Section[] => [
  {
    title: `${label}: ownership`,
    columns: ['from', 'to', 'owner', 'reason', 'actor', 'approver', 'recorded'],
    rows: view.ownership.map((row) => [
      row.from,
      text(row.to),
      text(row.ownerName ?? row.ownerId ?? 'pool'),
      row.reason,
      text(row.actorId),
      text(row.approverId),
      row.recordedAt,
    ]),
  },
  {
    title: `${label}: first contact per person`,
    columns: ['person', 'first contact', 'interactions'],
    rows: view.firstContacts.map((row) => [
      text(row.personName ?? row.personId),
      row.firstAt,
      text(row.interactions),
    ]),
  },
  {
    title: `${label}: relationship strength`,
    columns: ['person', 'score', 'band', 'S', 'last interaction', 'monthly scores'],
    rows: view.strength.map((row) => [
      text(row.personName ?? row.personId),
      text(row.score),
      row.band,
      row.strength.toFixed(2),
      row.lastInteractionAt,
      row.points.map((point) => `${point.at.slice(0, 7)}:${point.score}`).join(' '),
    ]),
  },
  {
    title: `${label}: interactions`,
    columns: ['occurred', 'recorded', 'type', 'actor', 'late'],
    rows: view.interactions.map((row) => [
      row.occurredAt,
      row.recordedAt,
      row.type,
      text(row.actorId),
      row.lateRecorded ? 'LATE' : '',
    ]),
  },
  {
    title: `${label}: quotes`,
    columns: ['quote', 'issued by', 'amount', 'status', 'issued', 'closed'],
    rows: view.quotes.map((row) => [
      row.quoteId,
      row.issuedBy,
      `${row.amount} ${row.currency}`,
      row.status,
      row.issuedAt,
      text(row.closedAt),
    ]),
  },
];

const sectionsOf = (report: DisputeReport): Section[] => {
  const entryRows = (entries: DisputeReport['lateEntries']) =>
    entries.map((row) => [row.occurredAt, row.recordedAt, row.type, text(row.actorId)]);
  const entryColumns = ['occurred', 'recorded', 'type', 'actor'];
  return [
    ...viewSections('As it happened', report.asOccurred),
    ...viewSections('As the ledger knew it', report.asKnown),
    {
      title: 'Recorded late',
      columns: entryColumns,
      rows: entryRows(report.lateEntries),
    },
    {
      title: 'Learned after the instant',
      columns: entryColumns,
      rows: entryRows(report.learnedAfter),
    },
    { title: 'Disputes', columns: entryColumns, rows: entryRows(report.disputes) },
  ];
};

const heading = (report: DisputeReport): string[] => [
  `Dispute report for ${report.clientName} (${report.clientId}) at ${report.at}`,
  `Owner as it happened: ${text(report.asOccurred.ownerName ?? report.asOccurred.ownerId ?? 'pool')}; ` +
    `as the ledger knew it: ${text(report.asKnown.ownerName ?? report.asKnown.ownerId ?? 'pool')}`,
  `Entries recorded more than ${report.lateAfterHours} h after they happened are flagged late.`,
];

/** Plain text with aligned columns, for a terminal. */
export const renderDisputeText = (report: DisputeReport): string => {
  const lines = [...heading(report)];
  for (const section of sectionsOf(report)) {
    lines.push('', section.title, '-'.repeat(section.title.length));
    if (section.rows.length === 0) {
      lines.push('(none)');
      continue;
    }
    const table = [section.columns, ...section.rows];
    const widths = section.columns.map((_, column) =>
      Math.max(...table.map((row) => (row[column] ?? '').length)),
    );
    for (const row of table) {
      lines.push(
        row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd(),
      );
    }
  }
  return lines.join('\n') + '\n';
};

const escapeCell = (cell: string): string =>
  cell.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** Markdown with one table per section, for a ticket or an email. */
export const renderDisputeMarkdown = (report: DisputeReport): string => {
  const [title, ...rest] = heading(report);
  const lines = [`# ${title}`, '', ...rest.map((line) => `${line}  `)];
  for (const section of sectionsOf(report)) {
    lines.push('', `## ${section.title}`, '');
    if (section.rows.length === 0) {
      lines.push('_none_');
      continue;
    }
    lines.push(`| ${section.columns.join(' | ')} |`);
    lines.push(`| ${section.columns.map(() => '---').join(' | ')} |`);
    for (const row of section.rows) lines.push(`| ${row.map(escapeCell).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
};
