// The ways one address gets written differently that the contract's identity key (trim, lowercase, strip_plus_tag) undoes.

/** `jane.doe@brightwave.io` -> `Jane.Doe@Brightwave.io`. */
export function toTitleCase(email: string): string {
  return email.replace(/(^|[._@])([a-z])/g, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/** `jane@x.com` -> `jane+webinar@x.com`. */
export function withPlusTag(email: string, tag: string): string {
  return email.replace('@', `+${tag}@`);
}

/** Surrounding white space, as pasted from another tool. */
export function withSpaces(email: string, before: string, after: string): string {
  return `${before}${email}${after}`;
}
