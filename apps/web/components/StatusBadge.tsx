/** A job or paragraph status as a coloured badge; its text is exactly the status. */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-testid={testId}>
      {status}
    </span>
  );
}
