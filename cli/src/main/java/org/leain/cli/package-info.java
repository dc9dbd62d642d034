/** The {@code ./leain} command line: one picocli root whose subcommands live in their modules. */
package org.leain.cli;
