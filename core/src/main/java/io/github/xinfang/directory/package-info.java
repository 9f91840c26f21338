/**
 * The organisation directory (组织机构): units and officials, given by the portal at start-up.
 *
 * <p>Entry point: {@link io.github.xinfang.directory.OrganisationDirectory}; an in-memory implementation
 * is built with {@link io.github.xinfang.directory.OrganisationDirectory#of}.
 *
 * @since 0.1
 */
package io.github.xinfang.directory;
