package org.leain.cli.feed;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.AvroCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./leain produce-spectrum FILE --bootstrap-servers HOST:PORT [--ra DEG --dec DEG]
 * [--obs-time ISO] [--z Z] [--id ID]}: reads a JWST spectrum and publishes it as a Spectrum record
 * (Avro single-object encoding) keyed by its spectrum id. Exit codes: 0 sent, 1 the file is not a
 * usable spectrum or the broker failed, 2 usage error.
 */
@Command(name = "produce-spectrum", mixinStandardHelpOptions = true,
    description = "Publish a JWST spectrum (msaexp .spec.fits or CSV) as a Spectrum record on leain.jwst.spectra.")
public final class ProduceSpectrumCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "msaexp .spec.fits or CSV spectrum.")
  Path file;

  @Mixin
  KafkaConnection connection;

  @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "leain.jwst.spectra",
      description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(names = "--ra", paramLabel = "DEG", description = "Right ascension (ICRS, degrees); overrides the file's. Needs --dec.")
  Double raDeg;

  @Option(names = "--dec", paramLabel = "DEG", description = "Declination (ICRS, degrees); overrides the file's. Needs --ra.")
  Double decDeg;

  @Option(names = "--obs-time", paramLabel = "ISO", description = "Observation start, ISO-8601 (UTC if no zone); overrides the file's.")
  String observationTime;

  @Option(names = "--z", paramLabel = "Z", description = "Spectroscopic redshift; overrides the file's.")
  Double redshift;

  @Option(names = "--id", paramLabel = "ID", description = "Spectrum id and record key ([A-Za-z0-9._:-], at most 128); default from the file name.")
  String spectrumId;

  @Override
  public Integer call() {
    Spectrum spectrum;
    try {
      SpectrumFiles.Overrides overrides = new SpectrumFiles.Overrides(
          raDeg == null ? Double.NaN : raDeg, decDeg == null ? Double.NaN : decDeg,
          observationTime == null ? null : SpectrumFiles.parseIsoTimeMs(observationTime),
          redshift == null ? Double.NaN : redshift, spectrumId);
      spectrum = SpectrumFiles.read(file, overrides);
    } catch (IllegalArgumentException e) {
      System.err.println("leain produce-spectrum: " + e.getMessage());
      return 1;
    }
    byte[] value = AvroCodec.of(Spectrum.class).encode(spectrum);
    try (RecordSender sender = new RecordSender(connection.clientProperties())) {
      RecordMetadata stored = sender.send(topic, spectrum.getSpectrumId(), value);
      System.out.printf("%s  spectrum %s at RA %.5f Dec %.5f, %d bins, z %s (%d bytes) -> %s-%d@%d%n",
          file.getFileName(), spectrum.getSpectrumId(), spectrum.getRaDeg(), spectrum.getDecDeg(),
          spectrum.getWavelengthUm().size(),
          spectrum.getRedshiftSpec() == null ? "none" : spectrum.getRedshiftSpec().toString(),
          value.length, stored.topic(), stored.partition(), stored.offset());
    } catch (RuntimeException e) {
      System.err.println("leain produce-spectrum: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
