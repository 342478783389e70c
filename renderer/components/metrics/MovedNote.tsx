// Says, above a metrics screen, that a contract edit was applied and how its moved numbers are marked.
export function MovedNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <p className="moved-note" role="note">
      The contract was edited and applied: every number that moved shows <span className="moved">before → after</span> beside it.
    </p>
  );
}
