// The problems of one field, shown right under it; the control points at them with aria-describedby.
interface Props {
  /** The id the control's aria-describedby names. */
  id: string;
  messages: readonly string[];
}

export function FieldProblems({ id, messages }: Props) {
  if (messages.length === 0) return null;
  return (
    <span id={id} role="alert" className="field-problem">
      {messages.join(' ')}
    </span>
  );
}
