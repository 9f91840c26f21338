/**
 * Internal: reading profiles from JSON. Not API; may change without notice.
 */
package io.github.xinfang.internal.profile;
