/** A form, not a script: signing out works before the page is interactive and without JavaScript. */
export function SignOutButton({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action} className="inline">
      <button type="submit" className="underline">
        Sign out
      </button>
    </form>
  );
}
