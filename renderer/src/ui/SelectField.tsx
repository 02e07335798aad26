import type { ReactNode } from 'react';

export interface SelectFieldProps<T extends string> {
  id: string;
  label: ReactNode;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => ReactNode;
  onChange: (value: T) => void;
  disabled?: boolean;
  testId?: string;
}

/** A labelled drop-down in a dialog's form: one option per value, shown by `optionLabel`. */
export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  optionLabel,
  onChange,
  disabled,
  testId,
}: SelectFieldProps<T>) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} className="input select" data-testid={testId} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
