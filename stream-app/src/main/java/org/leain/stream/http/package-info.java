/**
 * The app's one HTTP port (the JDK's {@code com.sun.net.httpserver}): {@code /metrics} (Prometheus
 * text), {@code /health} (the process answers), {@code /ready} (Kafka Streams is RUNNING and the
 * model is warm), and the JSON queries {@code /superevents/{id}} and
 * {@code /spectra/{id}/associations}. Only GET is allowed (405 otherwise, with {@code Allow: GET});
 * ids are checked with the same rule as the stream's, so a path can never smuggle anything.
 */
package org.leain.stream.http;
