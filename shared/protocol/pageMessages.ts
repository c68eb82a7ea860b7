// Messages written into a panel's page by the host (src/extension/panel.ts writePage), for the page to handle
// before it says it is ready, as if posted: its first view is then painted without a round trip.

/** The id of the page's `<script type="application/json">` element that holds them (a JSON array). */
export const PAGE_MESSAGES_ID = 'langlens-page-messages';
