// The sample investigation every shell opens when it is given no contract, relative to the samples folder.
export const SAMPLE_CONTRACT = 'acme-q3-2026.recon.yaml';
/** The pipeline sample (amounts, money.md), in its own folder of the samples folder. */
export const PIPELINE_SAMPLE_CONTRACT = 'pipeline/acme-pipeline-q3-2026.recon.yaml';
