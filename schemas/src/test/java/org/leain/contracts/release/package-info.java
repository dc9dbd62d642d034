/**
 * Release tooling, run by hand when a contract changes ({@link org.leain.contracts.release.SchemaRelease}),
 * and the helpers the tests share with it: the module's folders, the readable JSON of a record,
 * the content of {@code fingerprints.json}.
 */
package org.leain.contracts.release;
