/**
 * Live updates for the web interface: the server publishes what its writes changed, and every open
 * `GET /api/events` stream (Server-Sent Events) receives it.
 */

export type ServerEvent =
  | { type: 'article'; id: string; story: string; title: string | null; outlet: string | null }
  | { type: 'story'; id: string; articles: number; title: string | null };

export type EventListener = (event: ServerEvent) => void;

/** Streams beyond this many are refused: each holds a connection and a listener. */
export const MAX_EVENT_SUBSCRIBERS = 1000;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Adds a listener; returns the function that removes it, or null when the hub is full. */
  subscribe(listener: EventListener): (() => void) | null {
    if (this.listeners.size >= MAX_EVENT_SUBSCRIBERS) return null;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: ServerEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener whose connection broke must not stop the others; its stream removes it on abort.
      }
    }
  }
}
