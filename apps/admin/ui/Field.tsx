/** A labelled field with its error right under it (the input is described by the error, for screen readers too). */
import type { ComponentChildren } from 'preact';

/** `group`: several controls (checkboxes, buttons) named by the label as a group, not one input labelled by it */
export function Field({ label, name, error, children, hint, group }: { label: string; name: string; error?: string; children: ComponentChildren; hint?: string; group?: boolean }) {
  return (
    <div class={error ? 'field bad' : 'field'} data-field={name}>
      {group ? (
        <div role="group" aria-labelledby={`label-${name}`}>
          <span class="label" id={`label-${name}`}>{label}</span>
          {children}
        </div>
      ) : (
        <label>
          <span class="label">{label}</span>
          {children}
        </label>
      )}
      {hint && !error && <small class="hint">{hint}</small>}
      {error && <small class="field-error" role="alert" id={`err-${name}`}>{error}</small>}
    </div>
  );
}

export function Check({ label, checked, onChange, name }: { label: string; checked: boolean; onChange: (v: boolean) => void; name: string }) {
  return (
    <label class="check">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

/** the general line of a refusal (what fits no field) */
export function FormError({ text }: { text: string | null }) {
  return text ? <p class="error" role="alert">{text}</p> : null;
}
