/**
 * The sky module's command-line subcommand, {@code ./leain crossmatch}: crossmatch positions with a
 * sky map given as FITS (plain or gzip) or as an LVK alert (JSON or Avro). Registered in
 * {@code org.leain.cli.Leain}.
 */
package org.leain.sky.cli;
