/** A validation message under its field; the field points at it with aria-describedby. */
export function FieldError({ id, children, testId }: { id: string; children: string | null | undefined; testId?: string }) {
  if (!children) return null;
  return (
    <p className="field-error" id={id} data-testid={testId}>
      {children}
    </p>
  );
}
