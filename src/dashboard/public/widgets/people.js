import { apiGetAll } from '../api.js';
import { h } from '../dom.js';

// The API has no list of people for readers; the activity report names every
// salesperson with a row, which is who the pickers need. Loaded once per token.
let cached;

export const loadPeople = () => {
  cached ??= apiGetAll('/dashboards/activity', {}, 'people').then(
    (report) =>
      report.people
        .map((row) => ({ personId: row.personId, name: row.personName ?? row.personId }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    (error) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
};

export const forgetPeople = () => {
  cached = undefined;
};

// A person named in the URL but missing from the list still shows as chosen.
const withSelected = (people, selected) =>
  !selected || people.some((person) => person.personId === selected)
    ? people
    : [...people, { personId: selected, name: `${selected.slice(0, 8)}…` }];

/** A labelled select of salespeople; `onchange` gets the chosen id ('' for any). */
export const personSelect = (
  people,
  { label, selected = '', anyText, onchange, id, name },
) =>
  h(
    'label',
    { class: 'field', for: id },
    h('span', {}, label),
    h(
      'select',
      { id, name, onchange: onchange && ((event) => onchange(event.target.value)) },
      anyText && h('option', { value: '' }, anyText),
      withSelected(people, selected).map((person) =>
        h(
          'option',
          { value: person.personId, selected: person.personId === selected },
          person.name,
        ),
      ),
    ),
  );

/** A person's name when the list knows them, else a shortened id. */
export const nameOf = (people, personId) => {
  if (!personId) return '—';
  return (
    people.find((person) => person.personId === personId)?.name ??
    `${personId.slice(0, 8)}…`
  );
};

/** The people list, or an empty one when it cannot be read (names then show as ids). */
export const peopleOrNone = () => loadPeople().catch(() => []);
