// What each identity normaliser does, in words for the people who choose and sign them (form and contract comments).
import type { Normalizer } from './contractTypes';

export const NORMALIZER_WORDS: Record<Normalizer, string> = {
  trim: 'ignore spaces around the value',
  lowercase: 'ignore upper and lower case',
  strip_plus_tag: 'drop a +tag from e-mail addresses (jo+webinar@x.com is jo@x.com)',
  gmail_dots: 'ignore dots in Gmail addresses (jo.ann@gmail.com is joann@gmail.com)',
  digits_only: 'keep digits only, for phone numbers ((555) 010-2030 is 5550102030)',
  salesforce_id: 'read Salesforce ids by their 15-character form, case kept (0068c00000AbCdE and 0068c00000AbCdEAAU are one record)',
};

/** The normalisers used when the form does not say. */
export const DEFAULT_NORMALIZERS: Normalizer[] = ['trim', 'lowercase'];
