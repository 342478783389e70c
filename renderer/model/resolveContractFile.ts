// Where a source file named in a contract is: relative paths are read from the contract file's folder (spec).

/** `file` as the contract writes it, made absolute against the folder of `contractPath`. */
export function resolveContractFile(contractPath: string, file: string): string {
  if (/^([A-Za-z]:)?[\\/]/.test(file)) return file;
  const cut = Math.max(contractPath.lastIndexOf('/'), contractPath.lastIndexOf('\\'));
  return `${contractPath.slice(0, cut + 1)}${file}`;
}
