/**
 * The organisation directory (组织机构): units and officials, given by the portal at start-up.
 *
 * <p>Entry point: {@link io.github.xinfang.directory.OrganisationDirectory}; an in-memory implementation
 * is built with {@link io.github.xinfang.directory.OrganisationDirectory#of}, and
 * {@link io.github.xinfang.directory.OrganisationDirectory#caching} remembers the answers of a portal's own directory
 * for a while.
 *
 * @since 0.1
 */
package io.github.xinfang.directory;
