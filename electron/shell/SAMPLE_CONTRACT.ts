// The sample investigation every shell opens when it is given no contract, relative to the samples folder.
export const SAMPLE_CONTRACT = 'acme-q3-2026.recon.yaml';
