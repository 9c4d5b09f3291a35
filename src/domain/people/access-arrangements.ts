/**
 * Key-holding and access arrangements say who holds keys and how to reach them. A key-safe
 * code written there would be readable by everyone who can read the record, so we refuse text
 * that looks like one: a group of 3–8 digits that is not part of a phone number, or the word
 * "code" followed by characters that look like a code. Phone numbers (10+ digits, perhaps with
 * spaces, starting 0 or +44) are allowed because they are how key holders are reached.
 */
const PHONE = /(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\d?\b/g;
const DIGIT_GROUP = /(?<![\d])\d{3,8}(?![\d])/;
const CODE_WORD = /\b(?:code|pin|combination)\b\s*(?:is|=|:|-)?\s*[A-Z]?\d/i;

/** Why this text cannot be stored as access arrangements, or undefined when it can. */
export function accessArrangementsProblem(text: string): string | undefined {
  const withoutPhones = text.replace(PHONE, ' ');
  if (DIGIT_GROUP.test(withoutPhones) || CODE_WORD.test(text)) {
    return 'Do not write a key-safe code here. Say who holds it instead, e.g. "Key-safe code held by the on-call manager"';
  }
  return undefined;
}
