/** A failed call's message in a dialog or panel, announced as an alert; nothing when there is none. */
export function ErrorCallout({ message, testId }: { message: string | null; testId?: string }) {
  if (message === null) return null;
  return (
    <div className="callout callout-error" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}
