/** The header's unread count follows what the inbox page marks read: the page says so with this event. */
export const INBOX_CHANGED = 'khcn:inbox-changed';

export const announceInboxChange = () => globalThis.dispatchEvent?.(new Event(INBOX_CHANGED));
