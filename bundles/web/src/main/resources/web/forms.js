// Field errors beside their fields, for the pages' forms. The API answers bad input with 400 and
// fields[] ({ field, code, message }); a page shows each error in the paragraph `${id}-error` under the control
// `${id}` that the field belongs to, marks the control invalid (a fieldset of choices gets the class "invalid")
// and focuses the first one. Errors without a place are returned for a message above the form.

/** The page's own text for an error code (`${prefix}.err.<code>`), else the server's message. */
export function errorText(t, prefix, error) {
  const key = `${prefix}.err.${error.code}`;
  const text = t(key);
  return text === key ? error.message || error.code : text;
}

/** Hides every error of the form and takes the invalid marks away. */
export function resetErrors(form) {
  form.querySelectorAll('.field-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  form.querySelectorAll('fieldset.invalid').forEach((f) => f.classList.remove('invalid'));
}

/**
 * Shows each error beside its field. `idOf(error)` names the element id of the field's control (or null when the
 * form has none), `textOf(error)` the text to show. Answers `{ first, unplaced }`: the control to focus, and the
 * texts of the errors that have no place in the form.
 */
export function showErrors(form, errors, idOf, textOf) {
  let first = null;
  const unplaced = [];
  for (const error of errors) {
    const id = idOf(error);
    const p = id && form.querySelector(`#${CSS.escape(id)}-error`);
    const control = id && form.querySelector(`#${CSS.escape(id)}`);
    if (!p || !control) {
      unplaced.push(textOf(error));
      continue;
    }
    p.textContent = p.hidden ? textOf(error) : `${p.textContent} ${textOf(error)}`;
    p.hidden = false;
    if (control.tagName === 'FIELDSET') {
      control.classList.add('invalid');
      first = first || control.querySelector('input, select');
    } else {
      control.setAttribute('aria-invalid', 'true');
      first = first || control;
    }
  }
  return { first, unplaced };
}
