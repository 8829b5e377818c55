/**
 * Money is added and compared in integer cents: 0.1 + 0.2 must come to 0.30 exactly, and a
 * total of many lines must not drift by a cent. Amounts reaching here have at most 2 decimals.
 */
export const cents = (amount: number): number => Math.round(amount * 100);

/** A sum of money amounts, added in cents. */
export const sumOf = (amounts: number[]): number => amounts.reduce((total, amount) => total + cents(amount), 0) / 100;
