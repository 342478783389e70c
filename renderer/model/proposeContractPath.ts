// The default place of a new contract: `<workspace>/<title as a file name>.recon.yaml`, in the user's folder, not the data's.
export function proposeContractPath(workspace: string, title: string): string {
  const slug =
    title
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'investigation';
  // The workspace's own separator: a Windows folder keeps its backslashes.
  const separator = workspace.includes('\\') && !workspace.includes('/') ? '\\' : '/';
  return `${workspace.replace(/[\\/]+$/, '')}${separator}${slug}.recon.yaml`;
}
