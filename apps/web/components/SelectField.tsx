/** A labelled <select> over a list of named options, with an optional error under it. */
import { useId } from "react";
import { FieldError } from "./FieldError";

export function SelectField({
  label,
  name,
  value,
  options,
  onChange,
  disabled,
  emptyLabel,
  error,
}: {
  label: string;
  name: string;
  value: string;
  options: ReadonlyArray<{ id: string; name: string }>;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** Shown as the first, unselectable option when nothing is chosen. */
  emptyLabel: string;
  /** A validation message for this field (shown under it, `data-testid="field-error-<name>"`). */
  error?: string | null;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        <option value="" disabled>
          {options.length === 0 ? emptyLabel : "Choose…"}
        </option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      <FieldError id={errorId} testId={`field-error-${name}`}>
        {error}
      </FieldError>
    </div>
  );
}
