/** A labelled <select> over a list of named options. */
import { useId } from "react";

export function SelectField({
  label,
  name,
  value,
  options,
  onChange,
  disabled,
  emptyLabel,
}: {
  label: string;
  name: string;
  value: string;
  options: ReadonlyArray<{ id: string; name: string }>;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** Shown as the first, unselectable option when nothing is chosen. */
  emptyLabel: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} required>
        <option value="" disabled>
          {options.length === 0 ? emptyLabel : "Choose…"}
        </option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
