// The house's UI pieces: forms, buttons and messages look and behave alike everywhere.
export { ErrorBox, ErrorText, PageNotice, StatusText } from './Alert';
export { Button } from './Button';
export { CheckboxField, FieldError, SelectField, TextAreaField, TextField, shownValue } from './Field';
export { FormOutcome } from './FormOutcome';
export { Options } from './Options';
export { Pager } from './Pager';
export { ProgressBar } from './ProgressBar';
export { buttonClass, controlClass } from './controls';
