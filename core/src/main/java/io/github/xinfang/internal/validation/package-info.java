/**
 * Internal: checks of command fields and parsing of form input. Not API; may change without notice.
 */
package io.github.xinfang.internal.validation;
