import { InvalidArgumentError } from 'commander';

/** A positive whole number option, refused as a usage error otherwise. */
export const parseCount =
  (name: string) =>
  (value: string): number => {
    const number = Number(value);
    if (!Number.isSafeInteger(number) || number < 1) {
      throw new InvalidArgumentError(`${name} expects a whole number of at least 1`);
    }
    return number;
  };

/** A date or instant option, kept as a Date. */
export const parseInstant =
  (name: string) =>
  (value: string): Date => {
    const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value;
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) {
      throw new InvalidArgumentError(
        `${name} expects a date such as 2025-06-30 or an ISO instant`,
      );
    }
    return date;
  };
