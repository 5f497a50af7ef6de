/**
 * The audit trail: every change made through the API or the console, and every sign-in attempt,
 * with who, when, from which address and on which object. Entries are never changed or removed
 * by the application.
 */
package org.headend.audit;
