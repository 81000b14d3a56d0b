/**
 * Whether the page may have missed a change hint in browser mode (docs/API.md, "Change hints").
 * The host counts the hints it has received; each answer carries the count at the time its call
 * began, and the push socket's first message the count when it joined. A hint counted before the
 * socket joined went to the sockets open then, not to ours: an answer older than that may lack
 * its change (a count the desk showed just after login missed the order another desk had just
 * filed). Then, once per joining, every cached query is refreshed; otherwise nothing is asked
 * twice (the wall's first calls stay one each). A socket that opens again after a loss refreshes
 * everything at once (hints went by while it was gone), and that refresh counts for its joining.
 */
export class MissedHints {
  /** The count when the socket joined; null while no socket is joined. */
  private joinedAt: number | null = null;
  /** The oldest count among answers taken while no socket was joined. */
  private oldest = Infinity;
  private resynced = false;
  private everOpened = false;
  /** The socket reopened and everything was refreshed then: its joining needs no second refresh. */
  private refreshedOnOpen = false;

  constructor(private readonly resync: () => void) {}

  /** An answer's count (null: the host did not say; nothing is assumed). */
  answer(changes: number | null): void {
    if (changes === null) return;
    if (this.joinedAt === null) this.oldest = Math.min(this.oldest, changes);
    // Begun before the socket joined and answered after: one refresh covers every such answer,
    // since whatever is in flight then is fetched once more when it lands.
    else if (changes < this.joinedAt) this.refresh();
  }

  /** The socket opened (before its first message). */
  opened(): void {
    if (this.everOpened) {
      this.resync();
      this.refreshedOnOpen = true;
    }
    this.everOpened = true;
  }

  /** The socket's first message. */
  joined(changes: number): void {
    this.joinedAt = changes;
    // A refresh begun when the socket opened fetches again whatever was answered before it.
    this.resynced = this.refreshedOnOpen;
    this.refreshedOnOpen = false;
    if (this.oldest < changes) this.refresh();
    this.oldest = Infinity;
  }

  /** The socket closed: until the next one joins, hints go by unseen. */
  left(): void {
    this.joinedAt = null;
  }

  private refresh(): void {
    if (this.resynced) return;
    this.resynced = true;
    this.resync();
  }
}
