/**
 * The accessible name of a picker. Inside a `Form.Item` with a label, the `<label for={id}>` names it; a picker
 * used without one (a filter above a list, a row of a repeated list in a form) is named by its placeholder, unless
 * the caller gives an `aria-label`. Whether a label points at the picker is known only once it is in the page.
 */
import { useEffect, useState } from 'react';

export function useAccessibleName(id: string | undefined, placeholder: string | undefined, explicit: string | undefined): string | undefined {
  const [labelled, setLabelled] = useState(id !== undefined);
  useEffect(() => {
    setLabelled(id !== undefined && document.querySelector(`label[for="${CSS.escape(id)}"]`) !== null);
  }, [id]);
  return explicit ?? (labelled ? undefined : placeholder);
}
