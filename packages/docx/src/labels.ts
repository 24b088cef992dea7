/** Latin ordinal suffixes negotiators add to a paragraph number: 6 bis, 6 ter, 6 quater… */
const SUFFIX = "bis|ter|quater|quat|quinquies|sexies|septies|octies|novies|decies";

/**
 * A paragraph number written as text at the start of a paragraph: "12.",
 * "1bis.", "6 ter.", "7)". The number is group 1, the suffix group 2.
 */
export const NUMBER_LABEL = new RegExp(`^(\\d{1,4})(?:\\s?(${SUFFIX}))?[.)](?=\\s|$)`, "i");

/** A sub-paragraph label written as text: "(a)", "b)", "(iv)". */
export const SUB_LABEL = /^\(?([a-z]{1,2}|[ivxlc]{1,6})\)(?=\s|$)/i;

/** The paragraph number a text starts with, if any ("1bis." for "1bis. We reiterate…"). */
export function numberLabelOf(text: string): string | undefined {
  return NUMBER_LABEL.exec(text)?.[0];
}
