/** An error the user should notice at once (role="alert"), with an optional retry. */
import type { ReactNode } from "react";

export function ErrorMessage({
  title,
  children,
  onRetry,
  testId,
}: {
  title?: string;
  children: ReactNode;
  onRetry?: () => void;
  testId?: string;
}) {
  return (
    <div className="error-box" role="alert" data-testid={testId}>
      {title ? <strong className="error-title">{title}</strong> : null}
      <span>{children}</span>
      {onRetry ? (
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
