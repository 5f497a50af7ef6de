/**
 * Webhooks: HTTP receivers an admin registers for stream, output and recording events. Every event
 * is stored as a delivery before it is sent, signed with the webhook's secret, and retried with
 * backoff for a day; a slow or dead receiver never holds up the media path.
 */
package org.headend.webhook;
