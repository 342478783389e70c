// The audit pack's file name (review.md): `<title> v<version> audit`, characters no file system takes as `_`, cut to 150 characters.

const MAX_NAME_CHARACTERS = 150;

/** `/ \ : * ? " < > |` and control characters as `_`; cut by characters (code points), so no character is split in two. */
export function nameAuditPack(title: string, version: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const safe = `${title} v${version} audit`.replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_');
  return Array.from(safe).slice(0, MAX_NAME_CHARACTERS).join('');
}
