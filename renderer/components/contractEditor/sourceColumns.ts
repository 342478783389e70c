// The column headers of each source's export (source name -> headers), given to the editor by the screen that read them.
import { Facet } from '@codemirror/state';

export const sourceColumns = Facet.define<Readonly<Record<string, readonly string[]>>, Readonly<Record<string, readonly string[]>>>({
  combine: (values) => Object.assign({}, ...values) as Record<string, readonly string[]>,
});
