/**
 * The audit trail: every change made through the API or the console, and every sign-in attempt,
 * with who, when, from which address and on which object. Entries are never changed or removed
 * by the application. {@code control.Audit} is told who acted (an {@code Actor}); the boundary
 * that took the request names it, through {@code boundary.Actors} or {@code Actor.SYSTEM}.
 */
package org.headend.audit;
