// The folder part of a typed path ("/a/b/c.csv" -> "/a/b"), where a file browser starts; undefined when there is none.
export function findParentFolder(file: string): string | undefined {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? file.slice(0, cut) : undefined;
}
