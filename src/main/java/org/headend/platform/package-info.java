/**
 * Cross-cutting plumbing that several capabilities share: the JAX-RS application, problem+json
 * errors, strict JSON reading, the datasource and its migrations, child-process handling and the
 * data directory. Nothing here knows about streams or ladders.
 */
package org.headend.platform;
