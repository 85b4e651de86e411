// The manual entry forms: <EntryForms endpoint="/api/v1/patients/<id>/entries" units={...} /> on any page.
export { EntryForms, type EntryFormsProps } from './entry-forms';
