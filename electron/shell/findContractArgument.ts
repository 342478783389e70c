// Picks the contract a shell was asked to open from its command line (a path ending in .yaml or .yml), if any.

/** `args` are the arguments after the program (and script); options such as --no-sandbox are skipped. */
export function findContractArgument(args: readonly string[]): string | undefined {
  return args.find((arg) => !arg.startsWith('-') && /\.ya?ml$/i.test(arg));
}
