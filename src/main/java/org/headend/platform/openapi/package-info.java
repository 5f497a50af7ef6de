/**
 * The OpenAPI document served at {@code /openapi}: what it says about the whole API (tags, the
 * bearer scheme, the problem responses) and the fix-ups the runtime's generated document needs so
 * that client generators and linters take it as it is. The operations themselves are described on
 * the resources.
 */
package org.headend.platform.openapi;
