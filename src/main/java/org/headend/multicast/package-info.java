/**
 * Multicast distribution on corporate LANs: paced MPEG-TS senders to multicast groups, SAP/SDP announcements and
 * channel lists.
 */
package org.headend.multicast;
