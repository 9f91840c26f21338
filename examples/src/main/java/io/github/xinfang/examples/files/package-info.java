/**
 * A storage adapter written from scratch on plain files, as an integrator would write one: {@link
 * io.github.xinfang.examples.files.FileCaseStore} keeps a directory's commits in one append-only, checksummed log and
 * answers queries from an in-memory index rebuilt from it on open. Its tests run the storage test kit against it.
 */
package io.github.xinfang.examples.files;
