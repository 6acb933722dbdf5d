// How instants, durations and money read on the page, in the browser's locale.

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const dayMs = 86_400_000;

export const formatDate = (iso) => (iso ? dateFormat.format(new Date(iso)) : '—');

export const formatDateTime = (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : '—');

/** "3 months ago", "yesterday": how long ago an instant was. */
export const formatAgo = (iso, now = Date.now()) => {
  if (!iso) return '—';
  const days = Math.round((Date.parse(iso) - now) / dayMs);
  if (Math.abs(days) < 45) return relative.format(days, 'day');
  if (Math.abs(days) < 540) return relative.format(Math.round(days / 30.44), 'month');
  return relative.format(Math.round(days / 365.25), 'year');
};

/** `{ EUR: 1200, USD: 30 }` as "€1,200 · $30"; empty as "—". */
export const formatMoney = (byCurrency) => {
  const entries = Object.entries(byCurrency ?? {});
  if (entries.length === 0) return '—';
  return entries
    .map(([currency, amount]) => {
      try {
        return new Intl.NumberFormat(undefined, {
          style: 'currency',
          currency,
          maximumFractionDigits: 0,
        }).format(amount);
      } catch {
        return `${amount} ${currency}`;
      }
    })
    .join(' · ');
};

export const formatPercent = (share) => `${Math.round(share * 100)}%`;

/** "neglected-no-interaction" as "neglected, no interaction"; event names split. */
export const humanize = (text) =>
  String(text ?? '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/-/g, ' ')
    .toLowerCase();

/** A date input's value (yyyy-mm-dd) as the ISO instant the API wants. */
export const isoOfDateInput = (value, endOfDay = false) =>
  value ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : undefined;

export const dateInputOf = (iso) => (iso ? iso.slice(0, 10) : '');

/** "1 client", "3 clients". */
export const countOf = (count, noun) => `${count} ${noun}${count === 1 ? '' : 's'}`;
