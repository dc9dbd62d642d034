/**
 * The stream app's one typed configuration.
 *
 * <p>Settings are flat dotted keys ({@code join.order}, {@code topics.spectra}). They are read in
 * layers, each overriding the one before: built-in defaults, a Java properties file
 * ({@code --config FILE}), environment variables ({@code LEAIN_JOIN_ORDER} for {@code join.order}:
 * upper case, dots and dashes as underscores) and command-line overrides. The merged map is
 * validated once, at start, into {@link org.leain.stream.config.LeainConfig}; every error names the
 * setting, so a typo or a bad value fails the start rather than a record an hour later. Unknown keys
 * are errors too (except the {@code kafka.} pass-through prefix).
 *
 * <p>Secrets (SASL passwords, OAuth client secrets, key store passwords) are read only from the
 * environment or from a file named by {@code <setting>.file}: never from the properties file itself
 * or the command line, which end up in shells' histories, process lists and repositories.
 */
package org.leain.stream.config;
