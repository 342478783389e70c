// What was read from an export, in one line, with the lines left out listed underneath on request.
import type { ExportPreview } from '../../../shared/api';
import { describeExportDialect } from '../../model/describeExportDialect';

const PRESET_NAMES: Record<string, string> = {
  hubspot: 'HubSpot',
  marketo: 'Marketo',
  pardot: 'Pardot',
  salesforce_report: 'Salesforce report',
  salesforce_data_loader: 'Salesforce Data Loader',
  spend_sheet: 'spend sheet',
  marketo_measure: 'Marketo Measure',
};

/** What revenue.md's exports hold, said after the system: "Salesforce report export of contact roles". */
const KIND_NAMES: Record<string, string> = {
  contact_roles: 'contact roles (people on opportunities)',
  lead_conversions: 'leads with their conversion',
  tasks: 'tasks (sales activities)',
  spend: 'spend (month, channel, amount)',
  touches: 'touches (who, when, which channel)',
};

const REASONS: Record<string, string> = {
  title_row: 'title',
  blank_row: 'blank',
  report_footer: 'footer',
  unparseable_row: 'unreadable',
};

const SHOWN_LINES = 20;

export function ExportReadSummary({ preview }: { preview: ExportPreview }) {
  const dropped = preview.dialect.dropped;
  return (
    <div className="read-summary">
      <p className="recognised">
        {preview.preset ? (
          <>
            Recognised: <strong>{PRESET_NAMES[preview.preset]}</strong>
            {preview.preset === 'spend_sheet' ? '' : ' export'}
            {preview.records ? ` of ${preview.records}` : preview.kind && preview.preset !== 'spend_sheet' ? ` of ${KIND_NAMES[preview.kind]}` : ''}, {preview.columns.length} columns.
          </>
        ) : (
          <>Not a known export layout: {preview.columns.length} columns. Choose the columns below.</>
        )}
      </p>
      <details className="dialect">
        <summary>{describeExportDialect(preview)}</summary>
        <dl className="dialect-details">
          <dt>Encoding</dt>
          <dd>{preview.dialect.encoding}</dd>
          {preview.dialect.delimiter !== undefined ? (
            <>
              <dt>Delimiter</dt>
              <dd>
                <code>{preview.dialect.delimiter === '\t' ? '\\t' : preview.dialect.delimiter}</code>
              </dd>
            </>
          ) : null}
          <dt>Columns</dt>
          <dd>{preview.columns.join(', ')}</dd>
        </dl>
        {dropped.length > 0 ? (
          <table className="field-map">
            <caption>Lines left out</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Why</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {dropped.slice(0, SHOWN_LINES).map((d) => (
                <tr key={d.line}>
                  <td>{d.line}</td>
                  <td>{REASONS[d.reason] ?? d.reason}</td>
                  <td className="file">{d.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {dropped.length > SHOWN_LINES ? <p className="muted">and {dropped.length - SHOWN_LINES} more.</p> : null}
      </details>
    </div>
  );
}
